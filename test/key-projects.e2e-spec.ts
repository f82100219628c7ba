/**
 * Key projects (重点项目) and their specialists (代办专员) over HTTP, on the real stack: the service
 * centre's flag puts a project first in the window's, the officers' and the heads' queues; a
 * specialist has no power until the owner accepts, then acts as a delegated agent; the
 * specialist's plan is judged met / late / open; a closed project cannot be flagged; the
 * statistics count the served project.
 */
import request from 'supertest';
import { defaultCatalog, EXAMPLE_ANSWERS } from '../libs/domain/src';
import { handIn, Harness, ownDatabase, startHarness, userToken } from './app-harness';

type Item = { code: string; department: string; status: string; taskId: string };
type Report = {
  id: string;
  status: string;
  key: { reason: string; since: string } | null;
  specialist: { username: string; status: string; assignedBy: string } | null;
  stages: {
    code: string;
    status: string;
    completedOn: string | null;
    themes: { items: Item[] }[];
  }[];
};
type Row = { projectId: string; key: { reason: string } | null };
const items = (r: Report, stage: string) =>
  r.stages.find((s) => s.code === stage)!.themes.flatMap((t) => t.items);

const DEPARTMENTS = defaultCatalog.departments.map((d) => d.code);

describe('key projects and specialists over HTTP (real stack)', () => {
  let h: Harness;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
  const report = async (id: string, who = 'k-applicant') =>
    (await request(h.url).get(`/api/projects/${id}`).set(as(who)).expect(200)).body as Report;
  const create = async (name: string, answers: object = EXAMPLE_ANSWERS.school) =>
    (
      await request(h.url)
        .post('/api/projects')
        .set(as('k-applicant'))
        .send({ name, answers })
        .expect(201)
    ).body.id as string;
  const importAccepted = async (name: string, acceptedAt: string) =>
    (
      await request(h.url)
        .post('/api/projects')
        .set(as('k-admin'))
        .send({
          name,
          answers: EXAMPLE_ANSWERS.school,
          ownerOrganisation: 'org-k',
          acceptedAt,
        })
        .expect(201)
    ).body.id as string;
  const submit = async (id: string, stage: string, who = 'k-applicant') => {
    await handIn(h, auth[who], id, stage);
    await request(h.url)
      .post(`/api/projects/${id}/stages/${stage}/submission`)
      .set(as(who))
      .send({})
      .expect(200);
  };
  const flag = (id: string, who = 'k-centre', reason = '市重点工程') =>
    request(h.url).post(`/api/projects/${id}/key`).set(as(who)).send({ reason });
  /** The centre proposes the team's specialist and the owner accepts. */
  const serve = async (id: string) => {
    await request(h.url)
      .post(`/api/projects/${id}/specialist`)
      .set(as('k-centre'))
      .send({ username: 'k-specialist' })
      .expect(201);
    await request(h.url)
      .post(`/api/projects/${id}/specialist/consent`)
      .set(as('k-applicant'))
      .send({ accept: true })
      .expect(200);
  };
  /** The window accepts the stage the specialist hands in; the officers approve until it completes. */
  const workStage = async (id: string, stage: string) => {
    await submit(id, stage, 'k-specialist');
    await request(h.url)
      .post(`/api/projects/${id}/stages/${stage}/acceptance`)
      .set(as('k-window'))
      .send({ decision: 'ACCEPT' })
      .expect(200);
    for (let round = 0; round < 10; round++) {
      const r = await report(id);
      if (r.stages.find((s) => s.code === stage)!.status === 'COMPLETED') return r;
      for (const i of items(r, stage).filter((x) => x.status === 'UNDER_REVIEW')) {
        await request(h.url)
          .post(`/api/tasks/${i.taskId}/decision`)
          .set(as(`k-officer.${i.department}`))
          .send({ action: 'APPROVE', comment: '同意' })
          .expect(200);
      }
    }
    throw new Error(`stage ${stage} did not complete`);
  };
  /** Key rows before every other; answers the positions of the projects asked. */
  const positions = (rows: Row[], ...ids: string[]) => {
    const firstPlain = rows.findIndex((r) => !r.key);
    if (firstPlain >= 0) expect(rows.slice(firstPlain).every((r) => !r.key)).toBe(true);
    return ids.map((id) => rows.findIndex((r) => r.projectId === id));
  };

  beforeAll(async () => {
    // Its own database: the queues and the statistics hold this suite's projects only.
    h = await startHarness({ DATABASE_URL: await ownDatabase('keyprojects') });
    const users = [
      { username: 'k-applicant', role: 'APPLICANT' as const, organisation: 'org-k' },
      { username: 'k-applicant2', role: 'APPLICANT' as const, organisation: 'org-k2' },
      { username: 'k-centre', role: 'SERVICE_CENTRE' as const },
      { username: 'k-specialist', role: 'AGENT' as const, agentTeam: true },
      { username: 'k-agent', role: 'AGENT' as const },
      { username: 'k-window', role: 'WINDOW_OFFICER' as const },
      { username: 'k-admin', role: 'ADMIN' as const },
      { username: 'k-supervisor', role: 'SUPERVISOR' as const },
      { username: 'k-head.DRC', role: 'DEPARTMENT_HEAD' as const, department: 'DRC' },
      ...DEPARTMENTS.map((d) => ({
        username: `k-officer.${d}`,
        role: 'REVIEWING_OFFICER' as const,
        department: d,
      })),
    ];
    for (const u of users) auth[u.username] = await userToken(h, u);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a key project comes first in the officers’ tasks, the heads’ escalations and the window’s submissions', async () => {
    // Both overdue (accepted long ago); the older is due first until the newer is flagged.
    const older = await importAccepted('旧厂房改造', '2026-01-05');
    const newer = await importAccepted('新区学校', '2026-03-02');
    const tasks = async () =>
      (await request(h.url).get('/api/tasks?pageSize=100').set(as('k-officer.DRC')).expect(200))
        .body.items as Row[];
    const escalations = async () =>
      (await request(h.url).get('/api/escalations?pageSize=100').set(as('k-head.DRC')).expect(200))
        .body.items as Row[];
    const [o1, n1] = positions(await tasks(), older, newer);
    expect(o1).toBeGreaterThanOrEqual(0);
    expect(n1).toBeGreaterThan(o1);
    const [o2, n2] = positions(await escalations(), older, newer);
    expect(n2).toBeGreaterThan(o2);
    expect(o2).toBeGreaterThanOrEqual(0);

    // The window sees the earliest submission first, until the later one is flagged.
    const first = await create('先交的项目');
    const second = await create('后交的项目');
    await submit(first, 'PLAN');
    await submit(second, 'PLAN');
    const submissions = async () =>
      (await request(h.url).get('/api/submissions?pageSize=100').set(as('k-window')).expect(200))
        .body.items as Row[];
    const [f1, s1] = positions(await submissions(), first, second);
    expect(s1).toBeGreaterThan(f1);

    // Only the service centre or the supervisor flags.
    expect((await flag(newer, 'k-window')).status).toBe(403);
    expect((await flag(newer, 'k-applicant')).status).toBe(403);
    const bad = await request(h.url)
      .post(`/api/projects/${newer}/key`)
      .set(as('k-centre'))
      .send({ reason: '' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toContain('reason');
    const flagged = await flag(newer);
    expect(flagged.status).toBe(200);
    expect(flagged.body.reason).toBe('市重点工程');
    expect((await flag(second, 'k-supervisor', '省重点项目')).status).toBe(200);

    const [o3, n3] = positions(await tasks(), older, newer);
    expect(n3).toBeLessThan(o3);
    const [o4, n4] = positions(await escalations(), older, newer);
    expect(n4).toBeLessThan(o4);
    const rows = await submissions();
    const [f2, s2] = positions(rows, first, second);
    expect(s2).toBeLessThan(f2);
    expect(rows[s2].key).toMatchObject({ reason: '省重点项目' });

    // The report and the project list carry the flag; unflagging puts it back in its place.
    expect((await report(newer)).key).toMatchObject({ reason: '市重点工程' });
    const list = (await request(h.url).get('/api/projects?pageSize=100').set(as('k-centre'))).body
      .items as { id: string; key: { reason: string } | null }[];
    expect(list.find((p) => p.id === newer)!.key).toMatchObject({ reason: '市重点工程' });
    expect(list.find((p) => p.id === older)!.key).toBeNull();
    await request(h.url).delete(`/api/projects/${newer}/key`).set(as('k-centre')).expect(204);
    expect((await report(newer)).key).toBeNull();
    const [o5, n5] = positions(await tasks(), older, newer);
    expect(n5).toBeGreaterThan(o5);
    await request(h.url).delete(`/api/projects/${newer}/key`).set(as('k-centre')).expect(404);
  });

  it('a specialist has no power until the owner accepts; declined has none; accepted acts as a delegate, recorded as assigned by the centre', async () => {
    const id = await create('重点物流园', EXAMPLE_ANSWERS.lowRiskWarehouse);
    const assign = (username: string, who = 'k-centre') =>
      request(h.url).post(`/api/projects/${id}/specialist`).set(as(who)).send({ username });
    const consent = (accept: boolean, who = 'k-applicant') =>
      request(h.url).post(`/api/projects/${id}/specialist/consent`).set(as(who)).send({ accept });
    const specialistSees = () => request(h.url).get(`/api/projects/${id}`).set(as('k-specialist'));

    const notOnTeam = await assign('k-agent');
    expect(notOnTeam.status).toBe(400);
    expect(notOnTeam.body.message).toMatch(/^username: k-agent is not on the/);
    expect((await assign('k-specialist', 'k-window')).status).toBe(403);
    expect((await consent(true)).status).toBe(409); // nothing proposed yet
    expect((await consent(true)).body.reason).toEqual({ key: 'NO_PROPOSAL' });

    const proposed = await assign('k-specialist');
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      username: 'k-specialist',
      status: 'PROPOSED',
      assignedBy: 'k-centre',
    });
    expect((await assign('k-specialist')).status).toBe(200); // the same again: unchanged
    expect((await specialistSees()).status).toBe(404);
    await handIn(h, auth['k-applicant'], id, 'PLAN');
    const early = await request(h.url)
      .post(`/api/projects/${id}/stages/PLAN/submission`)
      .set(as('k-specialist'))
      .send({});
    expect([403, 404]).toContain(early.status);

    // Another organisation's applicant cannot answer; the owner declines.
    expect((await consent(true, 'k-applicant2')).status).toBe(404);
    expect((await consent(false)).body).toMatchObject({ status: 'DECLINED' });
    expect((await report(id)).specialist).toMatchObject({ status: 'DECLINED' });
    expect((await specialistSees()).status).toBe(404);
    const list = (await request(h.url).get('/api/projects').set(as('k-specialist'))).body.items as {
      id: string;
    }[];
    expect(list.some((p) => p.id === id)).toBe(false);

    // Proposed again and accepted: the specialist sees the project and hands the stage in.
    await assign('k-specialist').expect(201);
    expect((await consent(true)).body).toMatchObject({
      status: 'ACTIVE',
      answeredBy: 'k-applicant',
    });
    expect((await report(id, 'k-centre')).specialist).toMatchObject({
      username: 'k-specialist',
      status: 'ACTIVE',
      assignedBy: 'k-centre',
    });
    expect((await specialistSees()).status).toBe(200);
    const mine = (await request(h.url).get('/api/projects').set(as('k-specialist'))).body.items as {
      id: string;
    }[];
    expect(mine.some((p) => p.id === id)).toBe(true);
    await flag(id).expect(200);
    const submitted = await request(h.url)
      .post(`/api/projects/${id}/stages/PLAN/submission`)
      .set(as('k-specialist'))
      .send({})
      .expect(200);
    // The command's answer is the report as a read shows it: the page keeps the badge.
    expect(submitted.body).toMatchObject({
      key: { reason: '市重点工程' },
      specialist: { username: 'k-specialist', status: 'ACTIVE' },
    });
    const events = (await request(h.url).get(`/api/projects/${id}/timeline`).set(as('k-applicant')))
      .body.items as {
      type: string;
      actor: string;
      onBehalfOf?: string;
      specialistAssignedBy?: string;
    }[];
    expect(events.find((e) => e.type === 'STAGE_SUBMITTED')).toMatchObject({
      actor: 'k-specialist',
      onBehalfOf: 'org-k',
      specialistAssignedBy: 'k-centre',
    });
    const audit = (
      await request(h.url)
        .get('/api/audit?action=SPECIALIST_ACCEPTED')
        .set(as('k-admin'))
        .expect(200)
    ).body.items as { actor: string; subject: string; detail: Record<string, string> }[];
    expect(audit.find((a) => a.detail.projectId === id)).toMatchObject({
      actor: 'k-applicant',
      subject: 'k-specialist',
      detail: { assignedBy: 'k-centre', organisation: 'org-k' },
    });
  });

  it('the assignment is told: the owner is asked for consent; the centre user who assigned and the specialist learn the answer', async () => {
    const id = await create('重点冷链仓库', EXAMPLE_ANSWERS.lowRiskWarehouse);
    type N = {
      projectId: string;
      kind: string;
      text: { key: string; params: Record<string, string> };
    };
    const noticesOf = async (who: string) =>
      (
        (await request(h.url).get('/api/notices?pageSize=100').set(as(who)).expect(200)).body
          .items as N[]
      ).filter((n) => n.projectId === id && n.kind.startsWith('SPECIALIST_'));
    const kinds = async (who: string) => (await noticesOf(who)).map((n) => n.kind);

    await request(h.url)
      .post(`/api/projects/${id}/specialist`)
      .set(as('k-centre'))
      .send({ username: 'k-specialist' })
      .expect(201);
    const [asked] = await noticesOf('k-applicant');
    expect(asked).toMatchObject({
      kind: 'SPECIALIST_PROPOSED',
      text: {
        key: 'specialistProposed',
        params: { project: '重点冷链仓库', specialist: expect.any(String), by: expect.any(String) },
      },
    });
    // Nobody else is asked: not the centre, the specialist, another organisation.
    for (const who of ['k-centre', 'k-specialist', 'k-applicant2'])
      expect(await kinds(who)).toEqual([]);

    await request(h.url)
      .post(`/api/projects/${id}/specialist/consent`)
      .set(as('k-applicant'))
      .send({ accept: false })
      .expect(200);
    for (const who of ['k-centre', 'k-specialist'])
      expect(await kinds(who)).toEqual(['SPECIALIST_DECLINED']);
    expect(await kinds('k-applicant')).toEqual(['SPECIALIST_PROPOSED']);
    expect(await kinds('k-agent')).toEqual([]);

    // Proposed again and accepted: asked again, and the answer told again.
    await serve(id);
    expect(await kinds('k-applicant')).toEqual(['SPECIALIST_PROPOSED', 'SPECIALIST_PROPOSED']);
    for (const who of ['k-centre', 'k-specialist'])
      expect(await kinds(who)).toEqual(['SPECIALIST_ACCEPTED', 'SPECIALIST_DECLINED']);
    const [told] = await noticesOf('k-centre');
    expect(told.text).toMatchObject({ key: 'specialistAccepted', params: { owner: 'org-k' } });
    // A notice is read by the one it is for: the specialist cannot mark the applicant's.
    const applicantNotice = (
      (await request(h.url).get('/api/notices?pageSize=100').set(as('k-applicant'))).body.items as {
        id: string;
        projectId: string;
        kind: string;
      }[]
    ).find((n) => n.projectId === id && n.kind === 'SPECIALIST_PROPOSED')!;
    await request(h.url)
      .post(`/api/notices/${encodeURIComponent(applicantNotice.id)}/read`)
      .set(as('k-specialist'))
      .expect(404);
  });

  it('the specialist’s plan: targets met, late or open; only the active specialist sets it', async () => {
    const id = await create('重点产业园', EXAMPLE_ANSWERS.lowRiskWarehouse);
    await request(h.url)
      .post(`/api/projects/${id}/specialist`)
      .set(as('k-centre'))
      .send({ username: 'k-specialist' })
      .expect(201);
    const put = (targets: object[], who = 'k-specialist') =>
      request(h.url).put(`/api/projects/${id}/plan`).set(as(who)).send({ targets });
    expect((await put([{ stage: 'PLAN', date: '2099-12-31' }])).status).toBe(404); // proposed only
    await request(h.url)
      .post(`/api/projects/${id}/specialist/consent`)
      .set(as('k-applicant'))
      .send({ accept: true })
      .expect(200);
    await request(h.url)
      .post(`/api/projects/${id}/delegations`)
      .set(as('k-applicant'))
      .send({ agentUsername: 'k-agent' })
      .expect(201);
    expect((await put([{ stage: 'PLAN', date: '2099-12-31' }], 'k-agent')).status).toBe(403);
    const both = await put([{ stage: 'PLAN', item: 'X', date: '2099-12-31' }]);
    expect(both.status).toBe(400);
    expect(both.body.message).toMatch(/^targets\[0\]: give either stage or item/);
    const unknown = await put([{ item: 'NO_SUCH_ITEM', date: '2099-12-31' }]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/^targets\[0\]\.item: NO_SUCH_ITEM/);
    expect((await put([{ stage: 'PLAN', date: '31/12/2099' }])).status).toBe(400);

    // The PLAN stage worked to completion by the specialist and the officers, today.
    const r = await workStage(id, 'PLAN');
    const first = items(r, 'PLAN').find((i) => i.status === 'APPROVED')!;
    const startItem = items(r, 'START_PERMIT')[0];
    const set = await put([
      { stage: 'PLAN', date: '2099-12-31' },
      { item: first.code, date: '2099-12-31' },
      { stage: 'START_PERMIT', date: '2026-01-05' },
      { item: startItem.code, date: '2099-12-31' },
    ]);
    expect(set.status).toBe(200);
    const expected = [
      { stage: 'PLAN', state: 'MET', met: true, late: false },
      { item: first.code, state: 'MET', met: true, late: false },
      { stage: 'START_PERMIT', state: 'LATE', met: false, late: true },
      { item: startItem.code, state: 'OPEN', met: false, late: false },
    ];
    expect(set.body.targets).toMatchObject(expected);
    expect(set.body.targets[0].doneOn).toBe(r.stages[0].completedOn);
    // Everyone who sees the project reads the same plan; an outsider is told it does not exist.
    for (const who of ['k-applicant', 'k-centre', 'k-officer.DRC', 'k-specialist']) {
      const seen = await request(h.url).get(`/api/projects/${id}/plan`).set(as(who)).expect(200);
      expect(seen.body).toMatchObject({ setBy: 'k-specialist', targets: expected });
    }
    await request(h.url).get(`/api/projects/${id}/plan`).set(as('k-applicant2')).expect(404);
  });

  it('a completed or withdrawn project cannot be flagged or given a specialist (409, PROJECT_NOT_OPEN); the statistics count the served project', async () => {
    const stats = async () =>
      (await request(h.url).get('/api/statistics').set(as('k-centre')).expect(200)).body
        .agentService as {
        served: { completed: number; inProgress: number; averageUsedDays: number | null };
        notServed: { completed: number };
        bySpecialist: number;
      };
    const before = await stats();
    const id = await create('重点小仓库', EXAMPLE_ANSWERS.lowRiskWarehouse);
    await serve(id);
    const during = await stats();
    expect(during.served.inProgress).toBe(before.served.inProgress + 1);
    expect(during.bySpecialist).toBe(before.bySpecialist + 1);
    for (const stage of ['PLAN', 'START_PERMIT', 'COMPLETION']) await workStage(id, stage);
    expect((await report(id)).status).toBe('COMPLETED');
    const refused = await flag(id);
    expect(refused.status).toBe(409);
    expect(refused.body.reason).toEqual({
      key: 'PROJECT_NOT_OPEN',
      params: { status: 'COMPLETED' },
    });
    expect((await report(id)).key).toBeNull();
    const after = await stats();
    expect(after.served.completed).toBe(before.served.completed + 1);
    expect(after.served.inProgress).toBe(before.served.inProgress);
    expect(after.served.averageUsedDays).not.toBeNull();

    const withdrawn = await create('撤回的项目');
    await request(h.url)
      .post(`/api/projects/${withdrawn}/withdrawal`)
      .set(as('k-applicant'))
      .send({ reason: '项目取消' })
      .expect(200);
    expect((await flag(withdrawn)).body.reason).toMatchObject({
      key: 'PROJECT_NOT_OPEN',
      params: { status: 'WITHDRAWN' },
    });
    const assign = await request(h.url)
      .post(`/api/projects/${withdrawn}/specialist`)
      .set(as('k-centre'))
      .send({ username: 'k-specialist' });
    expect(assign.status).toBe(409);
  });

  it('an administrator puts agents on the agent team; only agents can be on it', async () => {
    const admin = as('k-admin');
    const created = await request(h.url)
      .post('/api/admin/users')
      .set(admin)
      .send({ username: 'k-team2', displayName: '代办专员二', role: 'AGENT', agentTeam: true })
      .expect(201);
    expect(created.body.user).toMatchObject({ role: 'AGENT', agentTeam: true });
    const misfit = await request(h.url)
      .post('/api/admin/users')
      .set(admin)
      .send({ username: 'k-misfit', displayName: 'x', role: 'WINDOW_OFFICER', agentTeam: true });
    expect(misfit.status).toBe(400);
    expect(JSON.stringify(misfit.body.message)).toContain('agentTeam: only an agent');
    const id = await create('队伍调整项目');
    const assign = (username: string) =>
      request(h.url).post(`/api/projects/${id}/specialist`).set(as('k-centre')).send({ username });
    expect((await assign('k-agent')).status).toBe(400);
    await request(h.url)
      .patch('/api/admin/users/k-agent')
      .set(admin)
      .send({ agentTeam: true })
      .expect(200);
    expect((await assign('k-agent')).status).toBe(201);
    // The directory names the team, for the centre's choice.
    const people = (await request(h.url).get('/api/directory').set(as('k-centre')).expect(200)).body
      .people as { username: string; agentTeam?: boolean }[];
    expect(people.filter((p) => p.agentTeam).map((p) => p.username)).toEqual(
      expect.arrayContaining(['k-agent', 'k-specialist', 'k-team2']),
    );
    expect(people.find((p) => p.username === 'k-window')?.agentTeam).toBeUndefined();
    // Another role leaves the team.
    const moved = await request(h.url)
      .patch('/api/admin/users/k-team2')
      .set(admin)
      .send({ role: 'WINDOW_OFFICER' })
      .expect(200);
    expect(moved.body.agentTeam).toBe(false);
  });
});
