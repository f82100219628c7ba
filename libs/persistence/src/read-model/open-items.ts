/** Items waiting on a department (docs/design.md §6's task rows): its queue and its escalations. */
import { PAUSED_ITEM_STATUSES } from '../../../approval/src';
import type { Risk } from '../../../domain/src';
import { Brackets } from 'typeorm';
import { ProjectItemRecord } from '../entities';
import type { Db, Page } from './db';

/** Item states that wait on a department: under review, or stopped while it holds the item. */
export const WAITING_STATUSES = ['UNDER_REVIEW', ...PAUSED_ITEM_STATUSES];

/**
 * What an officer's queue also holds: the next stage's items in pre-review (预审: to comment on,
 * no clock) and approvals on commitment whose follow-up check (核查) is due (`CHECK_DUE`).
 */
export const TASK_STATUSES = [...WAITING_STATUSES, 'PRE_REVIEW', 'CHECK_DUE'];

/** A check row's status and due date: the check, not the approved item. */
const TASK_STATUS = `CASE WHEN i.check_due IS NOT NULL THEN 'CHECK_DUE' ELSE i.status END`;
const TASK_DUE = 'COALESCE(i.check_due, i.due_date)';

/** One task row: an open item of a running project. */
export interface OpenItemRow {
  taskId: string;
  projectId: string;
  projectName: string;
  itemCode: string;
  itemName: string;
  department: string;
  status: string;
  risk: Risk;
  /** YYYY-MM-DD; null while the item's clock does not run. */
  dueDate: string | null;
  /** Key project (重点项目): the service centre's reason and since when; null when not one. */
  key: { reason: string; since: Date } | null;
}

/** Key projects (重点项目) first in every queue, then the queue's own order. */
export const KEY_FIRST = 'CASE WHEN p.key_since IS NULL THEN 1 ELSE 0 END';

/** A queue row's `key` from its raw columns. */
export function keyOf<R extends { keyReason?: string | null; keySince?: Date | null }>(
  row: R,
): Omit<R, 'keyReason' | 'keySince'> & { key: { reason: string; since: Date } | null } {
  const { keyReason, keySince, ...rest } = row;
  return { ...rest, key: keyReason && keySince ? { reason: keyReason, since: keySince } : null };
}

type RawItemRow = Omit<OpenItemRow, 'key'> & { keyReason: string | null; keySince: Date | null };

/** A task row's columns, its status, risk and due date by the given expressions. */
const columns = (status: string, risk: string, due: string) => [
  'i.task_id AS "taskId"',
  'i.project_id AS "projectId"',
  'p.name AS "projectName"',
  'i.code AS "itemCode"',
  'i.name AS "itemName"',
  'i.department AS department',
  `${status} AS status`,
  `${risk} AS risk`,
  `to_char(${due}, 'YYYY-MM-DD') AS "dueDate"`,
  'p.key_reason AS "keyReason"',
  'p.key_since AS "keySince"',
];

/** The officers' task rows: open items of running projects and the checks not yet made. */
function openTasks(db: Db) {
  const qb = db
    .getRepository(ProjectItemRecord)
    .createQueryBuilder('i')
    .innerJoin('projects', 'p', 'p.id = i.project_id')
    .select(
      columns(
        TASK_STATUS,
        `CASE WHEN i.check_due IS NOT NULL THEN 'ON_TRACK' ELSE i.risk END`,
        TASK_DUE,
      ),
    );
  // A check may fall due after its project completed: it stays in the queue until it is made.
  return qb.where(
    new Brackets((w) =>
      w
        .where("p.status = 'IN_PROGRESS' AND i.status IN (:...waiting)", {
          waiting: [...WAITING_STATUSES, 'PRE_REVIEW'],
        })
        .orWhere('i.check_due IS NOT NULL'),
    ),
  );
}

/**
 * A reviewing officer's queue: the department's open items and checks, key projects first, then
 * earliest due.
 */
export async function departmentQueue(
  db: Db,
  {
    department,
    projectId,
    risk,
    status,
    page,
    pageSize,
  }: Page & { department: string; projectId?: string; risk?: Risk; status?: string },
): Promise<{ items: OpenItemRow[]; total: number }> {
  const qb = openTasks(db).andWhere('i.department = :dept', { dept: department });
  if (projectId) qb.andWhere('i.project_id = :projectId', { projectId });
  if (risk) qb.andWhere('i.risk = :risk AND i.check_due IS NULL', { risk });
  if (status) qb.andWhere(`${TASK_STATUS} = :status`, { status });
  const total = await qb.getCount();
  const items = await qb
    .orderBy(KEY_FIRST, 'ASC')
    .addOrderBy(TASK_DUE, 'ASC', 'NULLS LAST')
    .addOrderBy('i.task_id')
    .offset((page - 1) * pageSize)
    .limit(pageSize)
    .getRawMany<RawItemRow>();
  return { items: items.map(keyOf), total };
}

/**
 * A follow-up check (核查) past its due date (`check_due` before `today`), as an escalation row:
 * status CHECK_DUE, risk OVERDUE, due its check's date; also after its project completed.
 */
const OVERDUE_CHECK = '(i.check_due IS NOT NULL AND i.check_due < CAST(:today AS date))';

/**
 * Open items at one of `risks`, and (when `today` is given and OVERDUE is asked for) the
 * follow-up checks overdue on `today`: key projects first, then overdue, then earliest due.
 */
export async function escalatedItems(
  db: Db,
  {
    department,
    risks,
    today,
    page,
    pageSize,
  }: Page & { department?: string; risks: Risk[]; today?: string },
): Promise<{ items: OpenItemRow[]; total: number }> {
  const checks = today !== undefined && risks.includes('OVERDUE');
  const qb = db
    .getRepository(ProjectItemRecord)
    .createQueryBuilder('i')
    .innerJoin('projects', 'p', 'p.id = i.project_id')
    .select(
      checks
        ? columns(
            `CASE WHEN ${OVERDUE_CHECK} THEN 'CHECK_DUE' ELSE i.status END`,
            `CASE WHEN ${OVERDUE_CHECK} THEN 'OVERDUE' ELSE i.risk END`,
            'COALESCE(i.check_due, i.due_date)',
          )
        : columns('i.status', 'i.risk', 'i.due_date'),
    )
    .where(
      new Brackets((w) => {
        w.where(
          "p.status = 'IN_PROGRESS' AND i.status IN (:...waiting) AND i.risk IN (:...risks)",
          {
            waiting: WAITING_STATUSES,
            risks,
          },
        );
        if (checks) w.orWhere(OVERDUE_CHECK, { today });
      }),
    );
  if (department) qb.andWhere('i.department = :department', { department });
  const overdueFirst = checks
    ? `CASE WHEN i.risk = 'OVERDUE' OR ${OVERDUE_CHECK} THEN 0 ELSE 1 END`
    : "CASE i.risk WHEN 'OVERDUE' THEN 0 ELSE 1 END";
  const total = await qb.getCount();
  const items = await qb
    .orderBy(KEY_FIRST, 'ASC')
    .addOrderBy(overdueFirst, 'ASC')
    .addOrderBy(checks ? 'COALESCE(i.check_due, i.due_date)' : 'i.due_date', 'ASC', 'NULLS LAST')
    .addOrderBy('i.task_id')
    .offset((page - 1) * pageSize)
    .limit(pageSize)
    .getRawMany<RawItemRow>();
  return { items: items.map(keyOf), total };
}

export function findItemByTaskId(db: Db, taskId: string): Promise<ProjectItemRecord | null> {
  return db.getRepository(ProjectItemRecord).findOneBy({ taskId });
}
