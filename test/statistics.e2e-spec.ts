/**
 * The statistics over HTTP against the real stack, in a database of their own (the figures count
 * every project in it): a few projects are driven through decisions — on time, late, rejected,
 * after a supplement, imported overdue, a stage completed — and every figure must equal what
 * the projects' reports (GET /api/projects/:id) add up to. Then the department head's view, the
 * CSV and the refusals.
 */
import request from 'supertest';
import {
  WorkingDayCalendar,
  chineseDaysSnapshot,
  workingDaysAgo as workingDaysAgoOf,
} from '../libs/calendar/src';
import { EXAMPLE_ANSWERS, defaultCatalog, policyFor } from '../libs/domain/src';
import { itemsOf, type ProjectReport } from '../libs/client/src';
import { handIn, Harness, ownDatabase, startHarness, userToken } from './app-harness';

interface DeptRow {
  department: string;
  decided: number;
  onTime: number;
  onTimeRate: number | null;
  averageDays: number | null;
  overdueNow: number;
}
interface Statistics {
  from: string;
  to: string;
  department: string | null;
  projects: { inProgress: number; completed: number; overdue: number };
  items: { decided: number; onTime: number; onTimeRate: number | null };
  averageDaysByStage: Record<'PLAN' | 'START_PERMIT' | 'COMPLETION', number | null>;
  byDepartment: DeptRow[];
  satisfaction: { rated: number; satisfiedRate: number | null };
  rectifications: { opened: number; respondedOnTime: number; overdue: number };
}

const DEPARTMENTS = defaultCatalog.departments.map((d) => d.code);
const WAITING = ['UNDER_REVIEW', 'SUPPLEMENT_REQUESTED', 'SPECIAL_PROCEDURE', 'SUSPENDED'];
const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

describe('statistics agree with counts made from the reports (real stack)', () => {
  let h: Harness;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
  const ids: string[] = [];
  const cal = WorkingDayCalendar.fromSnapshot(chineseDaysSnapshot());
  const today = cal.localDate(Date.now());
  const yearStart = `${today.slice(0, 4)}-01-01`;

  const workingDaysAgo = (n: number) => workingDaysAgoOf(cal, today, n);
  const report = async (id: string) =>
    (await request(h.url).get(`/api/projects/${id}`).set(as('s-supervisor')).expect(200))
      .body as ProjectReport;
  const decide = (taskId: string, department: string, action: string) =>
    request(h.url)
      .post(`/api/tasks/${taskId}/decision`)
      .set(as(`s-officer.${department}`))
      .send({ action, comment: '统计测试' })
      .expect(200);
  const create = async (answers: object, acceptedAt?: string) => {
    const res = await request(h.url)
      .post('/api/projects')
      .set(as(acceptedAt ? 's-admin' : 's-applicant'))
      .send({
        name: `统计-${ids.length}`,
        answers,
        ...(acceptedAt ? { acceptedAt, ownerOrganisation: 'org-s' } : {}),
      })
      .expect(201);
    ids.push(res.body.id as string);
    return res.body.id as string;
  };
  const submitAndAccept = async (id: string) => {
    await handIn(h, auth['s-applicant'], id, 'PLAN');
    await request(h.url)
      .post(`/api/projects/${id}/stages/PLAN/submission`)
      .set(as('s-applicant'))
      .send({})
      .expect(200);
    await request(h.url)
      .post(`/api/projects/${id}/stages/PLAN/acceptance`)
      .set(as('s-window'))
      .send({ decision: 'ACCEPT' })
      .expect(200);
  };
  /** Approves PLAN items under review until the stage completes. */
  const completePlan = async (id: string) => {
    for (let i = 0; i < 20; i++) {
      const r = await report(id);
      if (r.stages[0].status === 'COMPLETED') return;
      for (const it of itemsOf(r, 'PLAN').filter((x) => x.status === 'UNDER_REVIEW'))
        await decide(it.taskId, it.department, 'APPROVE');
    }
    throw new Error(`PLAN of ${id} did not complete`);
  };
  const stats = (who: string, query = '') =>
    request(h.url).get(`/api/statistics${query}`).set(as(who));

  beforeAll(async () => {
    h = await startHarness({ DATABASE_URL: await ownDatabase('statistics') });
    const users = [
      { username: 's-applicant', role: 'APPLICANT' as const, organisation: 'org-s' },
      { username: 's-admin', role: 'ADMIN' as const },
      { username: 's-window', role: 'WINDOW_OFFICER' as const },
      { username: 's-supervisor', role: 'SUPERVISOR' as const },
      { username: 's-head.DRC', role: 'DEPARTMENT_HEAD' as const, department: 'DRC' },
      ...DEPARTMENTS.map((d) => ({
        username: `s-officer.${d}`,
        role: 'REVIEWING_OFFICER' as const,
        department: d,
      })),
    ];
    for (const u of users) auth[u.username] = await userToken(h, u);

    // 1. Through the window today: one item paused for a supplement and answered, the whole PLAN
    //    stage approved (0 working days since the acceptance).
    const onTime = await create(EXAMPLE_ANSWERS.lowRiskWarehouse);
    await submitAndAccept(onTime);
    const first = itemsOf(await report(onTime), 'PLAN').find((i) => i.status === 'UNDER_REVIEW')!;
    await decide(first.taskId, first.department, 'REQUEST_SUPPLEMENT');
    await request(h.url)
      .post(`/api/projects/${onTime}/items/${first.code}/supplement`)
      .set(as('s-applicant'))
      .send({ note: '已补充' })
      .expect(200);
    await completePlan(onTime);

    // 2. Imported past the project's limit: one item approved late, one rejected late, the
    //    others left open and overdue.
    const limit = policyFor('GOVERNMENT_INVESTED').limitDays;
    const late = await create(EXAMPLE_ANSWERS.school, workingDaysAgo(limit + 3));
    const [a, b, ...open] = itemsOf(await report(late), 'PLAN').filter(
      (i) => i.status === 'UNDER_REVIEW',
    );
    expect(open.length).toBeGreaterThan(0);
    await decide(a.taskId, a.department, 'APPROVE');
    await decide(b.taskId, b.department, 'REJECT');
    // Rated by the applicant (好差评): a bad rating of the late approval, a good one of the
    // rejection.
    for (const [item, score] of [
      [a, 2],
      [b, 5],
    ] as const) {
      await request(h.url)
        .post(`/api/projects/${late}/items/${item.code}/rating`)
        .set(as('s-applicant'))
        .send({ score, comment: score < 3 ? '太慢' : '说明清楚' })
        .expect(201);
    }

    // 3. Imported two working days ago, its PLAN stage approved today.
    const recent = await create(EXAMPLE_ANSWERS.lowRiskWarehouse, workingDaysAgo(2));
    await completePlan(recent);

    // 4. Submitted, not accepted: in progress, nothing decided.
    const waiting = await create(EXAMPLE_ANSWERS.warehouse);
    await handIn(h, auth['s-applicant'], waiting, 'PLAN');
    await request(h.url)
      .post(`/api/projects/${waiting}/stages/PLAN/submission`)
      .set(as('s-applicant'))
      .send({})
      .expect(200);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** What the reports say, for decisions in [from, to] and for one department or all. */
  async function fromReports(from: string, to: string, department?: string) {
    const reports = await Promise.all(ids.map(report));
    const rows = new Map<string, { decided: number; onTime: number; used: number; over: number }>();
    const row = (d: string) => {
      if (!rows.has(d)) rows.set(d, { decided: 0, onTime: 0, used: 0, over: 0 });
      return rows.get(d)!;
    };
    const projects = { inProgress: 0, completed: 0, overdue: 0 };
    const spans: Record<string, number[]> = { PLAN: [], START_PERMIT: [], COMPLETION: [] };
    const handover = { pre: [] as number[], plain: [] as number[] };
    const commitments = { approvedOnCommitment: 0, checksPassed: 0, revoked: 0 };
    const inRange = (day: string | null | undefined) => !!day && day >= from && day <= to;
    const done = { used: [] as number[], limit: [] as number[] };
    for (const r of reports) {
      const items = itemsOf(r).filter((i) => !department || i.department === department);
      if (department && items.length === 0) continue;
      const closedOn = r.stages[r.stages.length - 1].completedOn;
      if (r.status === 'COMPLETED' && closedOn && closedOn >= from && closedOn <= to) {
        done.used.push(r.clock.usedDays);
        done.limit.push(r.clock.limitDays);
      }
      if (r.status === 'IN_PROGRESS') {
        projects.inProgress++;
        if (r.clock.risk === 'OVERDUE') projects.overdue++;
      }
      for (const i of items) {
        const decidedOn = i.decidedOn;
        if (['APPROVED', 'REJECTED', 'REVOKED'].includes(i.status) && decidedOn) {
          if (decidedOn >= from && decidedOn <= to) {
            const d = row(i.department);
            d.decided++;
            if (i.clock.usedDays <= i.clock.limitDays) d.onTime++;
            d.used += i.clock.usedDays;
          }
        }
        if (r.status === 'IN_PROGRESS' && WAITING.includes(i.status) && i.clock.risk === 'OVERDUE')
          row(i.department).over++;
        if (i.onCommitment && inRange(i.decidedOn)) commitments.approvedOnCommitment++;
        const check = i.onCommitment?.check;
        if (check && inRange(check.on)) commitments[check.passed ? 'checksPassed' : 'revoked']++;
      }
      // The handover: a stage completed in the range to the next stage's acceptance.
      for (const [k, s] of r.stages.entries()) {
        const next = r.stages[k + 1];
        if (!next?.acceptedOn || !inRange(s.completedOn)) continue;
        if (department && !items.some((i) => i.stage === next.code)) continue;
        const days = (
          await request(h.url)
            .get(`/api/calendar/working-days?from=${s.completedOn}&to=${next.acceptedOn}`)
            .set(as('s-supervisor'))
            .expect(200)
        ).body.workingDays as number;
        handover[next.preReviewedOn ? 'pre' : 'plain'].push(days);
      }
      for (const s of r.stages) {
        if (!s.completedOn || !s.acceptedOn || s.completedOn < from || s.completedOn > to) continue;
        if (department && !items.some((i) => i.stage === s.code)) continue;
        const days = (
          await request(h.url)
            .get(`/api/calendar/working-days?from=${s.acceptedOn}&to=${s.completedOn}`)
            .set(as('s-supervisor'))
            .expect(200)
        ).body.workingDays as number;
        spans[s.code].push(days);
      }
    }
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const mean = (xs: number[]) =>
      xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length, 1) : null;
    const byDepartment = (department ? [department] : DEPARTMENTS).map((d) => {
      const c = rows.get(d) ?? { decided: 0, onTime: 0, used: 0, over: 0 };
      return {
        department: d,
        decided: c.decided,
        onTime: c.onTime,
        onTimeRate: c.decided ? round(c.onTime / c.decided, 4) : null,
        averageDays: c.decided ? round(c.used / c.decided, 1) : null,
        overdueNow: c.over,
      };
    });
    const decided = byDepartment.reduce((n, d) => n + d.decided, 0);
    const onTime = byDepartment.reduce((n, d) => n + d.onTime, 0);
    const inScope = (d: string, day: string) =>
      (!department || d === department) && day >= from && day <= to;
    const ratings = (
      await Promise.all(
        ids.map(
          async (id) =>
            (await request(h.url).get(`/api/projects/${id}/ratings`).set(as('s-supervisor')))
              .body as { items: { department: string; ratedOn: string; score: number }[] },
        ),
      )
    )
      .flatMap((r) => r.items)
      .filter((r) => inScope(r.department, r.ratedOn));
    const rectifications = (
      (await request(h.url).get('/api/rectifications').set(as('s-supervisor')).expect(200))
        .body as {
        items: {
          department: string;
          openedOn: string;
          respondedOnTime: boolean | null;
          overdueAt: string | null;
        }[];
      }
    ).items.filter((r) => inScope(r.department, r.openedOn));
    const satisfied = ratings.filter((r) => r.score >= 4).length;
    return {
      from,
      to,
      department: department ?? null,
      projects,
      items: { decided, onTime, onTimeRate: decided ? round(onTime / decided, 4) : null },
      averageDaysByStage: {
        PLAN: mean(spans.PLAN),
        START_PERMIT: mean(spans.START_PERMIT),
        COMPLETION: mean(spans.COMPLETION),
      },
      byDepartment,
      satisfaction: {
        rated: ratings.length,
        satisfiedRate: ratings.length ? round(satisfied / ratings.length, 4) : null,
      },
      rectifications: {
        opened: rectifications.length,
        respondedOnTime: rectifications.filter((r) => r.respondedOnTime === true).length,
        overdue: rectifications.filter((r) => r.overdueAt !== null).length,
      },
      handover: {
        withPreReview: mean(handover.pre),
        withPreReviewCount: handover.pre.length,
        withoutPreReview: mean(handover.plain),
        withoutPreReviewCount: handover.plain.length,
      },
      commitments,
      // No project of this suite has a specialist, a delegation or a mandate: none is served
      // (test/key-projects.e2e-spec.ts counts a served one).
      agentService: {
        served: {
          inProgress: 0,
          completed: 0,
          averageUsedDays: null,
          averageLimitDays: null,
          usedShare: null,
        },
        notServed: {
          inProgress: projects.inProgress,
          completed: done.used.length,
          averageUsedDays: mean(done.used),
          averageLimitDays: mean(done.limit),
          usedShare: done.used.length ? round(sum(done.used) / sum(done.limit), 4) : null,
        },
        bySpecialist: 0,
      },
    };
  }

  it('gives the supervisor every department, as the reports add up (default: this year)', async () => {
    const res = await stats('s-supervisor').expect(200);
    const body = res.body as Statistics;
    expect(body).toEqual(await fromReports(yearStart, today));
    // The projects above make each kind of figure non-trivial, so agreement means something.
    expect(body.items.decided).toBeGreaterThanOrEqual(4);
    expect(body.items.onTime).toBeGreaterThan(0);
    expect(body.items.onTime).toBeLessThan(body.items.decided);
    expect(body.projects).toMatchObject({ inProgress: 4, completed: 0 });
    expect(body.projects.overdue).toBeGreaterThanOrEqual(1);
    expect(body.byDepartment.some((d) => d.overdueNow > 0)).toBe(true);
    expect(body.averageDaysByStage.PLAN).not.toBeNull();
    expect(body.averageDaysByStage.START_PERMIT).toBeNull();
    expect(body.satisfaction).toEqual({ rated: 2, satisfiedRate: 0.5 });
  });

  it('counts no decision outside the range, and a rate with nothing decided is null', async () => {
    const body = (await stats('s-supervisor', `?from=${yearStart}&to=${yearStart}`).expect(200))
      .body as Statistics;
    if (today === yearStart) return; // 1 January: the range is today
    expect(body.items).toEqual({ decided: 0, onTime: 0, onTimeRate: null });
    expect(body.byDepartment.every((d) => d.onTimeRate === null && d.averageDays === null)).toBe(
      true,
    );
    expect(body.averageDaysByStage).toEqual({ PLAN: null, START_PERMIT: null, COMPLETION: null });
    // What is overdue now does not depend on the range.
    expect(body.byDepartment.map((d) => d.overdueNow)).toEqual(
      (await fromReports(yearStart, yearStart)).byDepartment.map((d) => d.overdueNow),
    );
  });

  it("gives a department head its own department's figures, and refuses another's", async () => {
    const head = (await stats('s-head.DRC').expect(200)).body as Statistics;
    expect(head).toEqual(await fromReports(yearStart, today, 'DRC'));
    expect(head.byDepartment.map((d) => d.department)).toEqual(['DRC']);
    expect(head.items.decided).toBeGreaterThan(0);
    // The supervisor asking for DRC sees the same.
    expect((await stats('s-supervisor', '?department=DRC').expect(200)).body).toEqual(head);
    const other = await stats('s-head.DRC', '?department=NRP').expect(403);
    expect(other.body.message).toContain('own department');
    await stats('s-head.DRC', '?department=DRC').expect(200);
    await stats('s-officer.DRC').expect(403);
    await stats('s-window').expect(403);
    await stats('s-applicant').expect(403);
  });

  it('downloads the per-department table as CSV with Chinese names, for Excel', async () => {
    const json = (await stats('s-supervisor').expect(200)).body as Statistics;
    const res = await stats('s-supervisor', '?format=csv')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="statistics-${yearStart}-${today}.csv"`,
    );
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('部门代码,部门,办结数,按时办结数,按时办结率,平均用时（工作日）,当前超期');
    expect(lines).toHaveLength(DEPARTMENTS.length + 1);
    for (const d of json.byDepartment) {
      const name = defaultCatalog.departments.find((x) => x.code === d.department)!.name;
      expect(lines).toContain(
        [
          d.department,
          name,
          d.decided,
          d.onTime,
          d.onTimeRate ?? '',
          d.averageDays ?? '',
          d.overdueNow,
        ].join(','),
      );
    }
    const headCsv = await stats('s-head.DRC', '?format=csv').expect(200);
    expect(headCsv.text.trimEnd().split('\r\n')).toHaveLength(2);
  });

  it('refuses a bad range or department with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['?from=2026-02-30', 'from'],
      ['?to=2026-13-01', 'to'],
      ['?from=yesterday', 'from'],
      ['?from=0000-01-01', 'from'],
      ['?from=2026-03-01&to=2026-02-01', 'from'],
      ['?department=NOPE', 'department'],
      ['?format=xlsx', 'format'],
    ]) {
      const res = await stats('s-supervisor', query).expect(400);
      expect(JSON.stringify(res.body.message)).toContain(field);
    }
  });
});
