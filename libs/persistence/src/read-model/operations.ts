/**
 * What an operator watches, counted for `/metrics` (apps/api/src/observability): each statement
 * is served by an index and reads only running projects, open items or pending rows.
 */
import { calendarDay, overdueItemsByDepartment } from './statistics';
import type { Db } from './db';

export interface OperationsSnapshot {
  /** Running projects per stage and risk. */
  running: { stage: string; risk: string; n: number }[];
  /** Open items overdue today per department. */
  overdueItems: { department: string; n: number }[];
  /** Running projects whose warning or overdue instant has passed and is not written yet. */
  sweepBacklog: { n: number; oldestSeconds: number };
  /** Notice mails neither sent nor given up on. */
  mailOutbox: { n: number; oldestSeconds: number };
}

interface Pending {
  n: string;
  oldest_seconds: number | null;
}
const pending = (r: Pending) => ({ n: Number(r.n), oldestSeconds: r.oldest_seconds ?? 0 });

export async function operationsSnapshot(db: Db, now = new Date()): Promise<OperationsSnapshot> {
  const [running, overdue, [sweep], [mail]] = await Promise.all([
    db.query<{ stage: string; risk: string; n: string }[]>(
      `SELECT stage, risk, count(*) AS n FROM projects WHERE status = 'IN_PROGRESS'
       GROUP BY stage, risk`,
    ),
    overdueItemsByDepartment(db, calendarDay(now)),
    // IDX_projects_next_instant: what the deadline sweep (deadline-sweep.ts) has still to do.
    db.query<Pending[]>(
      `SELECT count(*) AS n,
              extract(epoch FROM $1::timestamptz - min(LEAST(warns_at, overdue_at)))::float8
                AS oldest_seconds
       FROM projects
       WHERE status = 'IN_PROGRESS' AND LEAST(warns_at, overdue_at) <= $1::timestamptz`,
      [now.toISOString()],
    ),
    // IDX_mail_outbox_pending.
    db.query<Pending[]>(
      `SELECT count(*) AS n,
              extract(epoch FROM $1::timestamptz - min(created_at))::float8 AS oldest_seconds
       FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL`,
      [now.toISOString()],
    ),
  ]);
  return {
    running: running.map((r) => ({ ...r, n: Number(r.n) })),
    overdueItems: overdue.map((r) => ({ department: r.department, n: Number(r.n) })),
    sweepBacklog: pending(sweep),
    mailOutbox: pending(mail),
  };
}
