/**
 * Issue 24, finding 1 over real HTTP with a real worker: a lone UTF-16 surrogate in a rejection's
 * comment or a withdrawal's reason was answered 200, applied by the workflow and refused by
 * PostgreSQL, which froze the project's read model (and with the comment kept in the state, every
 * later write of the project too). Now each is a 400 naming the field before anything reaches the
 * workflow, and the project goes on: its later decision and withdrawal are written and listed.
 * Also names that would print as forged lines or reordered text, unbounded materials, and
 * `mailNotices: null` (a 500 before).
 */
import request from 'supertest';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
import { Harness, handIn, startHarness, userToken } from './app-harness';

type Item = { code: string; department: string; status: string; taskId: string };
type Report = { id: string; status: string; stages: { themes: { items: Item[] }[] }[] };
const items = (r: Report) => r.stages.flatMap((s) => s.themes.flatMap((t) => t.items));

const LONE = '\ud83d';

describe('hostile text never reaches a workflow (real stack)', () => {
  let h: Harness;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
  let project: string;

  const report = async () =>
    (await request(h.url).get(`/api/projects/${project}`).set(as('ht-applicant')).expect(200))
      .body as Report;

  beforeAll(async () => {
    h = await startHarness();
    for (const u of [
      { username: 'ht-applicant', role: 'APPLICANT' as const, organisation: 'org-ht' },
      { username: 'ht-window', role: 'WINDOW_OFFICER' as const },
      { username: 'ht-officer.DRC', role: 'REVIEWING_OFFICER' as const, department: 'DRC' },
    ])
      auth[u.username] = await userToken(h, u);
    project = (
      await request(h.url)
        .post('/api/projects')
        .set(as('ht-applicant'))
        .send({ name: '恶意文本测试', answers: EXAMPLE_ANSWERS.warehouse })
        .expect(201)
    ).body.id as string;
    await handIn(h, auth['ht-applicant'], project, 'PLAN');
    await request(h.url)
      .post(`/api/projects/${project}/stages/PLAN/submission`)
      .set(as('ht-applicant'))
      .send({})
      .expect(200);
    await request(h.url)
      .post(`/api/projects/${project}/stages/PLAN/acceptance`)
      .set(as('ht-window'))
      .send({ decision: 'ACCEPT' })
      .expect(200);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a lone surrogate in a rejection comment and a withdrawal reason is a 400; the project stays usable', async () => {
    const drc = items(await report()).find((i) => i.department === 'DRC')!;
    const rejected = await request(h.url)
      .post(`/api/tasks/${drc.taskId}/decision`)
      .set(as('ht-officer.DRC'))
      .send({ action: 'REJECT', comment: `材料不全 ${LONE}` });
    expect(rejected.status).toBe(400);
    expect(rejected.body.message).toBe(
      'comment: must be well-formed Unicode (it holds a lone surrogate)',
    );
    const withdrawn = await request(h.url)
      .post(`/api/projects/${project}/withdrawal`)
      .set(as('ht-applicant'))
      .send({ reason: `${LONE}不建了` });
    expect(withdrawn.status).toBe(400);
    expect(withdrawn.body.message).toBe(
      'reason: must be well-formed Unicode (it holds a lone surrogate)',
    );
    // Nothing happened: the item is still the officer's, and the project still running.
    expect(items(await report()).find((i) => i.code === drc.code)!.status).toBe('UNDER_REVIEW');

    // The same commands with clean text are applied and written: the read model follows.
    const ok = await request(h.url)
      .post(`/api/tasks/${drc.taskId}/decision`)
      .set(as('ht-officer.DRC'))
      .send({ action: 'REJECT', comment: '材料不全\n请补充图纸' })
      .expect(200);
    expect(JSON.stringify(ok.body)).toContain('REJECTED');
    expect(items(await report()).find((i) => i.code === drc.code)!.status).toBe('REJECTED');
    const closed = await request(h.url)
      .post(`/api/projects/${project}/withdrawal`)
      .set(as('ht-applicant'))
      .send({ reason: '不建了' })
      .expect(200);
    // Withdrawn with an item rejected: closed as REJECTED.
    expect(closed.body.status).toBe('REJECTED');
    const listed = await request(h.url)
      .get('/api/projects?status=REJECTED')
      .set(as('ht-applicant'))
      .expect(200);
    expect((listed.body.items as { id: string }[]).map((p) => p.id)).toContain(project);
    const queue = await request(h.url).get('/api/tasks').set(as('ht-officer.DRC')).expect(200);
    expect(JSON.stringify(queue.body)).not.toContain(project);
  });

  it('refuses names with line breaks or bidi formatting, and more than 50 materials, naming the field', async () => {
    const create = (name: string) =>
      request(h.url)
        .post('/api/projects')
        .set(as('ht-applicant'))
        .send({ name, answers: EXAMPLE_ANSWERS.warehouse });
    expect((await create('仓库\r\n受理单号：伪造')).body.message).toBe(
      'name: must be one line, without line breaks or tabs (U+000D)',
    );
    expect((await create('仓库\u202e库仓')).body.message).toBe(
      'name: must not contain bidirectional formatting characters (U+202E)',
    );
    const many = await request(h.url)
      .post(`/api/projects/${project}/stages/START_PERMIT/submission`)
      .set(as('ht-applicant'))
      .send({ materials: Array.from({ length: 51 }, (_, i) => ({ name: `m${i}` })) });
    expect(many.status).toBe(400);
    expect(JSON.stringify(many.body.message)).toContain('materials must contain no more than 50');
    const named = await request(h.url)
      .post(`/api/projects/${project}/stages/START_PERMIT/submission`)
      .set(as('ht-applicant'))
      .send({ materials: [{ name: 'a' }, { name: 'b' }, { name: 'c\u0007' }] });
    expect(named.body.message).toBe(
      'materials[2].name: must not contain control characters (U+0007)',
    );
  });

  it('PATCH /api/auth/me {"mailNotices": null} is a 400 naming the field', async () => {
    const res = await request(h.url)
      .patch('/api/auth/me')
      .set(as('ht-applicant'))
      .send({ mailNotices: null });
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(['mailNotices must be true or false']);
  });
});
