/**
 * Lists, reports and statistics are right as of now, not as of the workflow's last write: a
 * project whose item ran past its due instant since its row was written is found by `risk=` and
 * `overdue=` at once, before any wake-up of its workflow. Real stack, a database of its own.
 *
 * Time is moved the way the other suites do it, by writing the past into the read model: an
 * import accepted in January is overdue today; its row is then put back to what a write made
 * before its due instant held (risk ON_TRACK, the instant ahead of it recorded), and its
 * workflow, with nothing left to wait for, never rewrites it.
 */
import request from 'supertest';
import { DataSource } from 'typeorm';
import { WorkingDayCalendar, chineseDaysSnapshot, workingDaysAgo } from '../libs/calendar/src';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
import { itemsOf, type ProjectReport } from '../libs/client/src';
import { Harness, ownDatabase, startHarness, userToken } from './app-harness';

interface ListPage {
  items: { id: string; clock: { risk: string } }[];
  total: number;
}

describe('risk as of now: lists, reports and statistics agree before any wake-up (real stack)', () => {
  let h: Harness;
  let ds: DataSource;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
  const cal = WorkingDayCalendar.fromSnapshot(chineseDaysSnapshot());
  const today = cal.localDate(Date.now());

  const latestWorkingDay = () => workingDaysAgo(cal, today, 0);
  const importProject = async (name: string, acceptedAt: string) =>
    (
      await request(h.url)
        .post('/api/projects')
        .set(as('t-admin'))
        .send({ name, answers: EXAMPLE_ANSWERS.school, ownerOrganisation: 'org-t', acceptedAt })
        .expect(201)
    ).body as ProjectReport;
  const report = async (id: string) =>
    (await request(h.url).get(`/api/projects/${id}`).set(as('t-supervisor')).expect(200))
      .body as ProjectReport;
  const list = async (query: string) =>
    (await request(h.url).get(`/api/projects?${query}`).set(as('t-supervisor')).expect(200))
      .body as ListPage;
  const ids = (page: ListPage) => page.items.map((i) => i.id);
  /** When the earliest running item of a report runs out: the start of the day after its due date. */
  const firstDueInstant = (r: ProjectReport) => {
    const due = itemsOf(r)
      .map((i) => i.clock.dueDate)
      .filter((d): d is string => d !== null)
      .sort()[0];
    return new Date(cal.endOfDay(due) + 1).toISOString();
  };

  beforeAll(async () => {
    h = await startHarness({ DATABASE_URL: await ownDatabase('asof') });
    ds = h.app.get(DataSource);
    for (const u of [
      { username: 't-admin', role: 'ADMIN' as const },
      { username: 't-supervisor', role: 'SUPERVISOR' as const },
    ])
      auth[u.username] = await userToken(h, u);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('records when a running project turns at risk and overdue, from its item clocks', async () => {
    const fresh = await importProject('新近受理项目', latestWorkingDay());
    expect(fresh.clock.risk).toBe('ON_TRACK');
    const [row] = await ds.query<
      { warns_at: Date | null; overdue_at: Date | null; overdue_from: Date | null }[]
    >('SELECT warns_at, overdue_at, overdue_from FROM projects WHERE id = $1', [fresh.id]);
    // The project is overdue as soon as its first item is (the project takes its items' risks).
    expect(row.overdue_at?.toISOString()).toBe(firstDueInstant(await report(fresh.id)));
    expect(row.warns_at!.getTime()).toBeLessThan(row.overdue_at!.getTime());
    expect(row.warns_at!.getTime()).toBeGreaterThan(Date.now());
    // Nothing overdue yet: the lists' overdue= counts it from that same instant.
    expect(row.overdue_from?.toISOString()).toBe(row.overdue_at?.toISOString());
  });

  it('finds a project whose item ran out since its last write by risk= and overdue= at once', async () => {
    const fresh = (await list('risk=ON_TRACK')).items[0];
    const late = await importProject('一月受理项目', '2026-01-05');
    const before = await report(late.id);
    expect(before.clock.risk).toBe('OVERDUE');
    // Written overdue: counted as overdue whatever the instant (-infinity).
    const [written] = await ds.query<{ from: string }[]>(
      `SELECT overdue_from::text AS from FROM projects WHERE id = $1`,
      [late.id],
    );
    expect(written.from).toBe('-infinity');
    const statsBefore = (
      await request(h.url).get('/api/statistics').set(as('t-supervisor')).expect(200)
    ).body as { projects: { overdue: number }; byDepartment: { overdueNow: number }[] };

    // As a write made before the first item's due instant left the row: nothing overdue yet,
    // the instant ahead. The workflow holds no timer (everything is overdue already).
    const dueAt = firstDueInstant(before);
    expect(new Date(dueAt).getTime()).toBeLessThan(Date.now());
    await ds.query(
      `UPDATE projects SET risk = 'ON_TRACK', warns_at = $2::timestamptz - interval '10 days',
         overdue_at = $2, overdue_from = $2 WHERE id = $1`,
      [late.id, dueAt],
    );
    await ds.query(`UPDATE project_items SET risk = 'ON_TRACK' WHERE project_id = $1`, [late.id]);

    const overdue = await list('risk=OVERDUE');
    expect(ids(overdue)).toContain(late.id);
    expect(ids(overdue)).not.toContain(fresh.id);
    expect(overdue.total).toBe(1);
    expect(overdue.items.find((i) => i.id === late.id)?.clock.risk).toBe('OVERDUE');
    expect(ids(await list('risk=ON_TRACK'))).toEqual([fresh.id]);
    expect(ids(await list('risk=AT_RISK'))).toEqual([]);
    expect(ids(await list('overdue=true'))).toEqual([late.id]);
    expect(ids(await list('overdue=false'))).toEqual([fresh.id]);
    // The report, computed from the state for today, says the same.
    expect((await report(late.id)).clock.risk).toBe('OVERDUE');
    // And the statistics count it as before the row was put back.
    const statsAfter = (
      await request(h.url).get('/api/statistics').set(as('t-supervisor')).expect(200)
    ).body as typeof statsBefore;
    expect(statsAfter.projects.overdue).toBe(statsBefore.projects.overdue);
    expect(statsAfter.projects.overdue).toBe(1);
    const sum = (s: typeof statsBefore) => s.byDepartment.reduce((n, d) => n + d.overdueNow, 0);
    expect(sum(statsAfter)).toBe(sum(statsBefore));
    expect(sum(statsAfter)).toBeGreaterThan(0);
  });
});
