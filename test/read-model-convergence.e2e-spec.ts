import fc from 'fast-check';
import { Client as Pg } from 'pg';
import request from 'supertest';
import { storableText, type ProjectState } from '../libs/approval/src';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
import { projectStateQuery, projectWorkflowId } from '../libs/temporal/src';
import { TemporalClient } from '../apps/api/src/temporal/temporal.module';
import { Harness, handIn, startHarness, userToken } from './app-harness';

/** Every string the state holds, made storable as the read model stores it. */
const storable = (state: ProjectState): unknown =>
  JSON.parse(
    JSON.stringify(state, (_k, v: unknown) => (typeof v === 'string' ? storableText(v) : v)),
  );

/**
 * Issue 24's property: after any command the API accepted — whatever text it carried, full
 * Unicode included (lone surrogates, C0/C1 controls, bidi formatting) — the read model holds the
 * workflow's state. A refused command (400) changes neither. Through the real API, pipe and all.
 */
describe('the read model reaches the workflow state after any accepted command (real stack)', () => {
  let h: Harness;
  let pg: Pg;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });

  beforeAll(async () => {
    h = await startHarness();
    pg = new Pg({ connectionString: process.env.DATABASE_URL });
    await pg.connect();
    for (const u of [
      { username: 'c-applicant', role: 'APPLICANT' as const, organisation: 'org-conv' },
      { username: 'c-window', role: 'WINDOW_OFFICER' as const },
    ])
      auth[u.username] = await userToken(h, u);
  });
  afterAll(async () => {
    await pg?.end();
    await h?.close();
  });

  const stored = async (id: string) =>
    (await pg.query('SELECT state FROM projects WHERE id = $1', [id])).rows[0]
      .state as ProjectState;
  const live = (id: string) =>
    h.app.get(TemporalClient).workflow.getHandle(projectWorkflowId(id)).query(projectStateQuery);

  // Any UTF-16 code units (lone surrogates included), and the characters the pipe looks for.
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({
      unit: fc.constantFrom(
        '\ud83d',
        '\udc00',
        '\u0000',
        '\u0007',
        '\u0085',
        '\u202e',
        '\u2066',
        '\n',
        '\t',
        '审',
        'a',
      ),
      maxLength: 12,
    }),
  );

  it('submissions and returns with arbitrary text: 2xx leaves read model = workflow, 400 neither changes', async () => {
    const id = (
      await request(h.url)
        .post('/api/projects')
        .set(as('c-applicant'))
        .send({ name: '收敛性', answers: EXAMPLE_ANSWERS.warehouse })
        .expect(201)
    ).body.id as string;
    await handIn(h, auth['c-applicant'], id, 'PLAN');
    const statuses: number[] = [];
    await fc.assert(
      fc.asyncProperty(text, text, async (note, reason) => {
        const before = (await live(id)).seq;
        const submit = await request(h.url)
          .post(`/api/projects/${id}/stages/PLAN/submission`)
          .set(as('c-applicant'))
          .send({ note });
        statuses.push(submit.status);
        expect([200, 400]).toContain(submit.status);
        if (submit.status === 200) {
          const back = await request(h.url)
            .post(`/api/projects/${id}/stages/PLAN/acceptance`)
            .set(as('c-window'))
            .send({ decision: 'RETURN', reason: reason.trim() ? reason : `x${reason}` });
          statuses.push(back.status);
          expect([200, 400]).toContain(back.status);
          if (back.status === 400) {
            // Keep the stage open for the next run: return it with plain text.
            await request(h.url)
              .post(`/api/projects/${id}/stages/PLAN/acceptance`)
              .set(as('c-window'))
              .send({ decision: 'RETURN', reason: 'plain' })
              .expect(200);
          }
        } else {
          expect((await live(id)).seq).toBe(before);
        }
        const state = await live(id);
        expect(await stored(id)).toEqual(storable(state));
      }),
      { numRuns: 25 },
    );
    // Both branches ran: some text was taken, some refused.
    expect(statuses).toContain(200);
    expect(statuses).toContain(400);
  });
});
