/**
 * Issue 27's express lanes over HTTP against the real stack (PostgreSQL, Temporal), in a database
 * of their own so the statistics' counts are this file's: approval on commitment (告知承诺制) and
 * its follow-up check (核查) — passed, and failed → REVOKED with the result document, the notice,
 * the timeline and the statistics saying so; pre-review (预审) of the next stage with a
 * department's comment; and the refusals (a stage that does not follow, an ineligible item), with
 * nothing half done.
 */
import request from 'supertest';
import { DataSource } from 'typeorm';
import { handIn, Harness, ownDatabase, startHarness, userToken } from './app-harness';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';

type Item = {
  code: string;
  department: string;
  status: string;
  taskId: string;
  startedOn?: string | null;
  commitmentCheckDays: number | null;
  onCommitment: { text: string; checkDue: string; check?: { passed: boolean } } | null;
};
type Report = {
  id: string;
  status: string;
  stages: {
    code: string;
    status: string;
    preReviewedOn: string | null;
    themes: { items: Item[] }[];
  }[];
};
const items = (r: Report) => r.stages.flatMap((s) => s.themes.flatMap((t) => t.items));
const item = (r: Report, code: string) => items(r).find((i) => i.code === code)!;

describe('express lanes over HTTP: approval on commitment with its follow-up check, pre-review of the next stage (real stack)', () => {
  let h: Harness;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
  let project: string;

  const report = async () =>
    (await request(h.url).get(`/api/projects/${project}`).set(as('e-applicant')).expect(200))
      .body as Report;
  const task = async (code: string) => item(await report(), code).taskId;
  const officer = (code: string) => `e-officer.${code}`;
  const queue = async (dept: string) =>
    (
      await request(h.url)
        .get('/api/tasks')
        .set(as(officer(dept)))
        .expect(200)
    ).body as {
      items: { taskId: string; status: string; dueDate: string | null }[];
    };

  beforeAll(async () => {
    h = await startHarness({ DATABASE_URL: await ownDatabase('express_lanes') });
    const users = [
      { username: 'e-applicant', role: 'APPLICANT' as const, organisation: 'org-e' },
      { username: 'e-window', role: 'WINDOW_OFFICER' as const },
      { username: 'e-supervisor', role: 'SUPERVISOR' as const },
      { username: 'e-head.WRB', role: 'DEPARTMENT_HEAD' as const, department: 'WRB' },
      { username: 'e-head.EEB', role: 'DEPARTMENT_HEAD' as const, department: 'EEB' },
      ...['DRC', 'NRP', 'EEB', 'WRB', 'HCD', 'FIRE'].map((d) => ({
        username: officer(d),
        role: 'REVIEWING_OFFICER' as const,
        department: d,
      })),
    ];
    for (const u of users) auth[u.username] = await userToken(h, u);
    project = (
      await request(h.url)
        .post('/api/projects')
        .set(as('e-applicant'))
        .send({ name: '第三实验小学', answers: EXAMPLE_ANSWERS.school })
        .expect(201)
    ).body.id as string;
    await handIn(h, auth['e-applicant'], project, 'PLAN');
    await request(h.url)
      .post(`/api/projects/${project}/stages/PLAN/submission`)
      .set(as('e-applicant'))
      .send({})
      .expect(200);
    await request(h.url)
      .post(`/api/projects/${project}/stages/PLAN/acceptance`)
      .set(as('e-window'))
      .send({ decision: 'ACCEPT' })
      .expect(200);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses a commitment on an ineligible item with the reason (409), and leaves the item under review', async () => {
    const r = await report();
    expect(item(r, 'LAND_PRE_REVIEW').commitmentCheckDays).toBeNull();
    expect(item(r, 'EIA_TABLE').commitmentCheckDays).toBe(20);
    const refused = await request(h.url)
      .post(`/api/tasks/${item(r, 'LAND_PRE_REVIEW').taskId}/decision`)
      .set(as(officer('NRP')))
      .send({ action: 'APPROVE_ON_COMMITMENT', commitment: '承诺已取得用地' })
      .expect(409);
    expect(refused.body.reason).toEqual({
      key: 'NOT_ON_COMMITMENT',
      params: { item: { name: expect.any(String), nameEn: expect.any(String) } },
    });
    // Without its text: 400 naming the field.
    const bare = await request(h.url)
      .post(`/api/tasks/${item(r, 'EIA_TABLE').taskId}/decision`)
      .set(as(officer('EEB')))
      .send({ action: 'APPROVE_ON_COMMITMENT' })
      .expect(400);
    expect(JSON.stringify(bare.body.message)).toMatch(/commitment/);
    const after = await report();
    expect(item(after, 'LAND_PRE_REVIEW')).toMatchObject({
      status: 'UNDER_REVIEW',
      onCommitment: null,
    });
    expect(item(after, 'EIA_TABLE')).toMatchObject({ status: 'UNDER_REVIEW', onCommitment: null });
  });

  it('approves on commitment; the check is in the department’s queue; a passed check closes it', async () => {
    const eia = await task('EIA_TABLE');
    const res = await request(h.url)
      .post(`/api/tasks/${eia}/decision`)
      .set(as(officer('EEB')))
      .send({ action: 'APPROVE_ON_COMMITMENT', commitment: '本单位承诺落实环评批复的各项措施' })
      .expect(200);
    expect(res.body.item).toMatchObject({
      status: 'APPROVED',
      onCommitment: { text: '本单位承诺落实环评批复的各项措施', checkDue: expect.any(String) },
    });
    const due = (res.body.item as Item).onCommitment!.checkDue;
    expect((await queue('EEB')).items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ taskId: eia, status: 'CHECK_DUE', dueDate: due }),
      ]),
    );
    // Only its department checks it.
    await request(h.url)
      .post(`/api/tasks/${eia}/check`)
      .set(as(officer('WRB')))
      .send({ passed: true })
      .expect(404);
    await request(h.url)
      .post(`/api/tasks/${eia}/check`)
      .set(as(officer('EEB')))
      .send({ passed: 'yes' })
      .expect(400);
    await request(h.url)
      .post(`/api/tasks/${eia}/check`)
      .set(as(officer('EEB')))
      .send({ passed: true, comment: '现场核查属实' })
      .expect(200);
    expect(item(await report(), 'EIA_TABLE')).toMatchObject({
      status: 'APPROVED',
      onCommitment: { check: { passed: true } },
    });
    expect((await queue('EEB')).items.map((t) => t.taskId)).not.toContain(eia);
    // A second check is refused with the reason.
    const again = await request(h.url)
      .post(`/api/tasks/${eia}/check`)
      .set(as(officer('EEB')))
      .send({ passed: false, comment: 'x' })
      .expect(409);
    expect(again.body.reason).toMatchObject({ key: 'NO_CHECK_DUE' });
  });

  it('a failed check revokes the result: the document, the notice, the timeline and the statistics say so', async () => {
    const soil = await task('SOIL_WATER');
    await request(h.url)
      .post(`/api/tasks/${soil}/decision`)
      .set(as(officer('WRB')))
      .send({ action: 'APPROVE_ON_COMMITMENT', commitment: '承诺按方案落实水土保持措施' })
      .expect(200);
    // The check not made by its due date: an escalation of the supervisor and of the
    // department's head, marked as a check (CHECK_DUE, OVERDUE), not of another department. The
    // day is chosen, not waited for: the row's due date is moved to a past day.
    const dueFor = async (who: string) =>
      (
        (await request(h.url).get('/api/escalations').set(as(who)).expect(200)).body as {
          items: { taskId: string; status: string; risk: string; dueDate: string | null }[];
        }
      ).items.filter((e) => e.taskId === soil);
    expect(await dueFor('e-supervisor')).toEqual([]);
    await h.app
      .get(DataSource)
      .query(`UPDATE project_items SET check_due = DATE '2020-01-06' WHERE task_id = $1`, [soil]);
    const overdue = { taskId: soil, status: 'CHECK_DUE', risk: 'OVERDUE', dueDate: '2020-01-06' };
    expect(await dueFor('e-supervisor')).toEqual([expect.objectContaining(overdue)]);
    expect(await dueFor('e-head.WRB')).toEqual([expect.objectContaining(overdue)]);
    expect(await dueFor('e-head.EEB')).toEqual([]);
    const atRisk = await request(h.url)
      .get('/api/escalations?risk=AT_RISK')
      .set(as('e-supervisor'))
      .expect(200);
    expect((atRisk.body.items as { taskId: string }[]).map((e) => e.taskId)).not.toContain(soil);
    const doc = await request(h.url)
      .get(`/api/projects/${project}/items/SOIL_WATER/result`)
      .set(as('e-applicant'))
      .expect(200);
    expect(doc.body).toMatchObject({
      onCommitment: { text: '承诺按方案落实水土保持措施' },
      revoked: null,
    });
    // A failed check needs its reason.
    await request(h.url)
      .post(`/api/tasks/${soil}/check`)
      .set(as(officer('WRB')))
      .send({ passed: false })
      .expect(400);
    await request(h.url)
      .post(`/api/tasks/${soil}/check`)
      .set(as(officer('WRB')))
      .send({ passed: false, comment: '现场未建设拦挡设施' })
      .expect(200);
    expect(item(await report(), 'SOIL_WATER').status).toBe('REVOKED');
    expect(await dueFor('e-supervisor')).toEqual([]); // made: no longer overdue
    const revoked = await request(h.url)
      .get(`/api/projects/${project}/items/SOIL_WATER/result`)
      .set(as('e-applicant'))
      .expect(200);
    expect(revoked.body.revoked).toEqual({ on: expect.any(String), comment: '现场未建设拦挡设施' });
    const pdf = await request(h.url)
      .get(`/api/projects/${project}/items/SOIL_WATER/result`)
      .set(as('e-applicant'))
      .set('Accept', 'application/pdf')
      .expect(200);
    expect(pdf.headers['content-type']).toMatch(/pdf/);
    const notices = (await request(h.url).get('/api/notices').set(as('e-applicant')).expect(200))
      .body as { items: { kind: string; itemCode?: string }[] };
    expect(notices.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'RESULT_REVOKED', itemCode: 'SOIL_WATER' }),
      ]),
    );
    const timeline = (
      await request(h.url)
        .get(`/api/projects/${project}/timeline`)
        .set(as('e-applicant'))
        .expect(200)
    ).body as { items: { type: string; itemCode?: string }[] };
    expect(timeline.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'ITEM_REVOKED', itemCode: 'SOIL_WATER' }),
      ]),
    );
    const stats = (await request(h.url).get('/api/statistics').set(as('e-supervisor')).expect(200))
      .body as { commitments: Record<string, number> };
    expect(stats.commitments).toEqual({ approvedOnCommitment: 2, checksPassed: 1, revoked: 1 });
  });

  it('pre-review: a stage that does not follow is refused; the next stage’s items wait in PRE_REVIEW for its departments’ comments', async () => {
    const refused = await request(h.url)
      .post(`/api/projects/${project}/stages/COMPLETION/pre-review`)
      .set(as('e-applicant'))
      .send({})
      .expect(409);
    expect(refused.body.reason).toMatchObject({
      key: 'NOT_NEXT_STAGE',
      params: { stage: 'COMPLETION' },
    });
    // Its materials first, as a submission takes them.
    const missing = await request(h.url)
      .post(`/api/projects/${project}/stages/START_PERMIT/pre-review`)
      .set(as('e-applicant'))
      .send({})
      .expect(400);
    expect(missing.body.reason).toMatchObject({ key: 'MATERIALS_MISSING' });
    let r = await report();
    expect(r.stages[1].preReviewedOn).toBeNull();
    expect(items(r).filter((i) => i.status === 'PRE_REVIEW')).toEqual([]);

    await handIn(h, auth['e-applicant'], project, 'START_PERMIT');
    await request(h.url)
      .post(`/api/projects/${project}/stages/START_PERMIT/pre-review`)
      .set(as('e-applicant'))
      .send({ note: '拿地即开工' })
      .expect(200);
    r = await report();
    const permit = r.stages[1].themes.flatMap((t) => t.items);
    expect(r.stages[1]).toMatchObject({ status: 'NOT_STARTED', preReviewedOn: expect.any(String) });
    expect(permit.every((i) => i.status === 'PRE_REVIEW' || i.status === 'PENDING')).toBe(true);
    const fire = item(r, 'FIRE_DESIGN_REVIEW');
    expect(fire.status).toBe('PRE_REVIEW');
    expect((await queue('FIRE')).items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ taskId: fire.taskId, status: 'PRE_REVIEW' }),
      ]),
    );
    await request(h.url)
      .post(`/api/tasks/${fire.taskId}/pre-review-comment`)
      .set(as(officer('FIRE')))
      .send({ comment: '消防车道宽度未标注' })
      .expect(200);
    // A comment is no decision.
    const early = await request(h.url)
      .post(`/api/tasks/${fire.taskId}/decision`)
      .set(as(officer('FIRE')))
      .send({ action: 'APPROVE' })
      .expect(409);
    expect(early.body.reason).toMatchObject({ key: 'ITEM_STATE' });
    const timeline = (
      await request(h.url)
        .get(`/api/projects/${project}/timeline`)
        .set(as('e-applicant'))
        .expect(200)
    ).body as { items: { type: string; itemCode?: string; detail?: { comment?: string } }[] };
    expect(timeline.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'PRE_REVIEW_COMMENTED',
          itemCode: 'FIRE_DESIGN_REVIEW',
          detail: { comment: '消防车道宽度未标注' },
        }),
      ]),
    );
    // No clock ran on it.
    expect(item(await report(), 'FIRE_DESIGN_REVIEW')).toMatchObject({ status: 'PRE_REVIEW' });
  });
  it('when PLAN completes, the pre-reviewed stage is handed in and, accepted in one click, its clocks start that day; the statistics count the handover', async () => {
    // Every PLAN item under review approved, those waiting for a prerequisite after it.
    for (;;) {
      const open = (await report()).stages[0].themes
        .flatMap((t) => t.items)
        .filter((i) => i.status === 'UNDER_REVIEW');
      if (open.length === 0) break;
      for (const i of open)
        await request(h.url)
          .post(`/api/tasks/${i.taskId}/decision`)
          .set(as(officer(i.department)))
          .send({ action: 'APPROVE' })
          .expect(200);
    }
    let r = await report();
    const completedOn = (r.stages[0] as { completedOn?: string }).completedOn;
    expect(r.stages[0].status).toBe('COMPLETED');
    expect(r.stages[1]).toMatchObject({ status: 'SUBMITTED' });
    const waiting = (await request(h.url).get('/api/submissions').set(as('e-window')).expect(200))
      .body as { items: { projectId: string; stage: string }[] };
    expect(waiting.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          projectId: project,
          stage: 'START_PERMIT',
          // The window's queue says it was pre-reviewed (its tag), and since when it counts.
          preReviewedOn: r.stages[1].preReviewedOn,
          submittedOn: completedOn,
        }),
      ]),
    );
    expect(r.stages[1].preReviewedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await request(h.url)
      .post(`/api/projects/${project}/stages/START_PERMIT/acceptance`)
      .set(as('e-window'))
      .send({ decision: 'ACCEPT' })
      .expect(200);
    r = await report();
    expect((r.stages[1] as { acceptedOn?: string }).acceptedOn).toBe(completedOn);
    expect(item(r, 'FIRE_DESIGN_REVIEW')).toMatchObject({
      status: 'UNDER_REVIEW',
      startedOn: completedOn,
    });
    const stats = (await request(h.url).get('/api/statistics').set(as('e-supervisor')).expect(200))
      .body as { handover: Record<string, number | null> };
    expect(stats.handover).toEqual({
      withPreReview: 0,
      withPreReviewCount: 1,
      withoutPreReview: null,
      withoutPreReviewCount: 0,
    });
  });
});
