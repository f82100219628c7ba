/**
 * The whole journey over HTTP only: a government-invested school from the questionnaire to
 * completion, driven by the applicant, its agent, the window and the officers of every
 * department, with the report checked after every step. Two APIs and two workers share one
 * task queue and requests take turns on the APIs, as behind a load balancer: a read on one API
 * sees a command made on the other. On the cluster (E2E_TEMPORAL=cluster, as .ci/run runs it)
 * this is the production shape.
 */
import request from 'supertest';
import { handIn, Harness, startHarness, userToken } from './app-harness';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';

type Clock = {
  limitDays: number;
  usedDays: number;
  remainingDays: number;
  percentUsed: number;
  risk: string;
};
type Item = { code: string; department: string; status: string; taskId: string; clock: Clock };
type Report = {
  id: string;
  stage: string;
  status: string;
  clock: Clock & { pausedDays: number; projectedCompletionDate: string };
  stages: { code: string; status: string; usedDays: number; themes: { items: Item[] }[] }[];
};

const DEPARTMENTS = [
  'DRC',
  'NRP',
  'EEB',
  'WRB',
  'HCD',
  'FIRE',
  'CAD',
  'UMB',
  'WATER',
  'POWER',
  'GAS',
];

describe('journey: a government-invested project from questionnaire to completion (real stack, HTTP only)', () => {
  let h: Harness;
  let h2: Harness;
  let turn = 0;
  /** The next API's URL: requests alternate between the two. */
  const api = () => (turn++ % 2 ? h2 : h).url;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
  let id: string;
  const checks: string[] = [];

  /** The report, with the invariants every step must keep. */
  const report = async (who = 'j-applicant'): Promise<Report> => {
    const r = (await request(api()).get(`/api/projects/${id}`).set(as(who)).expect(200))
      .body as Report;
    expect(r.clock.limitDays).toBe(80);
    expect(r.clock.usedDays + r.clock.remainingDays).toBe(80);
    expect(r.clock.percentUsed).toBeCloseTo((100 * r.clock.usedDays) / 80, 0);
    // The project has barely started: it is on track, whatever day of the week the test runs.
    expect(r.clock.usedDays).toBeLessThanOrEqual(1);
    expect(r.clock.risk).toBe('ON_TRACK');
    for (const s of r.stages)
      for (const i of s.themes.flatMap((t) => t.items)) {
        expect(i.clock.usedDays + i.clock.remainingDays).toBe(i.clock.limitDays);
      }
    return r;
  };
  const items = (r: Report, stage: string) =>
    r.stages.find((s) => s.code === stage)!.themes.flatMap((t) => t.items);

  beforeAll(async () => {
    h = await startHarness();
    h2 = await startHarness({ TEMPORAL_TASK_QUEUE: h.taskQueue });
    const users = [
      { username: 'j-applicant', role: 'APPLICANT' as const, organisation: 'org-j' },
      { username: 'j-agent', role: 'AGENT' as const },
      { username: 'j-window', role: 'WINDOW_OFFICER' as const },
      ...DEPARTMENTS.map((d) => ({
        username: `j-officer.${d}`,
        role: 'REVIEWING_OFFICER' as const,
        department: d,
      })),
    ];
    for (const u of users) auth[u.username] = await userToken(h, u);
  }, 300_000); // two workers bundle the workflows
  afterAll(async () => {
    await h2?.close();
    await h?.close();
  });

  /** Officers work their queues (by project) until the stage has no item under review. */
  const workStage = async (stage: string, supplementFirst?: string) => {
    for (let round = 0; round < 20; round++) {
      const r = await report();
      if (r.stages.find((s) => s.code === stage)!.status === 'COMPLETED') return r;
      const open = items(r, stage).filter((i) => i.status === 'UNDER_REVIEW');
      expect(open.length).toBeGreaterThan(0); // otherwise the stage could never complete
      for (const i of open) {
        const officer = `j-officer.${i.department}`;
        const queue = await request(api())
          .get(`/api/tasks?projectId=${id}`)
          .set(as(officer))
          .expect(200);
        expect(queue.body.items.map((t: { taskId: string }) => t.taskId)).toContain(i.taskId);
        if (i.code === supplementFirst) {
          supplementFirst = undefined;
          await request(api())
            .post(`/api/tasks/${i.taskId}/decision`)
            .set(as(officer))
            .send({ action: 'REQUEST_SUPPLEMENT', comment: '请补充材料' })
            .expect(200);
          const paused = items(await report(), stage).find((x) => x.code === i.code)!;
          expect(paused.status).toBe('SUPPLEMENT_REQUESTED');
          checks.push(`${i.code} paused for a supplement`);
          const answered = await request(api())
            .post(`/api/projects/${id}/items/${i.code}/supplement`)
            .set(as('j-agent'))
            .send({ note: '已补充' })
            .expect(200);
          expect(items(answered.body as Report, stage).find((x) => x.code === i.code)!.status).toBe(
            'UNDER_REVIEW',
          );
        }
        const decided = await request(api())
          .post(`/api/tasks/${i.taskId}/decision`)
          .set(as(officer))
          .set('Idempotency-Key', `journey-${i.taskId}`)
          .send({ action: 'APPROVE', comment: '同意' })
          .expect(200);
        expect(decided.body.item).toMatchObject({ code: i.code, status: 'APPROVED' });
      }
    }
    throw new Error(`stage ${stage} did not complete`);
  };

  it('goes from the questionnaire to completion; every step shows in the report', async () => {
    const q = await request(api()).get('/api/questionnaire').set(as('j-applicant')).expect(200);
    expect(q.body.questions.length).toBeGreaterThan(0);
    const answers = EXAMPLE_ANSWERS.school;
    const preview = await request(api())
      .post('/api/checklists')
      .set(as('j-applicant'))
      .send({ answers })
      .expect(200);
    expect(preview.body).toMatchObject({ projectType: 'GOVERNMENT_INVESTED', limitDays: 80 });
    const planned = (preview.body.stages as { themes: { items: unknown[] }[] }[]).flatMap((s) =>
      s.themes.flatMap((t) => t.items),
    ).length;

    const created = await request(api())
      .post('/api/projects')
      .set(as('j-applicant'))
      .set('Idempotency-Key', 'journey-school')
      .send({ name: '第三实验小学', answers })
      .expect(201);
    id = created.body.id as string;
    let r = await report();
    expect(r).toMatchObject({ stage: 'PLAN', status: 'IN_PROGRESS' });
    expect(r.clock.usedDays).toBe(0);
    expect(r.stages.flatMap((s) => s.themes.flatMap((t) => t.items))).toHaveLength(planned);
    expect(items(r, 'PLAN').every((i) => i.status === 'PENDING')).toBe(true);

    await request(api())
      .post(`/api/projects/${id}/delegations`)
      .set(as('j-applicant'))
      .send({ agentUsername: 'j-agent' })
      .expect(201);

    for (const [stage, supplement] of [
      ['PLAN', 'LAND_USE_PERMIT'],
      ['START_PERMIT', 'CONSTRUCTION_PERMIT'],
      ['COMPLETION', undefined],
    ] as const) {
      await handIn({ url: api() }, auth['j-agent'], id, stage);
      const submitted = await request(api())
        .post(`/api/projects/${id}/stages/${stage}/submission`)
        .set(as('j-agent'))
        .send({ note: `${stage} 材料`, materials: [{ name: `${stage}.pdf` }] })
        .expect(200);
      expect(submitted.body.stages.find((s: { code: string }) => s.code === stage).status).toBe(
        'SUBMITTED',
      );
      r = await report();
      expect(r.stage).toBe(stage);
      expect(items(r, stage).every((i) => i.status === 'SUBMITTED')).toBe(true);

      await request(api())
        .post(`/api/projects/${id}/stages/${stage}/acceptance`)
        .set(as('j-window'))
        .send({ decision: 'ACCEPT' })
        .expect(200);
      r = await report();
      expect(r.stages.find((s) => s.code === stage)!.status).toBe('IN_REVIEW');
      expect(items(r, stage).some((i) => i.status === 'UNDER_REVIEW')).toBe(true);
      // Items wait only for their prerequisites: none is left SUBMITTED after acceptance.
      expect(items(r, stage).every((i) => ['UNDER_REVIEW', 'PENDING'].includes(i.status))).toBe(
        true,
      );

      r = await workStage(stage, supplement);
      expect(items(r, stage).every((i) => i.status === 'APPROVED')).toBe(true);
      checks.push(`${stage} completed`);
    }

    r = await report('j-officer.GAS');
    expect(r).toMatchObject({ stage: 'COMPLETION', status: 'COMPLETED' });
    expect(r.stages.every((s) => s.status === 'COMPLETED')).toBe(true);
    expect(checks).toEqual([
      'LAND_USE_PERMIT paused for a supplement',
      'PLAN completed',
      'CONSTRUCTION_PERMIT paused for a supplement',
      'START_PERMIT completed',
      'COMPLETION completed',
    ]);

    const timeline = (
      await request(api()).get(`/api/projects/${id}/timeline`).set(as('j-applicant')).expect(200)
    ).body.items as { actor: string; onBehalfOf?: string; type: string }[];
    const byAgent = timeline.filter((e) => e.actor === 'j-agent');
    expect(byAgent.map((e) => e.type)).toEqual(
      expect.arrayContaining(['STAGE_SUBMITTED', 'SUPPLEMENT_ANSWERED']),
    );
    expect(byAgent.every((e) => e.onBehalfOf === 'org-j')).toBe(true);
    expect(timeline.at(-1)!.type).toBe('PROJECT_COMPLETED');
    // A closed project takes no more commands, and nothing is waiting for an officer.
    await request(api())
      .post(`/api/projects/${id}/withdrawal`)
      .set(as('j-applicant'))
      .send({})
      .expect(409);
    const queue = await request(api())
      .get(`/api/tasks?projectId=${id}`)
      .set(as('j-officer.NRP'))
      .expect(200);
    expect(queue.body.total).toBe(0);
  });
});
