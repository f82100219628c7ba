import request from 'supertest';
import { handIn, Harness, startHarness, userToken } from './app-harness';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';

const school = EXAMPLE_ANSWERS.school;
/** A code no other run of this suite holds (the e2e database outlives a run). */
const freshCode = () =>
  `2026-440300-47-01-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
const UNIT = { name: '深圳市教育局', creditCode: '91350100M000100Y43' };

describe("a project's identity and master data over HTTP (real stack)", () => {
  let h: Harness;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
  const create = (who: string, body: object) =>
    request(h.url)
      .post('/api/projects')
      .set(as(who))
      .send({ answers: school, ...body });

  beforeAll(async () => {
    h = await startHarness();
    const users = [
      { username: 'md-applicant', role: 'APPLICANT' as const, organisation: 'org-md' },
      { username: 'md-other', role: 'APPLICANT' as const, organisation: 'org-md2' },
      { username: 'md-window', role: 'WINDOW_OFFICER' as const },
    ];
    for (const u of users) auth[u.username] = await userToken(h, u);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps the master data given on create, in the report and the lists; a taken code is 409', async () => {
    const code = freshCode();
    const master = {
      projectCode: code,
      constructionUnits: [{ name: UNIT.name, creditCode: ' 91350100m000100y43 ' }],
      totalInvestment: 12500.5,
      landArea: 20000,
      floorArea: 35600.25,
      address: '广东省深圳市南山区科技园路 1 号',
      constructionNature: 'NEW',
      fundingSource: 'GOVERNMENT',
    };
    const created = await create('md-applicant', { name: '南山实验学校', ...master }).expect(201);
    const expected = { ...master, constructionUnits: [UNIT] };
    expect(created.body).toMatchObject(expected);
    const id = created.body.id as string;
    const report = await request(h.url).get(`/api/projects/${id}`).set(as('md-applicant'));
    expect(report.body).toMatchObject(expected);

    const byCode = await request(h.url)
      .get(`/api/projects?code=${code}`)
      .set(as('md-applicant'))
      .expect(200);
    expect(byCode.body.items.map((p: { id: string }) => p.id)).toEqual([id]);
    expect(byCode.body.items[0].projectCode).toBe(code);
    // The lists' search box finds a project by part of its code too.
    const byPart = await request(h.url)
      .get(`/api/projects?q=${code.slice(-9)}`)
      .set(as('md-applicant'))
      .expect(200);
    expect(byPart.body.items.map((p: { id: string }) => p.id)).toContain(id);

    const again = await create('md-other', { name: '另一个项目', projectCode: code });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('projectCode');
  });

  it.each([
    [{ projectCode: '2026-4403-47-01-000016' }, 'projectCode'],
    [{ projectCode: '2026-990300-47-01-000016' }, 'projectCode: characters 6 to 11'],
    [
      { constructionUnits: [{ name: '某单位', creditCode: '91350100M000100Y44' }] },
      'constructionUnits.0.creditCode: the check character',
    ],
    [{ constructionUnits: [] }, 'constructionUnits'],
    [{ landArea: -1 }, 'landArea must not be less than 0'],
    [{ floorArea: 'big' }, 'floorArea'],
    [{ totalInvestment: -5 }, 'totalInvestment must not be less than 0'],
    [{ constructionNature: 'CASTLE' }, 'constructionNature must be one of NEW'],
    [{ fundingSource: 'LOTTERY' }, 'fundingSource must be one of GOVERNMENT'],
  ])('refuses bad master data %j with 400 naming the field', async (bad, field) => {
    const res = await create('md-applicant', { name: '坏数据', ...bad });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toContain(field);
  });

  it('creates a project without master data as before', async () => {
    const res = await create('md-applicant', { name: '旧式项目' }).expect(201);
    expect(res.body.projectCode).toBeUndefined();
  });

  it('edits the master data until the PLAN stage is accepted, then refuses with 409', async () => {
    const created = await create('md-applicant', { name: '可改项目', address: '旧址' }).expect(201);
    const id = created.body.id as string;
    const code = freshCode();
    await request(h.url)
      .patch(`/api/projects/${id}/master-data`)
      .set(as('md-other'))
      .send({ address: '别人的地址' })
      .expect(404);
    const bad = await request(h.url)
      .patch(`/api/projects/${id}/master-data`)
      .set(as('md-applicant'))
      .send({ landArea: -3 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toContain('landArea');
    const edited = await request(h.url)
      .patch(`/api/projects/${id}/master-data`)
      .set(as('md-applicant'))
      .send({ projectCode: code, address: '新址', landArea: 800 })
      .expect(200);
    expect(edited.body).toMatchObject({ projectCode: code, address: '新址', landArea: 800 });
    const removed = await request(h.url)
      .patch(`/api/projects/${id}/master-data`)
      .set(as('md-applicant'))
      .send({ landArea: null })
      .expect(200);
    expect(removed.body.landArea).toBeUndefined();
    expect(removed.body.address).toBe('新址');
    const found = await request(h.url).get(`/api/projects?code=${code}`).set(as('md-applicant'));
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([id]);

    await handIn(h, auth['md-applicant'], id, 'PLAN');
    await request(h.url)
      .post(`/api/projects/${id}/stages/PLAN/submission`)
      .set(as('md-applicant'))
      .send({})
      .expect(200);
    // Submitted but not accepted: still editable.
    await request(h.url)
      .patch(`/api/projects/${id}/master-data`)
      .set(as('md-applicant'))
      .send({ floorArea: 1200 })
      .expect(200);
    await request(h.url)
      .post(`/api/projects/${id}/stages/PLAN/acceptance`)
      .set(as('md-window'))
      .send({ decision: 'ACCEPT' })
      .expect(200);
    const locked = await request(h.url)
      .patch(`/api/projects/${id}/master-data`)
      .set(as('md-applicant'))
      .send({ address: '太晚了' });
    expect(locked.status).toBe(409);
    expect(locked.body.message).toContain('PLAN stage was accepted');
    const report = await request(h.url).get(`/api/projects/${id}`).set(as('md-applicant'));
    expect(report.body).toMatchObject({ address: '新址', floorArea: 1200 });
    // The receipt and the 一次性告知书 name the project by its code too.
    const receipt = await request(h.url)
      .get(`/api/projects/${id}/stages/PLAN/receipt`)
      .set(as('md-applicant'))
      .expect(200);
    expect(receipt.body.projectCode).toBe(code);
    const notice = await request(h.url)
      .get(`/api/projects/${id}/requirements`)
      .set(as('md-applicant'))
      .expect(200);
    expect(notice.body.projectCode).toBe(code);
  });
});
