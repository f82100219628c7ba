/**
 * Ratings (好差评) and rectifications over HTTP against the real stack: rate a decided item once
 * per round, bad input named, a bad rating opens a rectification due 5 working days later, the
 * head responds, the applicant confirms (CONFIRMED) or disputes (DISPUTED, to the supervisor).
 */
import request from 'supertest';
import { DataSource } from 'typeorm';
import { chineseDaysSnapshot } from '../libs/calendar/src';
import { WorkingDayCalendar } from '../libs/calendar/src/core';
import { EXAMPLE_ANSWERS, defaultDepartments as DEPARTMENTS } from '../libs/domain/src';
import { handIn, Harness, startHarness, userToken } from './app-harness';

type Item = { code: string; department: string; status: string; taskId: string };
type Report = { id: string; stages: { themes: { items: Item[] }[] }[] };
const itemsOf = (r: Report) => r.stages.flatMap((s) => s.themes.flatMap((t) => t.items));

describe('ratings and rectifications over HTTP (real stack)', () => {
  let h: Harness;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
  /** Officers and heads are made when a test first needs their department (bcrypt is slow). */
  const staff = async (role: 'officer' | 'head', department: string) => {
    const username = `r-${role}.${department}`;
    auth[username] ??= await userToken(h, {
      username,
      role: role === 'officer' ? 'REVIEWING_OFFICER' : 'DEPARTMENT_HEAD',
      department,
    });
    return username;
  };
  let project: string;
  let approved: Item;
  let rejected: Item;
  let third: Item;
  let open: Item;
  const cal = WorkingDayCalendar.fromSnapshot(chineseDaysSnapshot());

  beforeAll(async () => {
    h = await startHarness();
    const users = [
      { username: 'r-applicant', role: 'APPLICANT' as const, organisation: 'org-ra' },
      { username: 'r-applicant2', role: 'APPLICANT' as const, organisation: 'org-rb' },
      { username: 'r-agent', role: 'AGENT' as const },
      { username: 'r-window', role: 'WINDOW_OFFICER' as const },
      { username: 'r-supervisor', role: 'SUPERVISOR' as const },
    ];
    for (const u of users) auth[u.username] = await userToken(h, u);
    project = (
      await request(h.url)
        .post('/api/projects')
        .set(as('r-applicant'))
        .send({ name: '评价实验小学', answers: EXAMPLE_ANSWERS.school })
        .expect(201)
    ).body.id as string;
    await request(h.url)
      .post(`/api/projects/${project}/delegations`)
      .set(as('r-applicant'))
      .send({ agentUsername: 'r-agent' })
      .expect(201);
    await handIn(h, auth['r-applicant'], project, 'PLAN');
    await request(h.url)
      .post(`/api/projects/${project}/stages/PLAN/submission`)
      .set(as('r-applicant'))
      .send({})
      .expect(200);
    const accepted = (
      await request(h.url)
        .post(`/api/projects/${project}/stages/PLAN/acceptance`)
        .set(as('r-window'))
        .send({ decision: 'ACCEPT' })
        .expect(200)
    ).body as Report;
    const running = itemsOf(accepted).filter((i) => i.status === 'UNDER_REVIEW');
    expect(running.length).toBeGreaterThanOrEqual(4);
    [approved, rejected, third, open] = running;
    for (const [i, action] of [
      [approved, 'APPROVE'],
      [rejected, 'REJECT'],
      [third, 'APPROVE'],
    ] as const) {
      await request(h.url)
        .post(`/api/tasks/${i.taskId}/decision`)
        .set(as(await staff('officer', i.department)))
        .send({ action, comment: action === 'REJECT' ? '材料不符' : undefined })
        .expect(200);
    }
  }, 300_000);
  afterAll(async () => {
    await h?.close();
  });

  const rate = (code: string, body: object, who = 'r-applicant') =>
    request(h.url).post(`/api/projects/${project}/items/${code}/rating`).set(as(who)).send(body);
  const rectifications = async (who: string, status?: string) =>
    (
      await request(h.url)
        .get(`/api/rectifications${status ? `?status=${status}` : ''}`)
        .set(as(who))
        .expect(200)
    ).body.items as { id: string; status: string; itemCode: string }[];

  it('refuses a score outside 1..5 with a 400 naming the field, and an undecided item with a 409', async () => {
    for (const score of [0, 6, 2.5, '3', null]) {
      const res = await rate(approved.code, { score, comment: 'x' }).expect(400);
      expect(JSON.stringify(res.body.message)).toContain('score');
    }
    const tooLong = await rate(approved.code, { score: 3, comment: 'x'.repeat(2001) }).expect(400);
    expect(JSON.stringify(tooLong.body.message)).toContain('comment');
    for (const comment of [undefined, '', '   ']) {
      const bare = await rate(approved.code, { score: 1, comment }).expect(400);
      expect(JSON.stringify(bare.body.message)).toMatch(/"comment is required/);
    }
    const undecided = await rate(open.code, { score: 5 }).expect(409);
    expect(undecided.body.message).toContain('only a decided item');
    await rate('NO_SUCH_ITEM', { score: 5 }).expect(404);
    await rate(approved.code, { score: 5 }, 'r-applicant2').expect(404);
  });

  it('rates an approved item once per round: a second rating is a 409; 5 opens nothing', async () => {
    const first = await rate(approved.code, { score: 5, comment: '很满意' }).expect(201);
    expect(first.body).toMatchObject({
      rating: { itemCode: approved.code, round: 1, score: 5, ratedBy: 'r-applicant' },
      rectification: null,
    });
    const again = await rate(approved.code, { score: 1, comment: '再评' }, 'r-agent').expect(409);
    expect(again.body.message).toContain('rated already');
    expect(await rectifications('r-supervisor')).not.toContainEqual(
      expect.objectContaining({ itemCode: approved.code }),
    );
  });

  it('a bad rating of a rejected item opens a rectification due 5 working days later; the head responds, the applicant confirms', async () => {
    const res = await rate(rejected.code, { score: 1, comment: '驳回理由不清楚' }).expect(201);
    const x = res.body.rectification as Record<string, unknown>;
    const today = cal.localDate(Date.now());
    const due = cal.addWorkingDays(today, 5).date;
    expect(x).toMatchObject({
      itemCode: rejected.code,
      department: rejected.department,
      score: 1,
      comment: '驳回理由不清楚',
      status: 'OPEN',
      openedOn: today,
      dueDate: due,
      dueAt: new Date(cal.endOfDay(due) + 1).toISOString(),
    });
    const id = x.id as string;
    expect(res.body.rating.rectificationId).toBe(id);

    // Who sees it: the head of its department, the supervisor, the applicant and its agent.
    const head = await staff('head', rejected.department);
    const otherHead = await staff(
      'head',
      DEPARTMENTS.find((d) => d.code !== rejected.department)!.code,
    );
    for (const who of [head, 'r-supervisor', 'r-applicant', 'r-agent'])
      expect((await rectifications(who, 'OPEN')).map((r) => r.id)).toContain(id);
    for (const who of [otherHead, 'r-applicant2'])
      expect((await rectifications(who)).map((r) => r.id)).not.toContain(id);
    expect(await rectifications('r-supervisor', 'CONFIRMED')).not.toContainEqual(
      expect.objectContaining({ id }),
    );
    await request(h.url).get('/api/rectifications?status=LOST').set(as('r-supervisor')).expect(400);

    // The head is told; nothing to confirm before a response.
    const ds = h.app.get(DataSource);
    const notices = await ds.query<{ seq: string; recipient_role: string; department: string }[]>(
      `SELECT seq, recipient_role, department FROM notices
       WHERE project_id = $1 AND kind = 'RECTIFICATION_OPENED'`,
      [project],
    );
    expect(notices).toEqual([
      expect.objectContaining({
        recipient_role: 'DEPARTMENT_HEAD',
        department: rejected.department,
      }),
    ]);
    expect(Number(notices[0].seq)).toBeLessThan(0);
    const early = await request(h.url)
      .post(`/api/rectifications/${id}/confirmation`)
      .set(as('r-applicant'))
      .send({ satisfied: true })
      .expect(409);
    expect(early.body.message).toContain('OPEN');

    // Only the head of that department answers, with a note.
    await request(h.url)
      .post(`/api/rectifications/${id}/response`)
      .set(as(otherHead))
      .send({ note: '已整改' })
      .expect(404);
    const empty = await request(h.url)
      .post(`/api/rectifications/${id}/response`)
      .set(as(head))
      .send({ note: '' })
      .expect(400);
    expect(JSON.stringify(empty.body.message)).toContain('note');
    const responded = await request(h.url)
      .post(`/api/rectifications/${id}/response`)
      .set(as(head))
      .send({ note: '已重新书面说明驳回理由并电话回访' })
      .expect(200);
    expect(responded.body).toMatchObject({
      status: 'RESPONDED',
      response: '已重新书面说明驳回理由并电话回访',
      respondedBy: head,
      respondedOnTime: true,
    });
    await request(h.url)
      .post(`/api/rectifications/${id}/response`)
      .set(as(head))
      .send({ note: '再次答复' })
      .expect(409);

    const confirmed = await request(h.url)
      .post(`/api/rectifications/${id}/confirmation`)
      .set(as('r-applicant'))
      .send({ satisfied: true, note: '已整改到位' })
      .expect(200);
    expect(confirmed.body).toMatchObject({ status: 'CONFIRMED', satisfied: true });
    await request(h.url)
      .post(`/api/rectifications/${id}/confirmation`)
      .set(as('r-applicant'))
      .send({ satisfied: false })
      .expect(409);
    expect((await rectifications(head, 'CONFIRMED')).map((r) => r.id)).toContain(id);
  });

  it('a dispute by the agent makes it DISPUTED and tells the supervisor', async () => {
    const res = await rate(third.code, { score: 2 }, 'r-agent').expect(201);
    expect(res.body.rating).toMatchObject({ ratedBy: 'r-agent', onBehalfOf: 'org-ra' });
    const id = res.body.rectification.id as string;
    const head = await staff('head', third.department);
    await request(h.url)
      .post(`/api/rectifications/${id}/response`)
      .set(as(head))
      .send({ note: '已说明' })
      .expect(200);
    const bad = await request(h.url)
      .post(`/api/rectifications/${id}/confirmation`)
      .set(as('r-agent'))
      .send({ satisfied: 'no' })
      .expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('satisfied');
    await request(h.url)
      .post(`/api/rectifications/${id}/confirmation`)
      .set(as('r-applicant2'))
      .send({ satisfied: false })
      .expect(404);
    const disputed = await request(h.url)
      .post(`/api/rectifications/${id}/confirmation`)
      .set(as('r-agent'))
      .send({ satisfied: false, note: '仍未解决' })
      .expect(200);
    expect(disputed.body).toMatchObject({
      status: 'DISPUTED',
      satisfied: false,
      confirmationNote: '仍未解决',
      confirmedBy: 'r-agent for org-ra',
    });
    expect((await rectifications('r-supervisor', 'DISPUTED')).map((r) => r.id)).toContain(id);
    const ds = h.app.get(DataSource);
    const toSupervisor = await ds.query<{ seq: string }[]>(
      `SELECT seq FROM notices WHERE project_id = $1 AND kind = 'RECTIFICATION_DISPUTED'
         AND recipient_role = 'SUPERVISOR'`,
      [project],
    );
    expect(toSupervisor).toHaveLength(1);

    // The project's ratings, with what each opened; anyone who sees the project reads them.
    const list = (
      await request(h.url)
        .get(`/api/projects/${project}/ratings`)
        .set(as(await staff('officer', approved.department)))
        .expect(200)
    ).body.items as { itemCode: string; score: number; rectificationStatus: string | null }[];
    expect(list.map((r) => [r.itemCode, r.score, r.rectificationStatus])).toEqual([
      [approved.code, 5, null],
      [rejected.code, 1, 'CONFIRMED'],
      [third.code, 2, 'DISPUTED'],
    ]);
    await request(h.url)
      .get(`/api/projects/${project}/ratings`)
      .set(as('r-applicant2'))
      .expect(404);
  });
});
