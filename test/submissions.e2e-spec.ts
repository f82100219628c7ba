/**
 * The window's queue over HTTP against the real stack (a database of its own, so the queue holds
 * this file's projects only): stage submissions waiting for acceptance, oldest first, in the
 * issue's shape; an acceptance or a return takes a submission out, a resubmission queues it
 * again at the back; a later stage queues under its own code.
 */
import request from 'supertest';
import { WorkingDayCalendar, chineseDaysSnapshot } from '../libs/calendar/src';
import { EXAMPLE_ANSWERS, defaultCatalog } from '../libs/domain/src';
import { itemsOf, type ProjectReport } from '../libs/client/src';
import { handIn, Harness, ownDatabase, startHarness, userToken } from './app-harness';

interface Queue {
  items: {
    projectId: string;
    projectName: string;
    stage: string;
    submittedOn: string;
    ownerOrganisation: string;
  }[];
  total: number;
  page: number;
  pageSize: number;
}

describe("the window's queue: GET /api/submissions (real stack)", () => {
  let h: Harness;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
  const today = WorkingDayCalendar.fromSnapshot(chineseDaysSnapshot()).localDate(Date.now());
  const names = new Map<string, string>();

  const create = async (name: string, answers: object = EXAMPLE_ANSWERS.lowRiskWarehouse) => {
    const id = (
      await request(h.url)
        .post('/api/projects')
        .set(as('q-applicant'))
        .send({ name, answers })
        .expect(201)
    ).body.id as string;
    names.set(id, name);
    return id;
  };
  const submit = async (id: string, stage = 'PLAN') => {
    await handIn(h, auth['q-applicant'], id, stage);
    return request(h.url)
      .post(`/api/projects/${id}/stages/${stage}/submission`)
      .set(as('q-applicant'))
      .send({ note: '材料齐全' })
      .expect(200);
  };
  const acceptance = (id: string, body: object, stage = 'PLAN') =>
    request(h.url)
      .post(`/api/projects/${id}/stages/${stage}/acceptance`)
      .set(as('q-window'))
      .send(body)
      .expect(200);
  const queue = async (who = 'q-window', query = '') =>
    (await request(h.url).get(`/api/submissions${query}`).set(as(who)).expect(200)).body as Queue;
  const row = (id: string, stage = 'PLAN') => ({
    projectId: id,
    projectName: names.get(id),
    stage,
    submittedOn: today,
    ownerOrganisation: 'org-q',
    // No organisation is registered under org-q: its name is its code.
    ownerOrganisationName: 'org-q',
    key: null,
    // Not handed in for pre-review (express-lanes.e2e-spec.ts: one that was).
    preReviewedOn: null,
  });

  beforeAll(async () => {
    h = await startHarness({ DATABASE_URL: await ownDatabase('submissions') });
    const users = [
      { username: 'q-applicant', role: 'APPLICANT' as const, organisation: 'org-q' },
      { username: 'q-window', role: 'WINDOW_OFFICER' as const },
      { username: 'q-supervisor', role: 'SUPERVISOR' as const },
      { username: 'q-admin', role: 'ADMIN' as const },
      ...defaultCatalog.departments.map((d) => ({
        username: `q-officer.${d.code}`,
        role: 'REVIEWING_OFFICER' as const,
        department: d.code,
      })),
    ];
    for (const u of users) auth[u.username] = await userToken(h, u);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists submissions oldest first in the issue’s shape; acceptance and return take them out', async () => {
    // Created in one order, submitted in another: the queue follows the submissions.
    const first = await create('队列-先建后交');
    const second = await create('队列-后建先交');
    const idle = await create('队列-未提交');
    await submit(second);
    await submit(first);
    expect(await queue()).toEqual({
      items: [row(second), row(first)],
      total: 2,
      page: 1,
      pageSize: 20,
    });
    expect(await queue('q-supervisor', '?status=SUBMITTED')).toEqual(await queue());
    const paged = await queue('q-window', '?pageSize=1&page=2');
    expect(paged).toMatchObject({ items: [row(first)], total: 2, page: 2, pageSize: 1 });
    expect((await queue()).items.map((i) => i.projectId)).not.toContain(idle);

    // Returned: out of the queue, in the RETURNED list; resubmitted: back, behind `first`.
    await acceptance(second, { decision: 'RETURN', reason: '缺少用地证明' });
    expect((await queue()).items).toEqual([row(first)]);
    expect((await queue('q-window', '?status=RETURNED')).items).toEqual([row(second)]);
    await submit(second);
    expect((await queue()).items).toEqual([row(first), row(second)]);

    // Accepted: its items are under review, the submission is gone.
    await acceptance(first, { decision: 'ACCEPT' });
    expect((await queue()).items).toEqual([row(second)]);
    expect((await queue('q-window', '?status=IN_REVIEW')).items.map((i) => i.projectId)).toEqual([
      first,
    ]);
  });

  it('queues a later stage under its own code once the one before is complete', async () => {
    const id = await create('队列-第二阶段');
    await submit(id);
    await acceptance(id, { decision: 'ACCEPT' });
    for (let n = 0; n < 20; n++) {
      const r = (await request(h.url).get(`/api/projects/${id}`).set(as('q-applicant')).expect(200))
        .body as ProjectReport;
      if (r.stages[0].status === 'COMPLETED') break;
      for (const i of itemsOf(r, 'PLAN').filter((x) => x.status === 'UNDER_REVIEW')) {
        await request(h.url)
          .post(`/api/tasks/${i.taskId}/decision`)
          .set(as(`q-officer.${i.department}`))
          .send({ action: 'APPROVE' })
          .expect(200);
      }
    }
    await submit(id, 'START_PERMIT');
    expect((await queue()).items).toContainEqual(row(id, 'START_PERMIT'));
  });

  it('is the window’s and the supervisor’s only, and refuses a bad status naming it', async () => {
    for (const who of ['q-applicant', 'q-admin', 'q-officer.DRC'])
      await request(h.url).get('/api/submissions').set(as(who)).expect(403);
    const bad = await request(h.url)
      .get('/api/submissions?status=APPROVED')
      .set(as('q-window'))
      .expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('status');
  });
});
