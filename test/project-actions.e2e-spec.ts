import request from 'supertest';
import { handIn, Harness, startHarness, userToken } from './app-harness';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';

const school = EXAMPLE_ANSWERS.school;

type Item = {
  code: string;
  department: string;
  status: string;
  taskId: string;
  clock: { limitDays: number; dueDate: string | null; risk: string };
};
type Report = {
  id: string;
  status: string;
  stages: { status: string; themes: { items: Item[] }[] }[];
};
const item = (r: Report, code: string) =>
  r.stages.flatMap((s) => s.themes.flatMap((t) => t.items)).find((i) => i.code === code)!;

describe('the rest of a project’s life over HTTP: joint procedures, deficiencies, resubmission, extensions, escalations, withdrawal (real stack)', () => {
  let h: Harness;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
  let project: string;
  let overdue: string;

  const report = async (id = project) =>
    (await request(h.url).get(`/api/projects/${id}`).set(as('x-applicant')).expect(200))
      .body as Report;
  const decide = (who: string, code: string, body: object) =>
    report().then((r) =>
      request(h.url)
        .post(`/api/tasks/${item(r, code).taskId}/decision`)
        .set(as(who))
        .send(body),
    );

  beforeAll(async () => {
    h = await startHarness();
    const users = [
      { username: 'x-applicant', role: 'APPLICANT' as const, organisation: 'org-xa' },
      { username: 'x-window', role: 'WINDOW_OFFICER' as const },
      { username: 'x-admin', role: 'ADMIN' as const },
      { username: 'x-supervisor', role: 'SUPERVISOR' as const },
      ...['DRC', 'NRP', 'EEB', 'WRB'].flatMap((d) => [
        { username: `x-officer.${d}`, role: 'REVIEWING_OFFICER' as const, department: d },
        { username: `x-head.${d}`, role: 'DEPARTMENT_HEAD' as const, department: d },
      ]),
    ];
    for (const u of users) auth[u.username] = await userToken(h, u);
    project = (
      await request(h.url)
        .post('/api/projects')
        .set(as('x-applicant'))
        .send({ name: '第二实验小学', answers: school })
        .expect(201)
    ).body.id as string;
    await handIn(h, auth['x-applicant'], project, 'PLAN');
    await request(h.url)
      .post(`/api/projects/${project}/stages/PLAN/submission`)
      .set(as('x-applicant'))
      .send({})
      .expect(200);
    await request(h.url)
      .post(`/api/projects/${project}/stages/PLAN/acceptance`)
      .set(as('x-window'))
      .send({ decision: 'ACCEPT' })
      .expect(200);
    overdue = (
      await request(h.url)
        .post('/api/projects')
        .set(as('x-admin'))
        .send({
          name: '旧城改造',
          answers: school,
          ownerOrganisation: 'org-xa',
          acceptedAt: '2026-01-05',
        })
        .expect(201)
    ).body.id as string;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a joint site survey stops the clock until every department has recorded its result', async () => {
    const next = (
      await request(h.url)
        .get(`/api/calendar/add?from=${new Date().toISOString().slice(0, 10)}&days=1`)
        .set(as('x-window'))
    ).body.date as string;
    const bad = await request(h.url)
      .post(`/api/projects/${project}/joint-procedures`)
      .set(as('x-window'))
      .send({ type: 'PICNIC', date: 'soon' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toMatch(/type[\s\S]*date/);
    await request(h.url)
      .post(`/api/projects/${project}/joint-procedures`)
      .set(as('x-applicant'))
      .send({ type: 'SITE_SURVEY', date: next, itemCodes: ['SOIL_WATER'] })
      .expect(403);
    const scheduled = await request(h.url)
      .post(`/api/projects/${project}/joint-procedures`)
      .set(as('x-window'))
      .send({ type: 'SITE_SURVEY', date: next, itemCodes: ['SOIL_WATER'] })
      .expect(200);
    expect(item(scheduled.body as Report, 'SOIL_WATER').status).toBe('SPECIAL_PROCEDURE');
    const events = (
      await request(h.url).get(`/api/projects/${project}/timeline`).set(as('x-applicant'))
    ).body.items as { type: string; detail?: { id: string } }[];
    const procedureId = events.find((e) => e.type === 'JOINT_PROCEDURE_SCHEDULED')!.detail!.id;

    const other = await request(h.url)
      .post(`/api/projects/${project}/joint-procedures/${procedureId}/result`)
      .set(as('x-officer.DRC'))
      .send({ passed: true });
    expect(other.status).toBe(409);
    expect(other.body.message).toContain('does not take part');
    const done = await request(h.url)
      .post(`/api/projects/${project}/joint-procedures/${procedureId}/result`)
      .set(as('x-officer.WRB'))
      .send({ passed: true, comment: '现场符合' })
      .expect(200);
    expect(item(done.body as Report, 'SOIL_WATER').status).toBe('UNDER_REVIEW');
    await request(h.url)
      .post(`/api/projects/${project}/joint-procedures/${procedureId}/result`)
      .set(as('x-officer.WRB'))
      .send({ passed: true })
      .expect(409);
  });

  it('acceptance with a deficiency, then the applicant delivers it (once)', async () => {
    const due = (
      await request(h.url)
        .get(`/api/calendar/add?from=${new Date().toISOString().slice(0, 10)}&days=5`)
        .set(as('x-applicant'))
    ).body.date as string;
    const res = await decide('x-officer.EEB', 'EIA_TABLE', {
      action: 'ACCEPT_WITH_DEFICIENCY',
      deficiency: { description: '公众参与说明', dueDate: due },
    });
    expect(res.status).toBe(200);
    await request(h.url)
      .post(`/api/projects/${project}/items/EIA_TABLE/deficiency-delivery`)
      .set(as('x-applicant'))
      .send({ note: '已补交' })
      .expect(200);
    const again = await request(h.url)
      .post(`/api/projects/${project}/items/EIA_TABLE/deficiency-delivery`)
      .set(as('x-applicant'))
      .send({});
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('no outstanding deficiency');
    expect(again.body.reason).toEqual({
      key: 'NO_OUTSTANDING_DEFICIENCY',
      params: { item: { name: expect.any(String), nameEn: expect.any(String) } },
    });
  });

  it('a rejected item is resubmitted for a new round; resubmitting an item under review is 409', async () => {
    const early = await request(h.url)
      .post(`/api/projects/${project}/items/PROJECT_PROPOSAL/resubmission`)
      .set(as('x-applicant'))
      .send({})
      .expect(409);
    expect(early.body.reason).toMatchObject({
      key: 'ITEM_STATE',
      params: { status: 'UNDER_REVIEW' },
    });
    expect(
      (
        await decide('x-officer.DRC', 'PROJECT_PROPOSAL', {
          action: 'REJECT',
          comment: '不符合规划',
        })
      ).status,
    ).toBe(200);
    expect(item(await report(), 'PROJECT_PROPOSAL').status).toBe('REJECTED');
    const res = await request(h.url)
      .post(`/api/projects/${project}/items/PROJECT_PROPOSAL/resubmission`)
      .set(as('x-applicant'))
      .send({ note: '修改后重新提交' })
      .expect(200);
    expect(item(res.body as Report, 'PROJECT_PROPOSAL').status).not.toBe('REJECTED');
  });

  it('a department head extends its own department’s items only, within art. 42', async () => {
    const before = item(await report(), 'ENERGY_REVIEW');
    const bad = await request(h.url)
      .post(`/api/projects/${project}/items/ENERGY_REVIEW/extension`)
      .set(as('x-head.DRC'))
      .send({ days: 11 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toMatch(/days[\s\S]*reason/);
    await request(h.url)
      .post(`/api/projects/${project}/items/ENERGY_REVIEW/extension`)
      .set(as('x-head.NRP'))
      .send({ days: 3, reason: '需专家论证' })
      .expect(404);
    await request(h.url)
      .post(`/api/projects/${project}/items/ENERGY_REVIEW/extension`)
      .set(as('x-officer.DRC'))
      .send({ days: 3, reason: '需专家论证' })
      .expect(403);
    const res = await request(h.url)
      .post(`/api/projects/${project}/items/ENERGY_REVIEW/extension`)
      .set(as('x-head.DRC'))
      .send({ days: 3, reason: '需专家论证' })
      .expect(200);
    const after = item(res.body as Report, 'ENERGY_REVIEW');
    expect(after.clock.limitDays).toBe(before.clock.limitDays + 3);
    const timeline = (
      await request(h.url).get(`/api/projects/${project}/timeline`).set(as('x-head.DRC'))
    ).body.items as { type: string; actor: string }[];
    expect(timeline).toContainEqual(
      expect.objectContaining({ type: 'EXTENSION_GRANTED', actor: 'x-head.DRC' }),
    );
  });

  it('escalations: a head sees its department’s overdue items, the supervisor all of them', async () => {
    const drc = await request(h.url).get('/api/escalations').set(as('x-head.DRC')).expect(200);
    const mine = drc.body.items.filter((i: { projectId: string }) => i.projectId === overdue);
    expect(mine.length).toBeGreaterThan(0);
    for (const i of drc.body.items) expect(i.department).toBe('DRC');
    expect(mine[0]).toMatchObject({ risk: 'OVERDUE', projectName: '旧城改造' });
    const all = await request(h.url)
      .get('/api/escalations?risk=OVERDUE&pageSize=100')
      .set(as('x-supervisor'))
      .expect(200);
    const departments = new Set(
      all.body.items
        .filter((i: { projectId: string }) => i.projectId === overdue)
        .map((i: { department: string }) => i.department),
    );
    expect(departments.size).toBeGreaterThan(1);
    await request(h.url).get('/api/escalations').set(as('x-applicant')).expect(403);
    await request(h.url).get('/api/escalations').set(as('x-officer.DRC')).expect(403);
    const overdueOnly = await request(h.url)
      .get('/api/projects?overdue=true&pageSize=100')
      .set(as('x-supervisor'))
      .expect(200);
    const ids = overdueOnly.body.items.map((p: { id: string }) => p.id);
    expect(ids).toContain(overdue);
    expect(ids).not.toContain(project);
    const bad = await request(h.url).get('/api/projects?overdue=maybe').set(as('x-supervisor'));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toContain('overdue');
  });

  it('withdrawing an item, then the project, closes it; later commands are 409', async () => {
    const res = await request(h.url)
      .post(`/api/projects/${project}/items/ENERGY_REVIEW/withdrawal`)
      .set(as('x-applicant'))
      .send({ reason: '不再需要' })
      .expect(200);
    expect(item(res.body as Report, 'ENERGY_REVIEW').status).toBe('WITHDRAWN');
    await request(h.url)
      .post(`/api/projects/${project}/withdrawal`)
      .set(as('x-window'))
      .send({})
      .expect(403);
    const closed = await request(h.url)
      .post(`/api/projects/${project}/withdrawal`)
      .set(as('x-applicant'))
      .send({ reason: '项目取消' })
      .expect(200);
    expect(closed.body.status).toBe('WITHDRAWN');
    const late = await request(h.url)
      .post(`/api/projects/${project}/stages/PLAN/submission`)
      .set(as('x-applicant'))
      .send({});
    expect(late.status).toBe(409);
  });
});
