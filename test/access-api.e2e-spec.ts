import request from 'supertest';
import { handIn, Harness, startHarness, userToken } from './app-harness';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';

const warehouse = EXAMPLE_ANSWERS.warehouse;

type TimelineEvent = { actor: string; role: string; onBehalfOf?: string; type: string };

describe('agents act for applicants only under a delegation or a mandate; hostile input (real stack)', () => {
  let h: Harness;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
  let ownProject: string; // org-ax, delegated to a-agent
  let otherProject: string; // org-ay, reached by mandate only

  const create = async (who: string, body: object, key?: string) => {
    const req = request(h.url).post('/api/projects').set(as(who));
    if (key) void req.set('Idempotency-Key', key);
    return req.send({ name: 'p', answers: warehouse, ...body });
  };
  const timeline = async (id: string) =>
    (await request(h.url).get(`/api/projects/${id}/timeline`).set(as('a-applicant'))).body as {
      items: TimelineEvent[];
    };

  beforeAll(async () => {
    h = await startHarness();
    const users = [
      { username: 'a-applicant', role: 'APPLICANT' as const, organisation: 'org-ax' },
      { username: 'a-applicant2', role: 'APPLICANT' as const, organisation: 'org-ay' },
      { username: 'a-agent', role: 'AGENT' as const },
      { username: 'a-agent2', role: 'AGENT' as const },
      { username: 'a-window', role: 'WINDOW_OFFICER' as const },
      { username: 'a-supervisor', role: 'SUPERVISOR' as const },
    ];
    for (const u of users) auth[u.username] = await userToken(h, u);
    ownProject = (await create('a-applicant', { name: '物流仓库' })).body.id as string;
    otherProject = (await create('a-applicant2', { name: '商业综合体' })).body.id as string;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an agent sees nothing until delegated, then acts as "agent for the organisation"', async () => {
    await request(h.url).get(`/api/projects/${ownProject}`).set(as('a-agent')).expect(404);
    expect((await request(h.url).get('/api/projects').set(as('a-agent'))).body.total).toBe(0);

    const granted = await request(h.url)
      .post(`/api/projects/${ownProject}/delegations`)
      .set(as('a-applicant'))
      .send({ agentUsername: 'a-agent' });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({ agentUsername: 'a-agent', grantedBy: 'a-applicant' });
    await request(h.url)
      .post(`/api/projects/${ownProject}/delegations`)
      .set(as('a-applicant'))
      .send({ agentUsername: 'a-agent' })
      .expect(200);

    const list = await request(h.url).get('/api/projects').set(as('a-agent')).expect(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([ownProject]);
    await handIn(h, auth['a-agent'], ownProject, 'PLAN');
    const submitted = await request(h.url)
      .post(`/api/projects/${ownProject}/stages/PLAN/submission`)
      .set(as('a-agent'))
      .send({ note: '代办员提交' })
      .expect(200);
    expect(submitted.body.stages[0].status).toBe('SUBMITTED');
    const byAgent = (await timeline(ownProject)).items.filter((e) => e.actor === 'a-agent');
    expect(byAgent.length).toBeGreaterThan(0);
    for (const e of byAgent) expect(e).toMatchObject({ role: 'AGENT', onBehalfOf: 'org-ax' });

    // The other agent, and the agent on another organisation's project: as if they did not exist.
    await request(h.url).get(`/api/projects/${ownProject}`).set(as('a-agent2')).expect(404);
    await request(h.url).get(`/api/projects/${otherProject}`).set(as('a-agent')).expect(404);
    await request(h.url)
      .post(`/api/projects/${otherProject}/stages/PLAN/submission`)
      .set(as('a-agent'))
      .send({})
      .expect(404);
  });

  it('only the owner grants, only to an agent, and the delegation list shows who and when', async () => {
    const notAgent = await request(h.url)
      .post(`/api/projects/${ownProject}/delegations`)
      .set(as('a-applicant'))
      .send({ agentUsername: 'a-window' });
    expect(notAgent.status).toBe(400);
    expect(notAgent.body.message).toContain('agentUsername');
    const missing = await request(h.url)
      .post(`/api/projects/${ownProject}/delegations`)
      .set(as('a-applicant'))
      .send({});
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.message)).toContain('agentUsername');
    await request(h.url)
      .post(`/api/projects/${ownProject}/delegations`)
      .set(as('a-agent'))
      .send({ agentUsername: 'a-agent2' })
      .expect(403);
    await request(h.url)
      .post(`/api/projects/${ownProject}/delegations`)
      .set(as('a-applicant2'))
      .send({ agentUsername: 'a-agent2' })
      .expect(404);
    const listed = await request(h.url)
      .get(`/api/projects/${ownProject}/delegations`)
      .set(as('a-applicant'))
      .expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ agentUsername: 'a-agent', grantedBy: 'a-applicant' }),
    ]);
  });

  it('a revoked delegation stops working at once', async () => {
    await request(h.url).get(`/api/projects/${ownProject}`).set(as('a-agent')).expect(200);
    await request(h.url)
      .delete(`/api/projects/${ownProject}/delegations/a-agent`)
      .set(as('a-applicant'))
      .expect(204);
    await request(h.url).get(`/api/projects/${ownProject}`).set(as('a-agent')).expect(404);
    await request(h.url)
      .post(`/api/projects/${ownProject}/withdrawal`)
      .set(as('a-agent'))
      .send({ reason: 'not mine any more' })
      .expect(404);
    expect((await request(h.url).get('/api/projects').set(as('a-agent'))).body.total).toBe(0);
    await request(h.url)
      .delete(`/api/projects/${ownProject}/delegations/a-agent`)
      .set(as('a-applicant'))
      .expect(404);
    const history = await request(h.url)
      .get(`/api/projects/${ownProject}/delegations`)
      .set(as('a-applicant'))
      .expect(200);
    expect(history.body.items[0]).toMatchObject({
      agentUsername: 'a-agent',
      revokedBy: 'a-applicant',
    });
    // The project is untouched by the refused withdrawal.
    const report = await request(h.url)
      .get(`/api/projects/${ownProject}`)
      .set(as('a-applicant'))
      .expect(200);
    expect(report.body.status).toBe('IN_PROGRESS');
  });

  it('a mandate covers every project of the organisation, including creating new ones', async () => {
    const refused = await create('a-agent', { ownerOrganisation: 'org-ay' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('ownerOrganisation');
    const noOrg = await create('a-agent', {});
    expect(noOrg.status).toBe(400);
    expect(noOrg.body.message).toContain('ownerOrganisation');

    await request(h.url)
      .post('/api/mandates')
      .set(as('a-applicant2'))
      .send({ agentUsername: 'a-agent' })
      .expect(201);
    await request(h.url).get(`/api/projects/${otherProject}`).set(as('a-agent')).expect(200);
    const mine = await request(h.url).get('/api/mandates').set(as('a-agent')).expect(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ organisation: 'org-ay', agentUsername: 'a-agent' }),
    ]);

    const made = await create('a-agent', { name: '代办新建', ownerOrganisation: 'org-ay' }, 'ag-1');
    expect(made.status).toBe(201);
    expect(made.body.ownerOrganisation).toBe('org-ay');
    const created = (
      await request(h.url).get(`/api/projects/${made.body.id}/timeline`).set(as('a-applicant2'))
    ).body.items[0] as TimelineEvent;
    expect(created).toMatchObject({
      type: 'PROJECT_CREATED',
      actor: 'a-agent',
      role: 'AGENT',
      onBehalfOf: 'org-ay',
    });
    const list = await request(h.url).get('/api/projects').set(as('a-agent')).expect(200);
    expect(list.body.total).toBe(2);
    // The applicant of the organisation sees the project the agent created.
    await request(h.url).get(`/api/projects/${made.body.id}`).set(as('a-applicant2')).expect(200);
    await request(h.url).get(`/api/projects/${made.body.id}`).set(as('a-applicant')).expect(404);

    await request(h.url).delete('/api/mandates/a-agent').set(as('a-applicant2')).expect(204);
    await request(h.url).get(`/api/projects/${made.body.id}`).set(as('a-agent')).expect(404);
    expect((await create('a-agent', { ownerOrganisation: 'org-ay' })).status).toBe(403);
    await request(h.url).delete('/api/mandates/a-agent').set(as('a-applicant2')).expect(404);
    await request(h.url)
      .post('/api/mandates')
      .set(as('a-agent'))
      .send({ agentUsername: 'a-agent2' })
      .expect(403);
  });

  it('refuses NUL characters with a 400 naming the field, and stores nothing', async () => {
    const res = await create('a-applicant', { name: 'bad\u0000name' }, 'nul-1');
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('name');
    const note = await request(h.url)
      .post(`/api/projects/${ownProject}/stages/PLAN/submission`)
      .set(as('a-applicant'))
      .send({ materials: [{ name: 'ok' }, { name: 'x\u0000' }] });
    expect(note.status).toBe(400);
    expect(note.body.message).toContain('materials[1].name');
  });

  it('refuses JSON nested too deep with a 400 (not a stack overflow), and a page past the end is empty', async () => {
    const deep = `{"answers":${'{"a":'.repeat(5000)}"x"${'}'.repeat(5000)}}`;
    const res = await request(h.url)
      .post('/api/checklists')
      .set(as('a-applicant'))
      .set('Content-Type', 'application/json')
      .send(deep);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('nested more than 32 levels');
    const far = await request(h.url).get('/api/projects?page=100000').set(as('a-supervisor'));
    expect(far.status).toBe(200);
    expect(far.body.items).toEqual([]);
    const tooFar = await request(h.url)
      .get('/api/projects?page=124526231137279776')
      .set(as('a-supervisor'));
    expect(tooFar.status).toBe(400);
    expect(JSON.stringify(tooFar.body.message)).toContain('page');
  });
});
