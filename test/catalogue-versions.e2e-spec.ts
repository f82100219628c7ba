import request from 'supertest';
import { itemsOf } from '../libs/client/src';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
import { handIn, Harness, ownDatabase, startHarness, userToken } from './app-harness';
import { weifangCatalogue } from './catalogue-fixtures';

/** A second city's catalogue (Weifang, under Shandong): its own items, themes, limits. */
const weifang = weifangCatalogue;

/**
 * Publishing versions changes what new projects of a region get, so this file has a database
 * of its own: no other suite's projects or regions see its catalogues.
 */
describe('a city imports, checks and publishes its own catalogue; projects run on the version they started with', () => {
  let h: Harness;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
  let v1: string;
  let projectId: string;

  beforeAll(async () => {
    h = await startHarness({ DATABASE_URL: await ownDatabase('catalogue') });
    for (const u of [
      { username: 'k-admin', role: 'ADMIN' as const },
      { username: 'k-applicant', role: 'APPLICANT' as const, organisation: 'org-k' },
      { username: 'k-window', role: 'WINDOW_OFFICER' as const },
      { username: 'k-officer.WF_DRC', role: 'REVIEWING_OFFICER' as const, department: 'WF_DRC' },
      { username: 'k-supervisor', role: 'SUPERVISOR' as const },
      {
        username: 'k-window.sd',
        role: 'WINDOW_OFFICER' as const,
        displayName: '省政务服务中心窗口',
        email: 'window@sd.example',
      },
    ]) {
      auth[u.username] = await userToken(h, u);
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the administrator builds the region tree: province, then city; bad regions name the field', async () => {
    // The tree holds divisions only; the national default region is answered apart.
    const tree = await request(h.url).get('/api/regions').set(as('k-applicant')).expect(200);
    expect(tree.body).toEqual({
      items: [],
      defaultRegion: { code: 'CN', name: expect.any(String), level: 'COUNTRY', parent: null },
    });
    await request(h.url)
      .post('/api/admin/regions')
      .set(as('k-applicant'))
      .send({ code: '370000', name: '山东省', parent: 'CN' })
      .expect(403);
    const province = await request(h.url)
      .post('/api/admin/regions')
      .set(as('k-admin'))
      .send({ code: '370000', name: '山东省' })
      .expect(201);
    expect(province.body).toEqual({
      code: '370000',
      name: '山东省',
      level: 'PROVINCE',
      parent: null,
    });
    await request(h.url)
      .post('/api/admin/regions')
      .set(as('k-admin'))
      .send({ code: '370700', name: '潍坊市', parent: '370000' })
      .expect(201);
    const wrongPrefix = await request(h.url)
      .post('/api/admin/regions')
      .set(as('k-admin'))
      .send({ code: '440300', name: '深圳市', parent: '370000' })
      .expect(400);
    expect(JSON.stringify(wrongPrefix.body.message)).toMatch(/^"code/);
    const noParent = await request(h.url)
      .post('/api/admin/regions')
      .set(as('k-admin'))
      .send({ code: '440000', name: '广东省', parent: '999999' })
      .expect(400);
    expect(JSON.stringify(noParent.body.message)).toContain('parent');
    await request(h.url)
      .post('/api/admin/regions')
      .set(as('k-admin'))
      .send({ code: '370700', name: '潍坊市', parent: '370000' })
      .expect(409);
    // A province given the national default as its parent is a province too.
    await request(h.url)
      .post('/api/admin/regions')
      .set(as('k-admin'))
      .send({ code: '320000', name: '江苏省', parent: 'CN' })
      .expect(201);
    const after = await request(h.url).get('/api/regions').set(as('k-applicant')).expect(200);
    expect(after.body.items).toEqual([
      { code: '320000', name: '江苏省', level: 'PROVINCE', parent: null },
      { code: '370000', name: '山东省', level: 'PROVINCE', parent: null },
      { code: '370700', name: '潍坊市', level: 'CITY', parent: '370000' },
    ]);
    expect(after.body.items.every((r: { code: string }) => /^\d{6}$/.test(r.code))).toBe(true);
  });

  it('a bad catalogue is refused with every error at its JSON path', async () => {
    const bad = weifang();
    bad.items[0].department = 'WF_NOBODY'; // unknown department
    bad.items[1].promisedLimitDays = 31; // above the statutory 30
    bad.items[0].prerequisites = ['WF_WORKS_PERMIT']; // …which is in a later stage
    bad.items[2].prerequisites = ['WF_FINAL_ACCEPTANCE'];
    bad.items[3].requiredWhen = { question: 'roofColour', anyOf: ['RED'] };
    bad.themes.push({ code: 'WF_LOST', stage: 'DESIGN', name: '无', nameEn: 'None' });
    bad.departments[3].level = 'COUNTY';
    const res = await request(h.url).post('/api/catalogue/versions').set(as('k-admin')).send(bad);
    expect(res.status).toBe(400);
    const paths = (res.body.message as string[]).map((m) => m.split(':')[0]);
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.items[0].department',
        '$.items[1].promisedLimitDays',
        '$.items[0].prerequisites',
        '$.items[2].prerequisites',
        '$.items[3].requiredWhen',
        '$.themes[3].stage',
        '$.departments[3].level',
      ]),
    );
    // Nothing was stored.
    const list = await request(h.url)
      .get('/api/catalogue/versions?region=370700')
      .set(as('k-admin'))
      .expect(200);
    expect(list.body.items).toEqual([]);
    // Only an administrator imports.
    await request(h.url)
      .post('/api/catalogue/versions')
      .set(as('k-applicant'))
      .send(weifang())
      .expect(403);
  });

  it('imports the city catalogue as a draft, exports the same document, publishes it', async () => {
    const doc = weifang();
    const draft = await request(h.url).post('/api/catalogue/versions').set(as('k-admin')).send(doc);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({
      region: '370700',
      version: 'weifang-2026.1',
      status: 'DRAFT',
    });
    v1 = draft.body.id;
    const exported = await request(h.url)
      .get(`/api/catalogue/versions/${v1}`)
      .set(as('k-admin'))
      .expect(200);
    expect(exported.body).toEqual(doc);

    // A draft is not in force: the city still gets the default catalogue.
    const before = await request(h.url)
      .post('/api/checklists')
      .set(as('k-applicant'))
      .send({ answers: EXAMPLE_ANSWERS.warehouse, region: '370700' })
      .expect(200);
    expect(before.body.region).toBe('370700');
    expect(before.body.catalogueVersion).not.toBe(v1);

    await request(h.url)
      .post(`/api/catalogue/versions/${v1}/publish`)
      .set(as('k-admin'))
      .send({ effectiveFrom: '2026-13-01' })
      .expect(400);
    const published = await request(h.url)
      .post(`/api/catalogue/versions/${v1}/publish`)
      .set(as('k-admin'))
      .send({ effectiveFrom: '2020-01-01' })
      .expect(200);
    expect(published.body).toMatchObject({ status: 'PUBLISHED', effectiveFrom: '2020-01-01' });
    await request(h.url)
      .post(`/api/catalogue/versions/${v1}/publish`)
      .set(as('k-admin'))
      .send({ effectiveFrom: '2020-01-01' })
      .expect(409);
    const list = await request(h.url)
      .get('/api/catalogue/versions?region=370700')
      .set(as('k-admin'))
      .expect(200);
    expect(list.body).toMatchObject({ inForce: v1, items: [{ id: v1, inForce: true }] });
    await request(h.url)
      .get('/api/catalogue/versions?region=999999')
      .set(as('k-admin'))
      .expect(400);
  });

  it("the city's checklist is its own; an unknown region is a 400 naming region", async () => {
    const list = await request(h.url)
      .post('/api/checklists')
      .set(as('k-applicant'))
      .send({ answers: EXAMPLE_ANSWERS.warehouse, region: '370700' })
      .expect(200);
    expect(list.body).toMatchObject({ region: '370700', catalogueVersion: v1, limitDays: 30 });
    const codes = list.body.stages.flatMap((s: { themes: { items: { code: string }[] }[] }) =>
      s.themes.flatMap((t) => t.items.map((i) => i.code)),
    );
    expect(codes).toEqual(['WF_FILING', 'WF_EIA', 'WF_WORKS_PERMIT', 'WF_FINAL_ACCEPTANCE']);
    // The 一次性告知书 of the answers follows the same catalogue, its departments named.
    const told = await request(h.url)
      .post('/api/checklists/requirements')
      .set(as('k-applicant'))
      .send({ answers: EXAMPLE_ANSWERS.warehouse, region: '370700' })
      .expect(200);
    const toldItems = told.body.stages.flatMap(
      (s: { items: { code: string; departmentName: string }[] }) => s.items,
    );
    expect(toldItems.map((i: { code: string }) => i.code)).toEqual(codes);
    expect(toldItems[1]).toMatchObject({ code: 'WF_EIA', departmentName: '山东省生态环境厅' });
    // The default region is untouched.
    const national = await request(h.url)
      .post('/api/checklists')
      .set(as('k-applicant'))
      .send({ answers: EXAMPLE_ANSWERS.warehouse })
      .expect(200);
    expect(national.body).toMatchObject({ region: 'CN', limitDays: 35 });
    const unknown = await request(h.url)
      .post('/api/checklists')
      .set(as('k-applicant'))
      .send({ answers: EXAMPLE_ANSWERS.warehouse, region: '370799' })
      .expect(400);
    expect(JSON.stringify(unknown.body.message)).toMatch(/^"region/);
    await request(h.url)
      .post('/api/projects')
      .set(as('k-applicant'))
      .send({ name: '潍坊仓库', answers: EXAMPLE_ANSWERS.warehouse, region: '370799' })
      .expect(400);
  });

  it("a project of the city runs on its catalogue, and the province item reaches the province department's officer", async () => {
    const created = await request(h.url)
      .post('/api/projects')
      .set(as('k-applicant'))
      .send({ name: '潍坊仓库', answers: EXAMPLE_ANSWERS.warehouse, region: '370700' })
      .expect(201);
    projectId = created.body.id;
    expect(created.body).toMatchObject({ region: '370700', catalogueVersion: v1 });
    expect(created.body.clock.limitDays).toBe(30);
    expect(itemsOf(created.body).map((i) => i.code)).toEqual([
      'WF_FILING',
      'WF_EIA',
      'WF_WORKS_PERMIT',
      'WF_FINAL_ACCEPTANCE',
    ]);

    // The province's department is known once a published catalogue names it: the
    // administrator makes its officer an account.
    const account = await request(h.url).post('/api/admin/users').set(as('k-admin')).send({
      username: 'sd.eeb.officer',
      displayName: '省生态环境厅审批人员',
      role: 'REVIEWING_OFFICER',
      department: 'SD_EEB',
    });
    expect(account.status).toBe(201);
    await request(h.url)
      .post('/api/admin/users')
      .set(as('k-admin'))
      .send({
        username: 'x.officer',
        displayName: 'x',
        role: 'REVIEWING_OFFICER',
        department: 'NOWHERE',
      })
      .expect(400);
    // A window officer's account carries its region; an unknown one names the field.
    const cityWindow = await request(h.url).post('/api/admin/users').set(as('k-admin')).send({
      username: 'wf.window',
      displayName: '潍坊市政务服务中心窗口',
      role: 'WINDOW_OFFICER',
      region: '370700',
    });
    expect(cityWindow.status).toBe(201);
    expect(cityWindow.body.user).toMatchObject({ region: '370700' });
    const badRegion = await request(h.url)
      .post('/api/admin/users')
      .set(as('k-admin'))
      .send({ username: 'x.window', displayName: 'x', role: 'WINDOW_OFFICER', region: 'MARS' })
      .expect(400);
    expect(JSON.stringify(badRegion.body.message)).toContain('region: unknown region');
    auth['k-officer.SD_EEB'] = await userToken(h, {
      username: 'k-officer.SD_EEB',
      role: 'REVIEWING_OFFICER',
      department: 'SD_EEB',
    });

    await handIn(h, auth['k-applicant'], projectId, 'PLAN');
    await request(h.url)
      .post(`/api/projects/${projectId}/stages/PLAN/submission`)
      .set(as('k-applicant'))
      .send({})
      .expect(200);
    const accepted = await request(h.url)
      .post(`/api/projects/${projectId}/stages/PLAN/acceptance`)
      .set(as('k-window'))
      .send({ decision: 'ACCEPT' })
      .expect(200);
    const eia = itemsOf(accepted.body).find((i) => i.code === 'WF_EIA')!;
    expect(eia).toMatchObject({ department: 'SD_EEB', status: 'UNDER_REVIEW' });
    expect(eia.clock.limitDays).toBe(8);

    const provinceQueue = await request(h.url)
      .get('/api/tasks')
      .set(as('k-officer.SD_EEB'))
      .expect(200);
    expect(provinceQueue.body.items.map((t: { itemCode: string }) => t.itemCode)).toEqual([
      'WF_EIA',
    ]);
    const cityQueue = await request(h.url)
      .get('/api/tasks')
      .set(as('k-officer.WF_DRC'))
      .expect(200);
    expect(cityQueue.body.items.map((t: { itemCode: string }) => t.itemCode)).toEqual([
      'WF_FILING',
    ]);
    await request(h.url)
      .post(`/api/tasks/${eia.taskId}/decision`)
      .set(as('k-officer.WF_DRC'))
      .send({ action: 'APPROVE' })
      .expect(404);
  });

  it("names the city's and the province's departments on every page: the list, statistics and the project's 一次性告知书", async () => {
    const depts = await request(h.url).get('/api/departments').set(as('k-applicant')).expect(200);
    const byCode = new Map(
      (depts.body.items as { code: string }[]).map((d) => [d.code, d] as const),
    );
    expect(byCode.get('SD_EEB')).toMatchObject({
      name: '山东省生态环境厅',
      level: 'PROVINCE',
      region: '370000',
    });
    expect(byCode.get('WF_DRC')).toMatchObject({ name: '潍坊市发展和改革委员会', level: 'CITY' });
    expect(byCode.get('DRC')).toMatchObject({ name: expect.any(String) }); // the built-in ones stay
    const told = await request(h.url)
      .get(`/api/projects/${projectId}/requirements`)
      .set(as('k-applicant'))
      .expect(200);
    const items = told.body.stages.flatMap(
      (s: { items: { code: string; departmentName: string }[] }) => s.items,
    );
    expect(items.find((i: { code: string }) => i.code === 'WF_EIA')).toMatchObject({
      departmentName: '山东省生态环境厅',
    });
    await request(h.url)
      .get('/api/statistics?department=WF_DRC')
      .set(as('k-supervisor'))
      .expect(200);
    const csv = await request(h.url)
      .get('/api/statistics?format=csv')
      .set(as('k-supervisor'))
      .expect(200);
    expect(csv.text).toContain('山东省生态环境厅');
    await request(h.url)
      .get('/api/statistics?department=NOWHERE')
      .set(as('k-supervisor'))
      .expect(400);
  });

  it('the window that first accepted is the contact (首接负责) until it hands the project over to the province', async () => {
    const first = await request(h.url)
      .get(`/api/projects/${projectId}/contact`)
      .set(as('k-applicant'))
      .expect(200);
    expect(first.body).toMatchObject({
      contact: {
        username: 'k-window',
        displayName: 'k-window',
        email: null,
        region: { code: 'CN', level: 'COUNTRY' },
      },
      changes: [{ kind: 'FIRST_ACCEPTANCE', by: 'k-window', contact: 'k-window' }],
    });
    // Only the contact hands over, to an active window officer.
    const notContact = await request(h.url)
      .post(`/api/projects/${projectId}/hand-over`)
      .set(as('k-window.sd'))
      .send({ toWindow: 'k-window.sd', reason: '省级事项' })
      .expect(409);
    expect(notContact.body.reason).toMatchObject({ key: 'NOT_CONTACT' });
    const toOfficer = await request(h.url)
      .post(`/api/projects/${projectId}/hand-over`)
      .set(as('k-window'))
      .send({ toWindow: 'k-officer.WF_DRC', reason: '省级事项' })
      .expect(400);
    expect(JSON.stringify(toOfficer.body.message)).toMatch(/^"toWindow/);
    await request(h.url)
      .post(`/api/projects/${projectId}/hand-over`)
      .set(as('k-window'))
      .send({ toWindow: 'k-window.sd' })
      .expect(400);
    await request(h.url)
      .post(`/api/projects/${projectId}/hand-over`)
      .set(as('k-applicant'))
      .send({ toWindow: 'k-window.sd', reason: 'x' })
      .expect(403);

    // Both windows are of the default region: a hand-over goes to another level or region.
    const sameRegion = await request(h.url)
      .post(`/api/projects/${projectId}/hand-over`)
      .set(as('k-window'))
      .send({ toWindow: 'k-window.sd', reason: '环评为省级审批权限' })
      .expect(400);
    expect(JSON.stringify(sameRegion.body.message)).toMatch(/^"toWindow: .*same region/);
    // The administrator gives the province's window its region (an unknown one names the field;
    // only a window officer has one).
    const unknown = await request(h.url)
      .patch('/api/admin/users/k-window.sd')
      .set(as('k-admin'))
      .send({ region: '379999' })
      .expect(400);
    expect(JSON.stringify(unknown.body.message)).toMatch(/^\["region: unknown region/);
    const notWindow = await request(h.url)
      .patch('/api/admin/users/k-supervisor')
      .set(as('k-admin'))
      .send({ region: '370000' })
      .expect(400);
    expect(JSON.stringify(notWindow.body.message)).toMatch(/^\["region: only a window officer/);
    const moved = await request(h.url)
      .patch('/api/admin/users/k-window.sd')
      .set(as('k-admin'))
      .send({ region: '370000' })
      .expect(200);
    expect(moved.body).toMatchObject({ username: 'k-window.sd', region: '370000' });
    const windows = await request(h.url)
      .get('/api/admin/users?role=WINDOW_OFFICER')
      .set(as('k-admin'))
      .expect(200);
    expect(windows.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ username: 'k-window', region: 'CN' }),
        expect.objectContaining({ username: 'k-window.sd', region: '370000' }),
      ]),
    );

    const handed = await request(h.url)
      .post(`/api/projects/${projectId}/hand-over`)
      .set(as('k-window'))
      .send({ toWindow: 'k-window.sd', reason: '环评为省级审批权限' })
      .expect(200);
    expect(handed.body).toMatchObject({
      contact: {
        username: 'k-window.sd',
        displayName: '省政务服务中心窗口',
        email: 'window@sd.example',
        region: { code: '370000', name: '山东省', level: 'PROVINCE' },
      },
      changes: [
        { kind: 'FIRST_ACCEPTANCE', contact: 'k-window' },
        { kind: 'HAND_OVER', by: 'k-window', contact: 'k-window.sd', reason: '环评为省级审批权限' },
      ],
    });
    // The new contact now hands over; the old one no longer may. The timeline holds it.
    await request(h.url)
      .post(`/api/projects/${projectId}/hand-over`)
      .set(as('k-window'))
      .send({ toWindow: 'k-window', reason: 'x' })
      .expect(409);
    const timeline = await request(h.url)
      .get(`/api/projects/${projectId}/timeline`)
      .set(as('k-applicant'))
      .expect(200);
    expect(timeline.body.items).toContainEqual(
      expect.objectContaining({
        type: 'CONTACT_HANDED_OVER',
        actor: 'k-window',
        detail: { from: 'k-window', to: 'k-window.sd', reason: '环评为省级审批权限' },
      }),
    );
  });

  it('a new version leaves the running project on its old one; the next project takes the new one', async () => {
    const before = await request(h.url)
      .get(`/api/projects/${projectId}`)
      .set(as('k-applicant'))
      .expect(200);
    const doc = weifang();
    doc.version = 'weifang-2026.2';
    doc.items[1].promisedLimitDays = 4;
    doc.policies.byType.SOCIAL_INVESTMENT.limitDays = 25;
    const v2 = (
      await request(h.url).post('/api/catalogue/versions').set(as('k-admin')).send(doc).expect(201)
    ).body.id as string;

    const diff = await request(h.url)
      .get(`/api/catalogue/versions/${v1}/diff/${v2}`)
      .set(as('k-admin'))
      .expect(200);
    expect(diff.body.items).toEqual({
      added: [],
      removed: [],
      changed: [{ code: 'WF_EIA', fields: ['promisedLimitDays'] }],
      names: { WF_EIA: { name: '建设项目环境影响评价审批（省级）', nameEn: expect.any(String) } },
    });
    expect(diff.body.policies).toEqual(['SOCIAL_INVESTMENT']);

    const listed = await request(h.url)
      .get('/api/catalogue/versions?region=370700')
      .set(as('k-admin'))
      .expect(200);
    expect(listed.body.runningProjects).toBe(1);
    const published = await request(h.url)
      .post(`/api/catalogue/versions/${v2}/publish`)
      .set(as('k-admin'))
      .send({ effectiveFrom: '2021-01-01' })
      .expect(200);
    expect(published.body.runningProjectsKeepingTheirVersion).toBe(1);

    const after = await request(h.url)
      .get(`/api/projects/${projectId}`)
      .set(as('k-applicant'))
      .expect(200);
    expect(after.body.catalogueVersion).toBe(v1);
    expect(after.body.clock).toEqual(before.body.clock);
    expect(itemsOf(after.body)).toEqual(itemsOf(before.body));

    const next = await request(h.url)
      .post('/api/projects')
      .set(as('k-applicant'))
      .send({ name: '潍坊二号仓库', answers: EXAMPLE_ANSWERS.warehouse, region: '370700' })
      .expect(201);
    expect(next.body).toMatchObject({ catalogueVersion: v2 });
    expect(next.body.clock.limitDays).toBe(25);
    expect(itemsOf(next.body).find((i) => i.code === 'WF_EIA')!.clock.limitDays).toBe(4);
  });

  it('takes a whole city catalogue larger than the 100 kB other bodies are held to', async () => {
    const doc = weifang();
    const template = doc.items[0];
    for (let i = 0; i < 200; i++) {
      doc.items.push({
        ...template,
        code: `WF_EXTRA_${i}`,
        name: `${template.name}（第${i}项）`,
        sources:
          '潍坊市工程建设项目审批事项清单（2026年版），按“三级四同”要求与省级清单对齐'.repeat(4),
      });
    }
    expect(JSON.stringify(doc).length).toBeGreaterThan(120_000);
    const draft = await request(h.url).post('/api/catalogue/versions').set(as('k-admin')).send(doc);
    expect(draft.status).toBe(201);
    const exported = await request(h.url)
      .get(`/api/catalogue/versions/${draft.body.id}`)
      .set(as('k-admin'))
      .expect(200);
    expect(exported.body.items).toHaveLength(204);
  });

  it("edits a draft's item: the whole document is validated with the change; a published version no longer changes", async () => {
    const doc = weifang();
    doc.version = 'weifang-2026.3';
    const draft = (
      await request(h.url).post('/api/catalogue/versions').set(as('k-admin')).send(doc).expect(201)
    ).body.id as string;
    const eia = { ...doc.items[1], promisedLimitDays: 40 };
    const refused = await request(h.url)
      .put(`/api/catalogue/versions/${draft}/items/WF_EIA`)
      .set(as('k-admin'))
      .send(eia)
      .expect(400);
    expect(refused.body.message).toEqual([
      '$.items[1].promisedLimitDays: promisedLimitDays 40 exceeds the statutory limit 30',
    ]);
    await request(h.url)
      .put(`/api/catalogue/versions/${draft}/items/WF_EIA`)
      .set(as('k-admin'))
      .send({ ...eia, promisedLimitDays: 6, department: 'WF_NRP' })
      .expect(200);
    const exported = await request(h.url)
      .get(`/api/catalogue/versions/${draft}`)
      .set(as('k-admin'))
      .expect(200);
    expect(exported.body.items[1]).toMatchObject({
      code: 'WF_EIA',
      promisedLimitDays: 6,
      department: 'WF_NRP',
    });
    // Its national standard item code and its materials go through the same edit: a bad code or
    // a material without its acceptance standard names its path; a good edit is exported.
    const badEdit = await request(h.url)
      .put(`/api/catalogue/versions/${draft}/items/WF_EIA`)
      .set(as('k-admin'))
      .send({
        ...eia,
        promisedLimitDays: 6,
        standardCode: '12',
        materials: [
          { code: 'WF_EIA_REPORT', name: '环评报告', nameEn: 'EIA report', standard: '' },
        ],
      })
      .expect(400);
    expect((badEdit.body.message as string[]).map((m) => m.split(':')[0]).sort()).toEqual([
      '$.items[1].materials[0]',
      '$.items[1].standardCode',
    ]);
    await request(h.url)
      .put(`/api/catalogue/versions/${draft}/items/WF_EIA`)
      .set(as('k-admin'))
      .send({
        ...eia,
        promisedLimitDays: 6,
        department: 'WF_NRP',
        standardCode: '0100000',
        materials: [
          {
            code: 'WF_EIA_REPORT',
            name: '环境影响报告书',
            nameEn: 'EIA report',
            standard: '具备资质单位编制',
            deficiencyAllowed: true,
            paper: { originals: 1, copies: 2 },
          },
        ],
      })
      .expect(200);
    const edited = await request(h.url)
      .get(`/api/catalogue/versions/${draft}`)
      .set(as('k-admin'))
      .expect(200);
    expect(edited.body.items[1]).toMatchObject({
      standardCode: '0100000',
      materials: [
        expect.objectContaining({
          code: 'WF_EIA_REPORT',
          name: '环境影响报告书',
          deficiencyAllowed: true,
        }),
      ],
    });
    const diff = await request(h.url)
      .get(`/api/catalogue/versions/${v1}/diff/${draft}`)
      .set(as('k-admin'))
      .expect(200);
    expect(diff.body.items.changed).toContainEqual({
      code: 'WF_EIA',
      fields: expect.arrayContaining(['standardCode', 'materials', 'department']),
    });
    await request(h.url)
      .put(`/api/catalogue/versions/${draft}/items/WF_NOTHING`)
      .set(as('k-admin'))
      .send(eia)
      .expect(404);
    await request(h.url)
      .put(`/api/catalogue/versions/${v1}/items/WF_EIA`)
      .set(as('k-admin'))
      .send({ ...eia, promisedLimitDays: 6 })
      .expect(409);
  });
});
