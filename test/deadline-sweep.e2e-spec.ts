/**
 * The deadline sweep on the real stack (a database of its own): a project's warning instant
 * passes with its workflow asleep (it wakes for it later, spread); the sweep writes the risk,
 * the timeline event and the officer's notice within its period, once — a second sweep, and
 * the workflow's own evaluation of the same crossing later, write nothing twice.
 *
 * The instant is chosen, not waited for: the sweep runs `asOf` the row's recorded warning
 * instant, as it would at that midnight.
 */
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createProjectionActivities } from '../activities';
import { createDeadlineSweep, crossingsOf } from '../apps/worker/src/deadline-sweep';
import { computeItemClocks, type ProjectState } from '../libs/approval/src';
import { WorkingDayCalendar, chineseDaysSnapshot, workingDaysAgo } from '../libs/calendar/src';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
import { dueForSweep, tryLockSweep, unlockSweep } from '../libs/persistence/src';
import type { ProjectReport } from '../libs/client/src';
import { Harness, ownDatabase, startHarness, userToken } from './app-harness';

interface NoticeRow {
  seq: string;
  kind: string;
  key: string | null;
  item_code: string | null;
  recipient_role: string;
  department: string | null;
}

describe('the deadline sweep writes what time alone raised, once (real stack)', () => {
  let h: Harness;
  let ds: DataSource;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });
  const cal = WorkingDayCalendar.fromSnapshot(chineseDaysSnapshot());
  const today = cal.localDate(Date.now());
  let project: ProjectReport;
  let warnsAt: Date;

  const latestWorkingDay = () => workingDaysAgo(cal, today, 0);
  const row = async () =>
    (
      await ds.query<
        { risk: string; warns_at: Date | null; state_seq: string; overdue_from: string | null }[]
      >(
        `SELECT risk, warns_at, state_seq, overdue_from::text AS overdue_from FROM projects
         WHERE id = $1`,
        [project.id],
      )
    )[0];
  const notices = () =>
    ds.query<NoticeRow[]>(
      `SELECT seq::text, kind, key, item_code, recipient_role, department FROM notices
       WHERE project_id = $1 ORDER BY seq`,
      [project.id],
    );
  const timeline = async () =>
    (
      await request(h.url)
        .get(`/api/projects/${project.id}/timeline`)
        .set(as('s-supervisor'))
        .expect(200)
    ).body as { items: { seq: number; type: string; itemCode?: string }[] };

  beforeAll(async () => {
    h = await startHarness({ DATABASE_URL: await ownDatabase('sweep') });
    ds = h.app.get(DataSource);
    for (const u of [
      { username: 's-admin', role: 'ADMIN' as const },
      { username: 's-supervisor', role: 'SUPERVISOR' as const },
    ])
      auth[u.username] = await userToken(h, u);
    project = (
      await request(h.url)
        .post('/api/projects')
        .set(as('s-admin'))
        .send({
          name: '清扫测试项目',
          answers: EXAMPLE_ANSWERS.school,
          ownerOrganisation: 'org-s',
          acceptedAt: latestWorkingDay(),
        })
        .expect(201)
    ).body as ProjectReport;
    warnsAt = (await row()).warns_at!;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('leaves a project whose instants are ahead alone', async () => {
    expect(warnsAt.getTime()).toBeGreaterThan(Date.now());
    const sweep = createDeadlineSweep({ dataSource: ds });
    expect(await sweep.sweepDeadlines()).toMatchObject({ swept: 0, skipped: 0, notices: 0 });
    expect((await row()).risk).toBe('ON_TRACK');
  });

  it('leaves the round to another worker that is sweeping', async () => {
    const other = ds.createQueryRunner();
    await other.connect();
    try {
      expect(await tryLockSweep(other)).toBe(true);
      const asOf = new Date(warnsAt.getTime() + 1).toISOString();
      const r = await createDeadlineSweep({ dataSource: ds }).sweepDeadlines({ asOf });
      expect(r).toMatchObject({ busy: true, swept: 0 });
      expect((await row()).risk).toBe('ON_TRACK');
    } finally {
      await unlockSweep(other);
      await other.release();
    }
  });

  it('writes the risk, the event and the notice at the instant, and a second sweep adds nothing', async () => {
    const before = await row();
    const asOf = new Date(warnsAt.getTime() + 1).toISOString();
    const sweep = createDeadlineSweep({ dataSource: ds });
    const first = await sweep.sweepDeadlines({ asOf });
    expect(first).toMatchObject({ swept: 1, skipped: 0 });
    expect(first.events).toBeGreaterThan(0);
    expect(first.notices).toBeGreaterThan(0);

    const after = await row();
    expect(after.risk).toBe('AT_RISK');
    // The workflow's state and its seq are the workflow's: untouched.
    expect(after.state_seq).toBe(before.state_seq);
    // The next instant is ahead of the one swept.
    expect(after.warns_at === null || after.warns_at.getTime() > warnsAt.getTime()).toBe(true);

    const warned = (await timeline()).items.filter((e) => e.type === 'ITEM_AT_RISK');
    expect(warned.length).toBeGreaterThan(0);
    expect(warned.every((e) => e.seq < 0)).toBe(true);
    const written = await notices();
    const warnings = written.filter((n) => n.kind === 'WARNING');
    expect(warnings.length).toBeGreaterThan(0);
    for (const n of warnings) {
      expect(Number(n.seq)).toBeLessThan(0);
      expect(n.key).toMatch(/^ITEM_AT_RISK\|/);
    }

    // The officer of a warned item's department reads it in the inbox and marks it read.
    const officer = `s-officer-${warnings[0].department}`;
    auth[officer] = await userToken(h, {
      username: officer,
      role: 'REVIEWING_OFFICER',
      department: warnings[0].department!,
    });
    const inbox = (await request(h.url).get('/api/notices').set(as(officer)).expect(200)).body as {
      items: { id: string; kind: string }[];
    };
    const notice = inbox.items.find((n) => n.id === `${project.id}:${warnings[0].seq}`);
    expect(notice?.kind).toBe('WARNING');
    await request(h.url).post(`/api/notices/${notice!.id}/read`).set(as(officer)).expect(200);

    expect(await sweep.sweepDeadlines({ asOf })).toMatchObject({ swept: 0, notices: 0 });
    expect(await notices()).toEqual(written);
  });

  it("the workflow's own evaluation of the same crossing later writes no second event or notice", async () => {
    const before = { timeline: (await timeline()).items, notices: await notices() };
    // What the workflow writes when its spread timer fires: the same evaluation, from its own
    // state (the row's), through the projection, as a newer task.
    const [candidate] = await ds.query<{ state: ProjectState; state_seq: string }[]>(
      `SELECT state, state_seq FROM projects WHERE id = $1`,
      [project.id],
    );
    const at = warnsAt.getTime() + 3_600_000;
    const w = crossingsOf(
      {
        id: project.id,
        state: candidate.state,
        stateSeq: Number(candidate.state_seq),
        calendarVersion: candidate.state.calendarVersion,
      },
      cal,
      at,
    )!;
    expect(w.events.map((e) => e.type)).toContain('ITEM_AT_RISK');
    const evaluated = structuredClone(candidate.state);
    evaluated.seq = Number(candidate.state_seq) + w.events.length + w.notices.length;
    const clocks = computeItemClocks(evaluated, cal, cal.localDate(at));
    const { applied } = await createProjectionActivities({ dataSource: ds }).projectState({
      state: evaluated,
      items: evaluated.items.map((i) => {
        const c = clocks.get(i.code)!;
        return { code: i.code, dueDate: c.dueDate, risk: c.risk, usedDays: c.usedDays };
      }),
      projectClock: {
        usedDays: w.usedDays,
        remainingDays: w.remainingDays,
        risk: w.risk,
        dueDate: w.dueDate,
        warnsAt: w.warnsAt,
        overdueAt: w.overdueAt,
      },
      events: w.events,
      notices: w.notices,
      fence: { run: 0, history: 1_000_000 },
      fromSeq: Number(candidate.state_seq),
    });
    expect(applied).toBe(true);
    expect((await row()).state_seq).toBe(String(evaluated.seq));
    expect(await notices()).toEqual(before.notices);
    const types = (items: { type: string; itemCode?: string }[]) =>
      items.map((e) => `${e.type}:${e.itemCode ?? ''}`).sort();
    expect(types((await timeline()).items)).toEqual(types(before.timeline));
    // And nothing is due for the sweep any more.
    expect(
      await dueForSweep(ds, new Date(at).toISOString(), '00000000-0000-0000-0000-000000000000', 10),
    ).toEqual([]);
  });
});

describe("the worker's own sweep, every DEADLINE_SWEEP_SECONDS (real stack)", () => {
  let h: Harness;
  let ds: DataSource;
  let admin: string;

  beforeAll(async () => {
    h = await startHarness({
      DATABASE_URL: await ownDatabase('sweep_worker'),
      DEADLINE_SWEEP_SECONDS: '1',
    });
    ds = h.app.get(DataSource);
    admin = await userToken(h, { username: 'w-admin', role: 'ADMIN' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('finds a project whose instant passed since its last write, and writes no crossing the workflow wrote', async () => {
    const late = (
      await request(h.url)
        .post('/api/projects')
        .set({ Authorization: `Bearer ${admin}` })
        .send({
          name: '一月受理项目',
          answers: EXAMPLE_ANSWERS.school,
          ownerOrganisation: 'org-w',
          acceptedAt: '2026-01-05',
        })
        .expect(201)
    ).body as ProjectReport;
    const overdueEvents = async () =>
      (
        await ds.query<{ n: string }[]>(
          `SELECT count(*) AS n FROM timeline_events WHERE project_id = $1 AND type = 'ITEM_OVERDUE'`,
          [late.id],
        )
      )[0].n;
    const written = await overdueEvents();
    expect(Number(written)).toBeGreaterThan(0);
    // As a write made before the items' due instants left the row: on track, the instant a
    // minute ago. The workflow holds no timer for it (everything is overdue already).
    await ds.query(
      `UPDATE projects SET risk = 'ON_TRACK', overdue_at = now() - interval '1 minute',
         overdue_from = now() - interval '1 minute' WHERE id = $1`,
      [late.id],
    );
    await ds.query(`UPDATE project_items SET risk = 'ON_TRACK' WHERE project_id = $1`, [late.id]);

    const deadline = Date.now() + 15_000;
    let risk = 'ON_TRACK';
    while (risk !== 'OVERDUE' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      [{ risk }] = await ds.query<{ risk: string }[]>(`SELECT risk FROM projects WHERE id = $1`, [
        late.id,
      ]);
    }
    expect(risk).toBe('OVERDUE');
    const [items] = await ds.query<{ on_track: string }[]>(
      `SELECT count(*) FILTER (WHERE risk = 'ON_TRACK' AND status = 'UNDER_REVIEW') AS on_track
       FROM project_items WHERE project_id = $1`,
      [late.id],
    );
    expect(items.on_track).toBe('0');
    // The workflow had written these crossings (its state says so): nothing twice.
    expect(await overdueEvents()).toBe(written);
  });
});
