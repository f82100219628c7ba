import request from 'supertest';
import { handIn, Harness, startHarness, userToken } from './app-harness';
import { TemporalClient } from '../apps/api/src/temporal/temporal.module';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
import {
  PROJECT_NAME,
  PROJECT_RISK,
  PROJECT_STAGE,
  projectWorkflowId,
  summaryOf,
} from '../libs/temporal/src';

const school = EXAMPLE_ANSWERS.school;

type Item = {
  code: string;
  department: string;
  status: string;
  taskId: string;
  clock: { dueDate: string | null; risk: string };
};
const itemsOf = (report: { stages: { themes: { items: Item[] }[] }[] }, stage = 0) =>
  report.stages[stage].themes.flatMap((t) => t.items);

describe('projects over HTTP: applicant, window and officers drive a project (real stack)', () => {
  let h: Harness;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });

  beforeAll(async () => {
    h = await startHarness();
    const users = [
      { username: 'p-applicant', role: 'APPLICANT' as const, organisation: 'org-p' },
      { username: 'p-applicant2', role: 'APPLICANT' as const, organisation: 'org-q' },
      { username: 'p-window', role: 'WINDOW_OFFICER' as const },
      { username: 'p-admin', role: 'ADMIN' as const },
      ...['DRC', 'NRP', 'EEB', 'WRB'].map((d) => ({
        username: `p-officer.${d}`,
        role: 'REVIEWING_OFFICER' as const,
        department: d,
      })),
    ];
    for (const u of users) auth[u.username] = await userToken(h, u);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('serves the questionnaire and refuses bad answers naming each question', async () => {
    const q = await request(h.url).get('/api/questionnaire').set(as('p-applicant')).expect(200);
    expect(
      q.body.questions
        .find((x: { id: string }) => x.id === 'projectType')
        .options.map((o: { id: string }) => o.id),
    ).toEqual(['GOVERNMENT_INVESTED', 'SOCIAL_INVESTMENT', 'SIMPLE_LOW_RISK']);
    const bad = await request(h.url)
      .post('/api/checklists')
      .set(as('p-applicant'))
      .send({ answers: { projectType: 'CASTLE' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toContain('answers.projectType');
    expect(JSON.stringify(bad.body.message)).toContain('answers.landAcquisition');
    const ok = await request(h.url)
      .post('/api/checklists')
      .set(as('p-applicant'))
      .send({ answers: school })
      .expect(200);
    expect(ok.body).toMatchObject({ projectType: 'GOVERNMENT_INVESTED', limitDays: 80 });
  });

  it('counts working days as the law does, and names a bad argument', async () => {
    const r = await request(h.url)
      .get('/api/calendar/working-days?from=2026-02-13&to=2026-02-28')
      .set(as('p-window'))
      .expect(200);
    expect(r.body).toMatchObject({ workingDays: 6, provisional: false });
    const a = await request(h.url)
      .get('/api/calendar/add?from=2026-02-13&days=2')
      .set(as('p-window'))
      .expect(200);
    expect(a.body.date).toBe('2026-02-24');
    const bad = await request(h.url)
      .get('/api/calendar/working-days?from=2026-02-30&to=2026-03-01')
      .set(as('p-window'));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('from');
  });

  it('creates a project once per Idempotency-Key, hidden from other organisations', async () => {
    // The name is kept trimmed: the list shows and finds it as it reads.
    const body = { name: '  第一实验小学\u3000', answers: school };
    const first = await request(h.url)
      .post('/api/projects')
      .set(as('p-applicant'))
      .set('Idempotency-Key', 'school-1')
      .send(body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      name: '第一实验小学',
      stage: 'PLAN',
      status: 'IN_PROGRESS',
      ownerOrganisation: 'org-p',
    });
    expect(first.body.clock).toMatchObject({
      limitDays: 80,
      usedDays: 0,
      remainingDays: 80,
      risk: 'ON_TRACK',
    });
    const again = await request(h.url)
      .post('/api/projects')
      .set(as('p-applicant'))
      .set('Idempotency-Key', 'school-1')
      .send(body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    await request(h.url).get(`/api/projects/${first.body.id}`).set(as('p-applicant2')).expect(404);
    const list = await request(h.url).get('/api/projects').set(as('p-applicant2')).expect(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(first.body.id);
  });

  it("shows operators each project's name, stage and risk in the Temporal Web UI's list (search attributes) and its name as the run's summary", async () => {
    const name = `运维可见小学-${Date.now()}`;
    const id = (
      await request(h.url)
        .post('/api/projects')
        .set(as('p-applicant'))
        .send({ name, answers: school })
        .expect(201)
    ).body.id as string;
    const temporal = h.app.get(TemporalClient);
    const handle = temporal.workflow.getHandle(projectWorkflowId(id));
    const d = await handle.describe();
    expect(await d.staticSummary()).toBe(name);
    expect(d.typedSearchAttributes.get(PROJECT_NAME)).toBe(name);
    // The workflow keeps the stage and risk current (its first write upserts them).
    for (let i = 0; i < 50; i++) {
      const now = await handle.describe();
      if (now.typedSearchAttributes.get(PROJECT_RISK)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const now = await handle.describe();
    expect(now.typedSearchAttributes.get(PROJECT_STAGE)).toBe('PLAN');
    expect(now.typedSearchAttributes.get(PROJECT_RISK)).toBe('ON_TRACK');
    // What a saved view filters by: the name finds the run.
    let found: string[] = [];
    for (let i = 0; i < 50 && found.length === 0; i++) {
      found = [];
      for await (const w of temporal.workflow.list({ query: `ProjectName = '${name}'` }))
        found.push(w.workflowId);
      if (found.length === 0) await new Promise((r) => setTimeout(r, 200));
    }
    expect(found).toEqual([projectWorkflowId(id)]);

    // A name of 200 Chinese characters (600 bytes) is over the server's summary limit (400
    // bytes on a cluster): the summary is cut, the search attribute keeps it whole.
    const long = `${'长'.repeat(199)}${Date.now() % 10}`;
    const longId = (
      await request(h.url)
        .post('/api/projects')
        .set(as('p-applicant'))
        .send({ name: long, answers: school })
        .expect(201)
    ).body.id as string;
    const ld = await temporal.workflow.getHandle(projectWorkflowId(longId)).describe();
    expect(await ld.staticSummary()).toBe(summaryOf(long));
    expect(ld.typedSearchAttributes.get(PROJECT_NAME)).toBe(long);
  });

  it('runs PLAN: submission, acceptance, a supplement, a refused approval (409), approvals; the report follows', async () => {
    const created = await request(h.url)
      .post('/api/projects')
      .set(as('p-applicant'))
      .send({ name: '第二实验小学', answers: school })
      .expect(201);
    const id = created.body.id as string;
    await handIn(h, auth['p-applicant'], id, 'PLAN');
    const sub = await request(h.url)
      .post(`/api/projects/${id}/stages/PLAN/submission`)
      .set(as('p-applicant'))
      .send({ note: '材料齐全' })
      .expect(200);
    expect(sub.body.stages[0].status).toBe('SUBMITTED');
    // Only the window accepts.
    await request(h.url)
      .post(`/api/projects/${id}/stages/PLAN/acceptance`)
      .set(as('p-applicant'))
      .send({ decision: 'ACCEPT' })
      .expect(403);
    const acc = await request(h.url)
      .post(`/api/projects/${id}/stages/PLAN/acceptance`)
      .set(as('p-window'))
      .send({ decision: 'ACCEPT' })
      .expect(200);
    const running = itemsOf(acc.body).filter((i) => i.status === 'UNDER_REVIEW');
    expect(running.length).toBeGreaterThan(0);
    for (const i of running) expect(i.clock.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const nrp = running.find((i) => i.department === 'NRP')!;
    const queue = await request(h.url).get('/api/tasks').set(as('p-officer.NRP')).expect(200);
    expect(queue.body.items.map((t: { taskId: string }) => t.taskId)).toContain(nrp.taskId);
    const dues = queue.body.items.map((t: { dueDate: string | null }) => t.dueDate ?? '9999');
    expect([...dues].sort()).toEqual(dues);
    // Another department's officer does not see the task.
    await request(h.url)
      .post(`/api/tasks/${nrp.taskId}/decision`)
      .set(as('p-officer.DRC'))
      .send({ action: 'APPROVE' })
      .expect(404);

    const sup = await request(h.url)
      .post(`/api/tasks/${nrp.taskId}/decision`)
      .set(as('p-officer.NRP'))
      .send({ action: 'REQUEST_SUPPLEMENT', comment: '补充用地红线图' })
      .expect(200);
    expect(sup.body.item.status).toBe('SUPPLEMENT_REQUESTED');
    const refused = await request(h.url)
      .post(`/api/tasks/${nrp.taskId}/decision`)
      .set(as('p-officer.NRP'))
      .send({ action: 'APPROVE' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('SUPPLEMENT_REQUESTED');
    const badBody = await request(h.url)
      .post(`/api/tasks/${nrp.taskId}/decision`)
      .set(as('p-officer.NRP'))
      .send({ action: 'MAYBE' });
    expect(badBody.status).toBe(400);
    expect(JSON.stringify(badBody.body.message)).toContain('action');

    await request(h.url)
      .post(`/api/projects/${id}/items/${nrp.code}/supplement`)
      .set(as('p-applicant'))
      .send({ note: '已补充' })
      .expect(200);

    // Approve every PLAN item, in prerequisite order, through its department's officer.
    for (let round = 0; round < 5; round++) {
      const report = (
        await request(h.url).get(`/api/projects/${id}`).set(as('p-applicant')).expect(200)
      ).body;
      const open = itemsOf(report).filter((i) => i.status === 'UNDER_REVIEW');
      if (open.length === 0) break;
      for (const i of open) {
        await request(h.url)
          .post(`/api/tasks/${i.taskId}/decision`)
          .set(as(`p-officer.${i.department}`))
          .send({ action: 'APPROVE' })
          .expect(200);
      }
    }
    const done = (
      await request(h.url).get(`/api/projects/${id}`).set(as('p-applicant')).expect(200)
    ).body;
    expect(done.stage).toBe('START_PERMIT');
    expect(done.stages[0].status).toBe('COMPLETED');
    expect(itemsOf(done).every((i) => i.status === 'APPROVED')).toBe(true);

    const tl = (
      await request(h.url).get(`/api/projects/${id}/timeline`).set(as('p-applicant')).expect(200)
    ).body.items;
    const types = tl.map((e: { type: string }) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'PROJECT_CREATED',
        'STAGE_SUBMITTED',
        'STAGE_ACCEPTED',
        'SUPPLEMENT_REQUESTED',
        'SUPPLEMENT_ANSWERED',
        'ITEM_APPROVED',
        'STAGE_COMPLETED',
      ]),
    );
    expect(tl.find((e: { type: string }) => e.type === 'SUPPLEMENT_REQUESTED')).toMatchObject({
      actor: 'p-officer.NRP',
      clockEffect: 'STOPPED',
    });
  });

  it('imports a project accepted long ago: its items come in overdue', async () => {
    const res = await request(h.url)
      .post('/api/projects')
      .set(as('p-admin'))
      .send({
        name: '旧城改造项目',
        answers: school,
        ownerOrganisation: 'org-p',
        acceptedAt: '2026-01-05',
      })
      .expect(201);
    const report = (
      await request(h.url).get(`/api/projects/${res.body.id}`).set(as('p-applicant')).expect(200)
    ).body;
    expect(report.stages[0].status).toBe('IN_REVIEW');
    expect(report.clock.usedDays).toBeGreaterThan(80);
    expect(report.clock.risk).toBe('OVERDUE');
    expect(itemsOf(report).some((i) => i.clock.risk === 'OVERDUE')).toBe(true);
    await request(h.url)
      .post('/api/projects')
      .set(as('p-applicant'))
      .send({ name: 'x', answers: school, acceptedAt: '2026-01-05' })
      .expect(403);
  });
});
