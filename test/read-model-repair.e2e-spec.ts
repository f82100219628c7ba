import { Client as Pg } from 'pg';
import request from 'supertest';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
import { projectCommandUpdate, projectWorkflowId } from '../libs/temporal/src';
import { TemporalClient } from '../apps/api/src/temporal/temporal.module';
import { Harness, ownDatabase, startHarness, userToken } from './app-harness';

/**
 * Issue 24's High finding end to end: a project whose read model fell behind its workflow (as
 * old workers left one after a write PostgreSQL refused) is repaired by an administrator, and
 * a command whose text the read model could not store never reaches the workflow's state.
 */
describe('read-model repair and unstorable text (real stack)', () => {
  let h: Harness;
  let pg: Pg;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
  const create = async (name: string) =>
    (
      await request(h.url)
        .post('/api/projects')
        .set(as('r-applicant'))
        .send({ name, answers: EXAMPLE_ANSWERS.school })
        .expect(201)
    ).body.id as string;
  const listed = async (id: string) =>
    (
      (await request(h.url).get('/api/projects?pageSize=100').set(as('r-admin')).expect(200))
        .body as { items: { id: string; status: string }[] }
    ).items.find((p) => p.id === id);

  beforeAll(async () => {
    // A database of its own: rebuilding "every running project" must not reach other suites'.
    const databaseUrl = await ownDatabase('repair');
    h = await startHarness({ DATABASE_URL: databaseUrl });
    pg = new Pg({ connectionString: databaseUrl });
    await pg.connect();
    for (const u of [
      { username: 'r-applicant', role: 'APPLICANT' as const, organisation: 'org-ra' },
      { username: 'r-admin', role: 'ADMIN' as const },
    ])
      auth[u.username] = await userToken(h, u);
  });
  afterAll(async () => {
    await pg?.end();
    await h?.close();
  });

  it('rewrites a frozen project from its ended workflow, and a running one from itself', async () => {
    const withdrawn = await create('撤回后冻结的项目');
    await request(h.url)
      .post(`/api/projects/${withdrawn}/withdrawal`)
      .set(as('r-applicant'))
      .send({ reason: 'moved' })
      .expect(200);
    // What an old worker left: the withdrawal's write refused and skipped, the list behind.
    await pg.query(
      `UPDATE projects SET status = 'IN_PROGRESS', state = jsonb_set(state, '{status}', '"IN_PROGRESS"'),
         state_seq = state_seq - 1 WHERE id = $1`,
      [withdrawn],
    );
    expect(await listed(withdrawn)).toMatchObject({ status: 'IN_PROGRESS' });
    const running = await create('照常办理的项目');

    const all = await request(h.url)
      .post('/api/admin/read-models/rebuild')
      .set(as('r-admin'))
      .expect(200);
    expect(all.body).toMatchObject({ running: 2, signalled: 1, rewritten: 1 });
    expect(all.body.failed).toEqual([]);
    expect(await listed(withdrawn)).toMatchObject({ status: 'WITHDRAWN' });

    const one = await request(h.url)
      .post(`/api/projects/${running}/read-model/rebuild`)
      .set(as('r-admin'))
      .expect(200);
    expect(one.body).toEqual({ projectId: running, how: 'SIGNALLED' });
    await request(h.url)
      .post(`/api/projects/${running}/read-model/rebuild`)
      .set(as('r-applicant'))
      .expect(403);
    const audit = await pg.query(
      `SELECT subject FROM audit_events WHERE action = 'READ_MODEL_REBUILT' AND subject = ANY($1)`,
      [[withdrawn, running]],
    );
    expect(audit.rows.map((r: { subject: string }) => r.subject).sort()).toEqual(
      [withdrawn, running].sort(),
    );
  });

  it('refuses, at the workflow itself, a comment with a lone surrogate: the project stays usable', async () => {
    const id = await create('含半个表情的撤回理由');
    const handle = h.app.get(TemporalClient).workflow.getHandle(projectWorkflowId(id));
    // Straight to Temporal, past the API's input pipe.
    await expect(
      handle.executeUpdate(projectCommandUpdate, {
        args: [
          {
            actor: { username: 'r-applicant', role: 'APPLICANT', organisation: 'org-ra' },
            command: { kind: 'WITHDRAW_PROJECT', reason: 'bye \ud83d' },
          },
        ],
      }),
    ).rejects.toMatchObject({
      cause: { message: 'reason is not well-formed text (a lone surrogate or a NUL character)' },
    });
    await request(h.url)
      .post(`/api/projects/${id}/withdrawal`)
      .set(as('r-applicant'))
      .send({ reason: 'bye' })
      .expect(200);
    expect(await listed(id)).toMatchObject({ status: 'WITHDRAWN' });
  });
});
