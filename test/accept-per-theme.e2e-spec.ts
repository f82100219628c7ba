/**
 * 一次受理 per theme (issue 27) over HTTP against the real stack, in a database of its own: a city's
 * catalogue whose policy says `acceptPerTheme` has a stage of two themes; the applicant hands in
 * the theme whose materials are complete, the window accepts it and only its items start, while
 * the other theme waits for its materials; then the second theme follows and the stage completes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
import { handIn, Harness, ownDatabase, startHarness, userToken } from './app-harness';

type Item = { code: string; status: string; taskId: string; startedOn: string | null };
type Report = {
  acceptPerTheme: boolean;
  nextActions: { kind: string; theme?: string; themeName?: string }[];
  stages: {
    code: string;
    status: string;
    themes: { code: string; acceptance: { status: string } | null; items: Item[] }[];
  }[];
};

/** The Weifang catalogue with its PLAN stage split in two themes, accepted per theme. */
function perThemeCatalogue() {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const doc: Record<string, any> = JSON.parse(
    readFileSync(join(__dirname, 'fixtures/catalogue-weifang.json'), 'utf8'),
  );
  doc.version = 'weifang-per-theme';
  doc.themes.push({ code: 'WF_ENV', stage: 'PLAN', name: '环境评价主题', nameEn: 'Environment' });
  doc.items.find((i: { code: string }) => i.code === 'WF_EIA').theme = 'WF_ENV';
  for (const p of Object.values<Record<string, unknown>>(doc.policies.byType))
    p.acceptPerTheme = true;
  return doc;
}

describe('acceptance per theme over HTTP: one theme accepted and started while the other waits (real stack)', () => {
  let h: Harness;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
  let project: string;

  const report = async () =>
    (await request(h.url).get(`/api/projects/${project}`).set(as('t-applicant')).expect(200))
      .body as Report;
  const plan = async () => (await report()).stages.find((s) => s.code === 'PLAN')!;
  const item = async (code: string) =>
    (await plan()).themes.flatMap((t) => t.items).find((i) => i.code === code)!;
  const queue = async (who: string) =>
    (
      (await request(h.url).get('/api/tasks').set(as(who)).expect(200)).body as {
        items: { projectId: string; itemCode: string }[];
      }
    ).items.filter((t) => t.projectId === project);
  const windowQueue = async () =>
    (
      (await request(h.url).get('/api/submissions').set(as('t-window')).expect(200)).body as {
        items: { projectId: string }[];
      }
    ).items.filter((s) => s.projectId === project);
  const submit = (body: object) =>
    request(h.url)
      .post(`/api/projects/${project}/stages/PLAN/submission`)
      .set(as('t-applicant'))
      .send(body);
  const accept = (body: object) =>
    request(h.url)
      .post(`/api/projects/${project}/stages/PLAN/acceptance`)
      .set(as('t-window'))
      .send({ decision: 'ACCEPT', ...body });

  beforeAll(async () => {
    h = await startHarness({ DATABASE_URL: await ownDatabase('accept_per_theme') });
    for (const u of [
      { username: 't-admin', role: 'ADMIN' as const },
      { username: 't-applicant', role: 'APPLICANT' as const, organisation: 'org-t' },
      { username: 't-window', role: 'WINDOW_OFFICER' as const },
      { username: 't-officer.WF_DRC', role: 'REVIEWING_OFFICER' as const, department: 'WF_DRC' },
      { username: 't-officer.SD_EEB', role: 'REVIEWING_OFFICER' as const, department: 'SD_EEB' },
    ])
      auth[u.username] = await userToken(h, u);
    for (const r of [
      { code: '370000', name: '山东省', parent: 'CN' },
      { code: '370700', name: '潍坊市', parent: '370000' },
    ])
      await request(h.url).post('/api/admin/regions').set(as('t-admin')).send(r).expect(201);
    const draft = await request(h.url)
      .post('/api/catalogue/versions')
      .set(as('t-admin'))
      .send(perThemeCatalogue());
    expect(draft.status).toBe(201);
    await request(h.url)
      .post(`/api/catalogue/versions/${draft.body.id}/publish`)
      .set(as('t-admin'))
      .send({ effectiveFrom: '2020-01-01' })
      .expect(200);
    project = (
      await request(h.url)
        .post('/api/projects')
        .set(as('t-applicant'))
        .send({ name: '潍坊第一中学', answers: EXAMPLE_ANSWERS.school, region: '370700' })
        .expect(201)
    ).body.id as string;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('hands in and accepts the theme whose materials are complete; only its items start', async () => {
    const r = await report();
    expect(r.acceptPerTheme).toBe(true);
    // The applicant has each theme to hand in.
    expect(r.nextActions.filter((a) => a.kind === 'SUBMIT_STAGE')).toEqual([
      expect.objectContaining({ theme: 'WF_PROJECT_START', themeName: '立项用地主题' }),
      expect.objectContaining({ theme: 'WF_ENV', themeName: '环境评价主题' }),
    ]);
    await handIn(h, auth['t-applicant'], project, 'PLAN', { items: ['WF_FILING'] });
    // The whole stage still lacks the environment item's application: refused, naming it.
    const whole = await submit({}).expect(400);
    expect(JSON.stringify(whole.body.message)).toContain('WF_EIA');
    await submit({ theme: 'WF_PROJECT_START' }).expect(200);
    expect(await windowQueue()).toHaveLength(1);

    // Deciding on a theme not handed in, or no theme of this stage: refused, nothing changes.
    const notIn = await accept({ theme: 'WF_ENV' }).expect(409);
    expect(notIn.body).toMatchObject({
      message: 'theme WF_ENV of stage PLAN is not handed in',
      reason: { key: 'THEME_STATE' },
    });
    const unknown = await accept({ theme: 'WF_PERMITS' }).expect(400);
    expect(JSON.stringify(unknown.body.message)).toMatch(/^"theme/);
    const bad = await accept({ theme: 'no such theme!' }).expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('theme');

    await accept({ theme: 'WF_PROJECT_START' }).expect(200);
    const p = await plan();
    expect(p.status).toBe('IN_REVIEW');
    expect(p.themes.map((t) => [t.code, t.acceptance?.status])).toEqual([
      ['WF_PROJECT_START', 'ACCEPTED'],
      ['WF_ENV', 'NOT_STARTED'],
    ]);
    expect((await item('WF_FILING')).status).toBe('UNDER_REVIEW');
    expect((await item('WF_EIA')).status).toBe('PENDING');
    expect(await queue('t-officer.WF_DRC')).toEqual([
      expect.objectContaining({ itemCode: 'WF_FILING' }),
    ]);
    expect(await queue('t-officer.SD_EEB')).toEqual([]);
    expect(await windowQueue()).toEqual([]);
  });

  it('the second theme follows on its own; the stage completes when both are done', async () => {
    // The first theme's item is decided; the stage waits for the second theme.
    const filing = (await item('WF_FILING')).taskId;
    await request(h.url)
      .post(`/api/tasks/${filing}/decision`)
      .set(as('t-officer.WF_DRC'))
      .send({ action: 'APPROVE', comment: '同意' })
      .expect(200);
    expect((await plan()).status).toBe('IN_REVIEW');

    // The environment item's application can still be handed in, and the theme with it.
    await handIn(h, auth['t-applicant'], project, 'PLAN', { items: ['WF_EIA'] });
    await submit({ theme: 'WF_ENV' }).expect(200);
    expect(await windowQueue()).toHaveLength(1);
    await accept({}).expect(200); // every theme handed in: WF_ENV
    const eia = await item('WF_EIA');
    expect(eia.status).toBe('UNDER_REVIEW');
    expect(await queue('t-officer.SD_EEB')).toEqual([
      expect.objectContaining({ itemCode: 'WF_EIA' }),
    ]);
    await request(h.url)
      .post(`/api/tasks/${eia.taskId}/decision`)
      .set(as('t-officer.SD_EEB'))
      .send({ action: 'APPROVE', comment: '同意' })
      .expect(200);
    expect((await plan()).status).toBe('COMPLETED');

    // The timeline says which theme each acceptance was.
    const timeline = (
      await request(h.url).get(`/api/projects/${project}/timeline`).set(as('t-applicant'))
    ).body as { items: { type: string; detail?: { themes?: string[] } }[] };
    expect(
      timeline.items.filter((e) => e.type === 'STAGE_ACCEPTED').map((e) => e.detail?.themes),
    ).toEqual([['WF_PROJECT_START'], ['WF_ENV']]);
  });
});
