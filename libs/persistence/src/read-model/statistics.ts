/**
 * The supervisor's statistics (`GET /api/statistics`), counted in SQL over the read model. Each
 * figure reads only the rows its date range or its state selects, through the indexes of
 * migration 1763870000000, so the cost follows the range, not the size of the read model.
 *
 * Counting rules (what the API documents):
 * - An item is **decided** in the range when it is APPROVED or REJECTED with its decision day
 *   (`decided_on`) in [from, to]. A withdrawal is not a decision.
 * - It was decided **on time** when its item clock (working days under review, clock stops
 *   excluded, art. 82) did not pass its limit with extensions: the clock's own verdict, which
 *   the projection stores as the item's `risk` (a closed item is OVERDUE exactly when
 *   `usedDays > limitDays`). Nothing is recounted here.
 * - A department's **average days** is the mean of those decided items' clocks.
 * - **Overdue now**: open items of running projects whose clock is OVERDUE today, whatever the
 *   range (as the escalations list shows them).
 * - Projects: **in progress** and **overdue** (project risk OVERDUE) are as of now; **completed**
 *   are those whose last stage closed in [from, to].
 * - A **stage's days**: the working days in (acceptedOn, completedOn] of the stage — from the
 *   window's acceptance to the decision that completed it, the applicant's time included —
 *   over the stages completed in [from, to]. SQL returns each distinct (accepted, completed) pair
 *   with its count; the working-day calendar (libs/calendar, the one home of that rule) counts.
 * With a department, every figure is limited to it: its items, the projects that hold one, and
 * the stages in which it has an item.
 */
import { formatEpochDay } from '../../../calendar/src';
import { localEpochDayOf } from '../../../calendar/src';
import { STAGE_CODES } from '../../../domain/src';
import { WAITING_STATUSES } from './open-items';
import type { Db } from './db';

export interface StatisticsFilter {
  /** YYYY-MM-DD, both days included. */
  from: string;
  to: string;
  department?: string;
  /**
   * The instant "now" and its calendar day, for the figures as of now (overdue items and
   * projects, with the instants that passed since their last write). Default: the clock's.
   */
  asOf?: { now: Date; today: string };
}

/** The working-day calendar's zone (libs/calendar): its days are the clocks' days. */
const CALENDAR_ZONE = 'Asia/Shanghai';

/** The calendar's day (YYYY-MM-DD, Asia/Shanghai) of an instant. */
export const calendarDay = (now: Date) => formatEpochDay(localEpochDayOf(now, CALENDAR_ZONE));

function asOfNow(f: StatisticsFilter): { now: Date; today: string } {
  if (f.asOf) return f.asOf;
  const now = new Date();
  return { now, today: calendarDay(now) };
}

/**
 * Open items of running projects overdue as the item clock says on `today`: stored so, or their
 * due date (set while the clock runs) ended since the last write. Per department.
 */
export function overdueItemsByDepartment(
  db: Db,
  today: string,
  department?: string,
): Promise<{ department: string; n: string }[]> {
  return db.query(
    `SELECT i.department, count(*) AS n
     FROM project_items i JOIN projects p ON p.id = i.project_id AND p.status = 'IN_PROGRESS'
     WHERE (i.risk = 'OVERDUE' OR i.due_date < $3::date) AND i.status = ANY($1::text[])
       AND ($2::text IS NULL OR i.department = $2)
     GROUP BY i.department`,
    [WAITING_STATUSES, department ?? null, today],
  );
}

export interface DepartmentCounts {
  department: string;
  decided: number;
  onTime: number;
  /** Mean working days on the clock of the decided items; null when none was decided. */
  averageDays: number | null;
  overdueNow: number;
}

export interface ProjectCounts {
  inProgress: number;
  completed: number;
  overdue: number;
}

/** Stages completed in the range with the same acceptance and completion days. */
export interface StageSpan {
  stage: string;
  acceptedOn: string;
  completedOn: string;
  count: number;
}

/** Per department: items decided in the range, on time, their mean clock; open overdue items. */
export async function departmentCounts(db: Db, f: StatisticsFilter): Promise<DepartmentCounts[]> {
  const { from, to, department } = f;
  const rows = await db.query<
    { department: string; decided: string; on_time: string; average_days: string | null }[]
  >(
    `SELECT i.department, count(*) AS decided,
            count(*) FILTER (WHERE i.risk <> 'OVERDUE') AS on_time,
            avg(i.used_days) AS average_days
     FROM project_items i
     WHERE i.decided_on IS NOT NULL AND i.decided_on BETWEEN $1::date AND $2::date
       AND ($3::text IS NULL OR i.department = $3)
     GROUP BY i.department`,
    [from, to, department ?? null],
  );
  const overdue = await overdueItemsByDepartment(db, asOfNow(f).today, department);
  const byDept = new Map<string, DepartmentCounts>();
  const row = (d: string) => {
    let r = byDept.get(d);
    if (!r)
      byDept.set(
        d,
        (r = { department: d, decided: 0, onTime: 0, averageDays: null, overdueNow: 0 }),
      );
    return r;
  };
  for (const r of rows) {
    Object.assign(row(r.department), {
      decided: Number(r.decided),
      onTime: Number(r.on_time),
      averageDays: r.average_days === null ? null : Number(r.average_days),
    });
  }
  for (const r of overdue) row(r.department).overdueNow = Number(r.n);
  return [...byDept.values()];
}

/** SQL: the project `p` holds an item of department `$n` (no condition when `$n` is null). */
const holdsDepartment = (n: number) =>
  `($${n}::text IS NULL OR EXISTS (SELECT 1 FROM project_items d
     WHERE d.project_id = p.id AND d.department = $${n}))`;

export async function projectCounts(db: Db, f: StatisticsFilter): Promise<ProjectCounts> {
  const { from, to, department } = f;
  // Overdue as the report says today (the stored risk, or its overdue instant has passed).
  const [running] = await db.query<{ in_progress: string; overdue: string }[]>(
    `SELECT count(*) AS in_progress,
            count(*) FILTER (WHERE p.risk = 'OVERDUE' OR p.overdue_at <= $2) AS overdue
     FROM projects p WHERE p.status = 'IN_PROGRESS' AND ${holdsDepartment(1)}`,
    [department ?? null, asOfNow(f).now],
  );
  // The expression and the condition are IDX_projects_closed_on's.
  const [completed] = await db.query<{ n: string }[]>(
    `SELECT count(*) AS n FROM projects p
     WHERE p.status = 'COMPLETED' AND (p.state->>'closedOn') BETWEEN $1 AND $2
       AND ${holdsDepartment(3)}`,
    [from, to, department ?? null],
  );
  return {
    inProgress: Number(running.in_progress),
    overdue: Number(running.overdue),
    completed: Number(completed.n),
  };
}

/** Stages completed in the range, grouped by (stage, acceptedOn, completedOn). */
export async function completedStageSpans(
  db: Db,
  { from, to, department }: StatisticsFilter,
): Promise<StageSpan[]> {
  // The projects are selected by the indexed completion days (IDX_projects_stage_completed_*,
  // one per position of `stage_dates`, the projection's small copy of each stage's days beside
  // the state: migration 1763880000000), and only that copy is read, never the state.
  const inRange = STAGE_CODES.map(
    (_, n) => `(p.stage_dates #>> '{${n},completedOn}') BETWEEN $1 AND $2`,
  ).join(' OR ');
  const rows = await db.query<
    { stage: string; accepted_on: string; completed_on: string; n: string }[]
  >(
    `SELECT s.v->>'code' AS stage, s.v->>'acceptedOn' AS accepted_on,
            s.v->>'completedOn' AS completed_on, count(*) AS n
     FROM projects p CROSS JOIN LATERAL jsonb_array_elements(p.stage_dates) AS s(v)
     WHERE (${inRange})
       AND s.v->>'acceptedOn' IS NOT NULL AND (s.v->>'completedOn') BETWEEN $1 AND $2
       AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM project_items d
         WHERE d.project_id = p.id AND d.department = $3 AND d.stage = s.v->>'code'))
     GROUP BY 1, 2, 3`,
    [from, to, department ?? null],
  );
  return rows.map((r) => ({
    stage: r.stage,
    acceptedOn: r.accepted_on,
    completedOn: r.completed_on,
    count: Number(r.n),
  }));
}
