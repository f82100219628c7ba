import request from 'supertest';
import { SeedSummary, seedDemo } from '../scripts/seed-demo';
import { Harness, startHarness } from './app-harness';

type Item = { code: string; status: string };
type Report = {
  id: string;
  stage: string;
  status: string;
  ownerOrganisation: string;
  clock: { usedDays: number; limitDays: number; risk: string };
  stages: { code: string; status: string; themes: { items: Item[] }[] }[];
};
type TimelineEvent = { actor: string; role: string; onBehalfOf?: string; type: string };

const itemsOf = (r: Report) => r.stages.flatMap((s) => s.themes.flatMap((t) => t.items));

/**
 * The demo seed against the real API with the demo accounts (APPROVALS_EMBEDDED=1). The
 * PostgreSQL is shared with other test files running at the same time: they use their own users
 * and organisations, and this file reads only the seed's own projects.
 */
describe('demo seed through the public API (real stack, demo accounts)', () => {
  let h: Harness;
  let first: SeedSummary;
  const lines: string[] = [];
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const byKey = (s: SeedSummary, key: string) => s.projects.find((p) => p.key === key)!;
  const report = async (id: string) =>
    (await request(h.url).get(`/api/projects/${id}`).set(as('supervisor')).expect(200))
      .body as Report;

  /** Every project (all pages, as the admin sees them) named like one of the seed's. */
  const seedNamed = async (names: string[]) => {
    const found: string[] = [];
    for (let page = 1; ; page++) {
      const res = await request(h.url)
        .get(`/api/projects?page=${page}&pageSize=100`)
        .set(as('admin'))
        .expect(200);
      const items = res.body.items as { id: string; name: string }[];
      found.push(...items.filter((p) => names.includes(p.name)).map((p) => p.id));
      if (page * 100 >= (res.body.total as number)) return found.sort();
    }
  };

  beforeAll(async () => {
    h = await startHarness({ APPROVALS_EMBEDDED: '1' });
    first = await seedDemo({ apiUrl: h.url, log: (l) => lines.push(l) });
    for (const u of ['supervisor', 'agent', 'admin', 'window']) {
      const res = await request(h.url)
        .post('/api/auth/login')
        .send({ username: u, password: 'demo' })
        .expect(200);
      tokens[u] = res.body.accessToken as string;
    }
  }, 300_000);
  afterAll(async () => {
    await h?.close();
  });

  it('creates five projects and says what it did', () => {
    expect(first.projects.map((p) => p.key)).toEqual([
      'demo-on-track',
      'demo-at-risk',
      'demo-overdue',
      'demo-supplement',
      'demo-agent',
    ]);
    expect(first.created).toBe(5);
    expect(new Set(first.projects.map((p) => p.id)).size).toBe(5);
    const text = lines.join('\n');
    expect(text).toContain('applicant created');
    expect(text).toContain('window accepted PLAN');
    expect(text).toContain('officer.DRC approved PROJECT_PROPOSAL');
    expect(text).toContain('officer.NRP requested a supplement on LAND_USE_PERMIT');
  });

  it('an on-track project: PLAN accepted, some items approved, others under review', async () => {
    const r = await report(byKey(first, 'demo-on-track').id);
    expect(r).toMatchObject({
      stage: 'PLAN',
      status: 'IN_PROGRESS',
      ownerOrganisation: 'org-a',
      ownerOrganisationName: '甲建设公司',
    });
    expect(r.clock.risk).toBe('ON_TRACK');
    const statuses = itemsOf(r).map((i) => i.status);
    expect(statuses).toContain('APPROVED');
    expect(statuses).toContain('UNDER_REVIEW');
  });

  it('an imported project at risk: past the warning threshold, not overdue', async () => {
    const r = await report(byKey(first, 'demo-at-risk').id);
    expect(r.clock.risk).toBe('AT_RISK');
    expect(r.clock.usedDays).toBeLessThanOrEqual(r.clock.limitDays);
    expect(r.clock.usedDays).toBeGreaterThanOrEqual(9); // 12 days, warning from 9
    expect(byKey(first, 'demo-at-risk').risk).toBe('AT_RISK');
  });

  it('an imported project overdue', async () => {
    const r = await report(byKey(first, 'demo-overdue').id);
    expect(r.clock.risk).toBe('OVERDUE');
    expect(r.clock.usedDays).toBeGreaterThan(r.clock.limitDays);
  });

  it('a project waiting on a supplement, with what is missing on the timeline', async () => {
    const id = byKey(first, 'demo-supplement').id;
    const r = await report(id);
    expect(itemsOf(r).filter((i) => i.status === 'SUPPLEMENT_REQUESTED')).toHaveLength(1);
    const timeline = await request(h.url)
      .get(`/api/projects/${id}/timeline`)
      .set(as('supervisor'))
      .expect(200);
    const asked = (
      timeline.body.items as (TimelineEvent & { detail?: { comment?: string } })[]
    ).filter((e) => e.type === 'SUPPLEMENT_REQUESTED');
    expect(asked).toHaveLength(1);
    expect(asked[0].detail?.comment).toMatch(/出让合同/);
  });

  it('the agent sees its projects and acts as "agent for org-b"', async () => {
    const agentProject = byKey(first, 'demo-agent').id;
    const list = await request(h.url).get('/api/projects').set(as('agent')).expect(200);
    const ids = (list.body.items as { id: string }[]).map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([agentProject, byKey(first, 'demo-on-track').id]));
    // Pages show the organisation's name; the code stays beside it.
    expect(list.body.items).toContainEqual(
      expect.objectContaining({
        id: agentProject,
        ownerOrganisation: 'org-b',
        ownerOrganisationName: '乙置业公司',
      }),
    );
    const queue = await request(h.url).get('/api/submissions').set(as('window')).expect(200);
    expect(queue.body.items).toContainEqual(
      expect.objectContaining({ projectId: agentProject, ownerOrganisationName: '乙置业公司' }),
    );
    const r = await report(agentProject);
    expect(r).toMatchObject({
      ownerOrganisation: 'org-b',
      ownerOrganisationName: '乙置业公司',
      stage: 'PLAN',
    });
    expect(r.stages[0].status).toBe('SUBMITTED');
    const timeline = await request(h.url)
      .get(`/api/projects/${agentProject}/timeline`)
      .set(as('agent'))
      .expect(200);
    const events = timeline.body.items as TimelineEvent[];
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'STAGE_SUBMITTED', actor: 'agent', onBehalfOf: 'org-b' }),
      ]),
    );
  });

  it('a second run creates nothing new: same ids, no extra projects', async () => {
    const names = first.projects.map((p) => p.name);
    const before = await seedNamed(names);
    expect(before).toEqual(first.projects.map((p) => p.id).sort());
    const again: string[] = [];
    const second = await seedDemo({ apiUrl: h.url, log: (l) => again.push(l) });
    expect(second.created).toBe(0);
    expect(second.existing).toBe(5);
    expect(second.projects.map((p) => p.id)).toEqual(first.projects.map((p) => p.id));
    expect(await seedNamed(names)).toEqual(before);
    expect(again.join('\n')).toContain('exists from an earlier run');
    expect(again.join('\n')).toContain('already delegated to agent');
    // The steps were skipped: the states are those of the first run.
    expect(second.projects.map((p) => p.risk)).toEqual(first.projects.map((p) => p.risk));
  });
});
