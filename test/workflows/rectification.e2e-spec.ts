import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import { createRectificationActivities } from '../../activities/rectification.activities';
import { initialState, workflowItems } from '../../libs/approval/src';
import { parseDatabaseConfig } from '../../libs/config/src';
import { DEFAULT_WARNING, EXAMPLE_ANSWERS, checklist, policyFor } from '../../libs/domain/src';
import {
  dataSourceOptions,
  findRectification,
  insertProject,
  insertRating,
  openDataSource,
  type RectificationRecord,
} from '../../libs/persistence/src';
import {
  RECTIFICATION_CONFLICT,
  rectificationConfirmUpdate,
  rectificationQuery,
  rectificationRespondUpdate,
  rectificationWorkflowId,
} from '../../libs/temporal/src';
import { type RectificationInput } from '../../libs/approval/src';
import { rectificationWorkflow } from '../../workflows/rectification.workflow';
import {
  ReadModel,
  TimeSkippingEnv,
  calendarSnapshot,
  completedResult,
  eventually,
  expectInstant,
  makeWorker,
  refusal,
  sleepUntil,
  startEnv,
} from './harness';

/**
 * National Day 2026: 10-01 … 10-07 off, Sat 10-10 a make-up working day. A rectification opened
 * on Tue 09-29 is due on the 5th working day after it: 09-30, 10-08, 10-09, 10-10, 10-12. The
 * server clock starts on 09-29 10:00 in Beijing; the workflow's writes go to the real PostgreSQL.
 */
describe('rectification across National Day 2026 (time-skipping, real PostgreSQL)', () => {
  let ts: TimeSkippingEnv;
  let env: TestWorkflowEnvironment;
  let ds: DataSource;
  const list = checklist(EXAMPLE_ANSWERS.warehouse);

  beforeAll(async () => {
    ts = await startEnv('2026-09-29T02:00:00Z');
    env = ts.env;
    ds = await openDataSource(dataSourceOptions(parseDatabaseConfig(process.env), 'test'));
  });
  afterAll(async () => {
    await ts?.stop();
    await ds?.destroy();
  });

  /** A project row and a bad rating of its first item, as the API stores them. */
  async function badRating(openedOn: string, score = 1): Promise<RectificationInput> {
    const state = initialState(
      {
        projectId: randomUUID(),
        name: '国庆仓库',
        type: list.projectType,
        region: 'CN',
        ownerOrganisation: 'org-nd',
        items: workflowItems(list),
        limitDays: policyFor(list.projectType).limitDays,
        stageBudgets: null,
        warning: DEFAULT_WARNING,
      },
      'cal-v1',
      new Date().toISOString(),
    );
    await insertProject(ds, { state, createdBy: 'nd', idempotencyKey: null });
    const item = state.items[0];
    const id = randomUUID();
    await insertRating(ds, {
      id,
      projectId: state.projectId,
      itemCode: item.code,
      round: 1,
      department: item.department,
      score,
      comment: '办理太慢',
      ratedBy: 'applicant',
      onBehalfOf: null,
      ratedOn: openedOn,
    });
    return {
      id,
      projectId: state.projectId,
      projectName: state.name,
      itemCode: item.code,
      itemName: item.name,
      department: item.department,
      organisation: 'org-nd',
      score,
      comment: '办理太慢',
      openedOn,
      calendar: calendarSnapshot(),
    };
  }
  /** A worker runs once (runUntil shuts it down): one per test, with the real activity. */
  const newWorker = () =>
    makeWorker(env, new ReadModel(), { ...createRectificationActivities({ dataSource: ds }) });
  let taskQueue: string;
  const start = (input: RectificationInput) =>
    env.client.workflow.start(rectificationWorkflow, {
      workflowId: rectificationWorkflowId(input.id),
      taskQueue,
      args: [input],
    });
  const noticesOf = (projectId: string) =>
    ds.query<{ seq: string; kind: string; recipient_role: string; department: string | null }[]>(
      `SELECT seq, kind, recipient_role, department FROM notices WHERE project_id = $1 ORDER BY seq DESC`,
      [projectId],
    );
  const head = { username: 'head', role: 'DEPARTMENT_HEAD' };
  const applicant = { username: 'applicant', role: 'APPLICANT' };

  it('opened before the holiday, it is due on 10-12 and goes OVERDUE right after that day ends, telling the supervisor and the head', async () => {
    const { worker, taskQueue: queue } = await newWorker();
    taskQueue = queue;
    await worker.runUntil(async () => {
      const input = await badRating('2026-09-29');
      const h = await start(input);
      const row = (await eventually(async () => {
        const x = await findRectification(ds, input.id);
        expect(x).not.toBeNull();
        return x!;
      })) as RectificationRecord;
      expect(row).toMatchObject({ status: 'OPEN', openedOn: '2026-09-29', dueDate: '2026-10-12' });
      expect(row.dueAt.toISOString()).toBe('2026-10-12T16:00:00.000Z'); // 10-13 00:00 Beijing

      // Through the holiday and on the due day itself it stays OPEN.
      await sleepUntil(env, '2026-10-12T15:59:00Z');
      expect((await h.query(rectificationQuery)).status).toBe('OPEN');
      expect((await noticesOf(input.projectId)).map((n) => n.kind)).toEqual([
        'RECTIFICATION_OPENED',
      ]);

      await sleepUntil(env, '2026-10-12T16:00:05Z');
      expect((await h.query(rectificationQuery)).status).toBe('OVERDUE');
      const overdue = await findRectification(ds, input.id);
      expect(overdue!.status).toBe('OVERDUE');
      expectInstant(overdue!.overdueAt!.toISOString(), '2026-10-12T16:00:00Z');
      const notices = await noticesOf(input.projectId);
      expect(notices.filter((n) => n.kind === 'RECTIFICATION_OVERDUE')).toEqual([
        expect.objectContaining({ recipient_role: 'SUPERVISOR', department: null }),
        expect.objectContaining({
          recipient_role: 'DEPARTMENT_HEAD',
          department: input.department,
        }),
      ]);
      // Below the project workflow's numbers: its projection never deletes them.
      expect(notices.every((n) => Number(n.seq) < 0)).toBe(true);

      // A late response is still taken (RESPONDED, not on time); the applicant disputes it.
      const late = await h.executeUpdate(rectificationRespondUpdate, {
        args: [{ note: '已补充说明', by: head }],
      });
      expect(late).toMatchObject({
        status: 'RESPONDED',
        overdueAt: overdue!.overdueAt!.toISOString(),
      });
      const disputed = await h.executeUpdate(rectificationConfirmUpdate, {
        args: [{ satisfied: false, note: '迟迟不答复', by: applicant }],
      });
      expect(disputed.status).toBe('DISPUTED');
      expect(await completedResult(env, h as never)).toMatchObject({ status: 'DISPUTED' });
      const closed = await findRectification(ds, input.id);
      expect(closed).toMatchObject({
        status: 'DISPUTED',
        satisfied: false,
        response: '已补充说明',
      });
      expect(closed!.respondedAt!.getTime()).toBeGreaterThan(closed!.dueAt.getTime());
      expect(
        (await noticesOf(input.projectId))
          .filter((n) => n.kind === 'RECTIFICATION_DISPUTED')
          .map((n) => n.recipient_role)
          .sort(),
      ).toEqual(['DEPARTMENT_HEAD', 'SUPERVISOR']);
    });
  });

  it('answered in time it never goes OVERDUE; wrong states are refused; a repeated write adds nothing', async () => {
    const { worker, taskQueue: queue } = await newWorker();
    taskQueue = queue;
    await worker.runUntil(async () => {
      // Now Tue 10-13 00:00 Beijing: due on the 5th working day after, Tue 10-20.
      const input = await badRating('2026-10-13', 2);
      const h = await start(input);
      const early = await refusal(
        h.executeUpdate(rectificationConfirmUpdate, { args: [{ satisfied: true, by: applicant }] }),
      );
      expect(early).toMatchObject({ type: RECTIFICATION_CONFLICT });
      expect(early.message).toContain('OPEN');
      const answered = await h.executeUpdate(rectificationRespondUpdate, {
        args: [{ note: '已电话回访并整改', by: head }],
      });
      expect(answered).toMatchObject({ status: 'RESPONDED', dueDate: '2026-10-20' });
      const twice = await refusal(
        h.executeUpdate(rectificationRespondUpdate, { args: [{ note: 'again', by: head }] }),
      );
      expect(twice.type).toBe(RECTIFICATION_CONFLICT);

      await sleepUntil(env, '2026-10-21T00:00:00Z');
      expect((await h.query(rectificationQuery)).status).toBe('RESPONDED');
      await h.executeUpdate(rectificationConfirmUpdate, {
        args: [{ satisfied: true, by: applicant }],
      });
      expect(await completedResult(env, h as never)).toMatchObject({ status: 'CONFIRMED' });
      const kinds = (await noticesOf(input.projectId)).map((n) => n.kind).sort();
      expect(kinds).toEqual([
        'RECTIFICATION_CONFIRMED',
        'RECTIFICATION_OPENED',
        'RECTIFICATION_RESPONDED',
      ]);

      // The activity retried with a write it already made: no change, no second notice.
      const row = (await findRectification(ds, input.id))!;
      const { writeRectification } = createRectificationActivities({ dataSource: ds });
      const again = await writeRectification({
        rectification: { ...(await h.query(rectificationQuery)), status: 'OPEN' },
        version: row.version,
        at: new Date().toISOString(),
        notices: [
          {
            recipientRole: 'SUPERVISOR',
            kind: 'RECTIFICATION_OVERDUE',
            itemCode: input.itemCode,
            message: 'x',
          },
        ],
      });
      expect(again).toEqual({ applied: false });
      expect((await findRectification(ds, input.id))!.status).toBe('CONFIRMED');
      expect(await noticesOf(input.projectId)).toHaveLength(3);
    });
  });
});
