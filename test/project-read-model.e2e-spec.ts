import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { Client as Pg } from 'pg';
import { workflowItems, type ProjectWorkflowInput } from '../libs/approval/src';
import { chineseDaysSnapshot } from '../libs/calendar/src';
import { checklist, policyFor } from '../libs/domain/src';
import { REFUSAL_TYPE, projectCommandUpdate, projectWorkflowId } from '../libs/temporal/src';
import { projectWorkflow } from '../workflows';
import { Harness, startHarness } from './app-harness';

/**
 * The real worker (Nest context, real activities) against the real dev server and PostgreSQL:
 * every state change of a project reaches the read model the API reports from.
 */
describe('project workflow → read model in PostgreSQL (real stack)', () => {
  let h: Harness;
  let connection: Connection;
  let client: Client;
  let pg: Pg;
  let taskQueue: string;

  beforeAll(async () => {
    h = await startHarness();
    taskQueue = h.taskQueue;
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    client = new Client({ connection });
    pg = new Pg({ connectionString: process.env.DATABASE_URL });
    await pg.connect();
  });
  afterAll(async () => {
    await pg?.end();
    await connection?.close();
    await h?.close();
  });

  function input(): ProjectWorkflowInput {
    const list = checklist({
      projectType: 'SIMPLE_LOW_RISK',
      landAcquisition: 'OWN_LAND',
      regionalAssessment: 'NO',
      eiaCategory: 'REGISTRATION',
      civilAirDefence: 'NO',
      fireSpecial: 'NO',
      belowPermitThreshold: 'NO',
      utilities: ['WATER', 'POWER'],
      municipalWorks: [],
      culturalRelics: 'NO',
    });
    const policy = policyFor(list.projectType);
    return {
      projectId: randomUUID(),
      name: '简易低风险仓库',
      type: list.projectType,
      region: 'CN',
      ownerOrganisation: 'org-a',
      limitDays: policy.limitDays,
      stageBudgets: policy.stageBudgets,
      warning: policy.warning,
      calendar: chineseDaysSnapshot(),
      createdBy: { username: 'applicant', role: 'APPLICANT', organisation: 'org-a' },
      items: workflowItems(list).map(({ materials: _, ...item }) => item),
    };
  }

  it('writes the project, its items, the timeline and the notices, idempotently', async () => {
    const wf = input();
    const handle = await client.workflow.start(projectWorkflow, {
      workflowId: projectWorkflowId(wf.projectId),
      taskQueue,
      args: [wf],
    });
    const send = (
      actor: { username: string; role: string; organisation?: string },
      command: unknown,
      requestId?: string,
    ) =>
      handle.executeUpdate(projectCommandUpdate, {
        args: [{ actor, command: command as never, requestId }],
        ...(requestId ? { updateId: requestId } : {}),
      });
    const applicant = { username: 'applicant', role: 'APPLICANT', organisation: 'org-a' };
    await send(applicant, { kind: 'SUBMIT_STAGE', stage: 'PLAN' });
    await send(
      { username: 'window', role: 'WINDOW_OFFICER' },
      { kind: 'ACCEPT_STAGE', stage: 'PLAN', decision: 'ACCEPT' },
    );

    // The Update returns after the write: a read right after sees the change.
    const project = await pg.query(
      'SELECT status, stage, type, limit_days, state_seq FROM projects WHERE id = $1',
      [wf.projectId],
    );
    expect(project.rows[0]).toMatchObject({
      status: 'IN_PROGRESS',
      stage: 'PLAN',
      type: 'SIMPLE_LOW_RISK',
      limit_days: 12,
    });
    const items = await pg.query(
      'SELECT code, status, department, due_date FROM project_items WHERE project_id = $1 AND stage = $2 ORDER BY code',
      [wf.projectId, 'PLAN'],
    );
    expect(items.rows.length).toBeGreaterThan(0);
    for (const row of items.rows) {
      expect(row.status).toBe('UNDER_REVIEW');
      expect(row.due_date).not.toBeNull();
    }

    const first = items.rows[0] as { code: string; department: string };
    const officer = {
      username: `officer.${first.department}`,
      role: 'REVIEWING_OFFICER',
      department: first.department,
    };
    const requestId = randomUUID();
    const r1 = await send(
      officer,
      {
        kind: 'DECIDE',
        itemCode: first.code,
        action: 'REQUEST_SUPPLEMENT',
        comment: '补充用地证明',
      },
      requestId,
    );
    const r2 = await send(
      officer,
      {
        kind: 'DECIDE',
        itemCode: first.code,
        action: 'REQUEST_SUPPLEMENT',
        comment: '补充用地证明',
      },
      requestId,
    );
    expect(r2.seq).toBe(r1.seq);

    const row = await pg.query(
      'SELECT status FROM project_items WHERE project_id = $1 AND code = $2',
      [wf.projectId, first.code],
    );
    expect(row.rows[0].status).toBe('SUPPLEMENT_REQUESTED');
    const timeline = await pg.query(
      'SELECT type, item_code, clock_effect FROM timeline_events WHERE project_id = $1 ORDER BY seq',
      [wf.projectId],
    );
    const types = timeline.rows.map((r: { type: string }) => r.type);
    expect(types.slice(0, 3)).toEqual(['PROJECT_CREATED', 'STAGE_SUBMITTED', 'STAGE_ACCEPTED']);
    expect(types.filter((t: string) => t === 'SUPPLEMENT_REQUESTED')).toHaveLength(1); // one effect for one request id
    const notice = await pg.query(
      "SELECT recipient_role, organisation, kind, message FROM notices WHERE project_id = $1 AND kind = 'CLOCK_STOPPED'",
      [wf.projectId],
    );
    expect(notice.rows).toHaveLength(1);
    expect(notice.rows[0]).toMatchObject({ recipient_role: 'APPLICANT', organisation: 'org-a' });
    expect(notice.rows[0].message).toContain('补充用地证明');

    // A refused command changes nothing and says why.
    const err = await send(officer, {
      kind: 'DECIDE',
      itemCode: first.code,
      action: 'APPROVE',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (err as WorkflowUpdateFailedError).cause as { type?: string; message: string };
    expect(cause.type).toBe(REFUSAL_TYPE.CONFLICT);
    expect(cause.message).toContain('SUPPLEMENT_REQUESTED');
    const after = await pg.query(
      'SELECT count(*)::int AS n FROM timeline_events WHERE project_id = $1',
      [wf.projectId],
    );
    expect(after.rows[0].n).toBe(timeline.rows.length);

    // Starting the same project again gives the same workflow, not a second one.
    const again = await client.workflow.start(projectWorkflow, {
      workflowId: projectWorkflowId(wf.projectId),
      taskQueue,
      args: [wf],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    expect(again.firstExecutionRunId).toBe(handle.firstExecutionRunId);
  });
});
