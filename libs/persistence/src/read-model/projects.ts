/** The `projects` table: the API's create path, its reads and lists. */
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { ProjectState } from '../../../approval/src';
import { ProjectRecord } from '../entities';
import type { Db, Page, SqlQuery } from './db';

/** The row the API writes before it starts a project's workflow (state_seq 0). */
export interface NewProjectRow {
  /** The project's initial state: its id, name, type, … are the row's columns. */
  state: ProjectState;
  createdBy: string;
  /** `userId:key` of the caller's Idempotency-Key; null without one. */
  idempotencyKey: string | null;
}

/**
 * The row of a new project as the workflow's first write will find it; the same idempotency key
 * again inserts nothing. As a `pg` query, for the benchmarks that make projects without the API.
 */
export function insertProjectQuery({ state, createdBy, idempotencyKey }: NewProjectRow): SqlQuery {
  return {
    text: `INSERT INTO projects (id, name, type, region, owner_organisation, status, stage, risk,
         limit_days, used_days, remaining_days, calendar_version, state, state_seq, created_by,
         idempotency_key)
       VALUES ($1,$2,$3,$4,$5,'IN_PROGRESS',$6,'ON_TRACK',$7,0,$7,$8,$9,0,$10,$11)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    values: [
      state.projectId,
      state.name,
      state.type,
      state.region,
      state.ownerOrganisation,
      state.stage,
      state.limitDays,
      state.calendarVersion,
      state,
      createdBy,
      idempotencyKey,
    ],
  };
}

/** Whether the row was inserted (false: a row with the same idempotency key exists). */
export async function insertProject(db: Db, row: NewProjectRow): Promise<boolean> {
  const { text, values } = insertProjectQuery(row);
  const inserted = await db.query<{ id: string }[]>(text, values);
  return inserted.length > 0;
}

/**
 * Copies of existing rows under new ids, for load tests: `mapTable` holds (src, dst, k, at) — the
 * row copied, its new id, a number for its name and its creation time. The project id is
 * replaced throughout `state`; `created_by` marks the copies.
 */
export function cloneProjectsQuery(
  mapTable: string,
  nameInfix: string,
  createdBy: string,
): SqlQuery {
  if (!/^[a-z_][a-z0-9_]*$/.test(mapTable)) throw new Error(`not a table name: ${mapTable}`);
  return {
    text: `INSERT INTO projects (id, name, type, region, owner_organisation, status, stage, risk,
         limit_days, used_days, remaining_days, due_date, calendar_version, state, state_seq,
         created_by, idempotency_key, created_at, updated_at, fence_run, fence_history,
         warns_at, overdue_at, stage_dates, overdue_from)
       SELECT m.dst, p.name || $1 || m.k, p.type, p.region, p.owner_organisation, p.status,
              p.stage, p.risk, p.limit_days, p.used_days, p.remaining_days, p.due_date,
              p.calendar_version,
              jsonb_set(replace(p.state::text, p.id::text, m.dst::text)::jsonb, '{name}',
                        to_jsonb(p.name || $1 || m.k)),
              p.state_seq, $2, NULL, m.at, m.at, p.fence_run, p.fence_history,
              p.warns_at, p.overdue_at, p.stage_dates, p.overdue_from
       FROM ${mapTable} m JOIN projects p ON p.id = m.src`,
    values: [nameInfix, createdBy],
  };
}

export function findProject(db: Db, id: string): Promise<ProjectRecord | null> {
  return db.getRepository(ProjectRecord).findOneBy({ id });
}

export function findProjectByIdempotencyKey(db: Db, key: string): Promise<ProjectRecord | null> {
  return db.getRepository(ProjectRecord).findOneBy({ idempotencyKey: key });
}

export async function deleteProject(db: Db, id: string): Promise<void> {
  await db.getRepository(ProjectRecord).delete({ id });
}

/** The row's state_seq alone (0 until the workflow's first write), without its JSONB state. */
export async function projectStateSeq(db: Db, id: string): Promise<number> {
  const [row] = await db.query<{ seq: string }[]>(
    'SELECT state_seq AS seq FROM projects WHERE id = $1',
    [id],
  );
  return Number(row?.seq ?? 0);
}

/** Ids of the projects still running, oldest first. */
export async function runningProjectIds(db: Db): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(
    `SELECT id FROM projects WHERE status = 'IN_PROGRESS' ORDER BY created_at`,
  );
  return rows.map((r) => r.id);
}

/**
 * A statement through `pg` as a named prepared statement (parsed and planned once per
 * connection) when `db` is the data source; through TypeORM's query otherwise (a transaction).
 * For the hot reads, which skip TypeORM's query building and entity hydration.
 */
async function prepared<T>(db: Db, name: string, text: string, values: unknown[]): Promise<T[]> {
  if (!(db instanceof DataSource)) return db.query<T[]>(text, values);
  const pool = (db.driver as PostgresDriver).master as {
    query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }>;
  };
  return (await pool.query({ name, text, values })).rows;
}

/**
 * Which write the row holds: its seq and the writing task's fence. A task that replaced one the
 * server never committed may write another state under the same seq, never under the same fence.
 */
const VERSION = `p.state_seq || '.' || p.fence_run || '.' || p.fence_history`;

/** What the report route reads: the row's version and owner, and its state unless known. */
export interface ReportRow {
  version: string;
  ownerOrganisation: string;
  /** Null when the row's version is `knownVersion` (the caller holds that state's report). */
  state: ProjectState | null;
}

/** One primary-key read of the report's columns; the state only when it is not `knownVersion`. */
export async function findReportRow(
  db: Db,
  id: string,
  knownVersion = '',
): Promise<ReportRow | null> {
  const [row] = await prepared<{ version: string; owner: string; state: ProjectState | null }>(
    db,
    'report_row',
    `SELECT ${VERSION} AS version, p.owner_organisation AS owner,
            CASE WHEN ${VERSION} = $2 THEN NULL ELSE p.state END AS state
     FROM projects p WHERE p.id = $1`,
    [id, knownVersion],
  );
  return row ? { version: row.version, ownerOrganisation: row.owner, state: row.state } : null;
}

/** The states of some projects, by id (a list's rows its caller holds no summary of). */
export async function projectStates(
  db: Db,
  ids: string[],
): Promise<Map<string, { version: string; state: ProjectState }>> {
  if (ids.length === 0) return new Map();
  const rows = await prepared<{ id: string; version: string; state: ProjectState }>(
    db,
    'project_states',
    `SELECT p.id, ${VERSION} AS version, p.state FROM projects p WHERE p.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { version: r.version, state: r.state }]));
}

/** Which projects a caller's list may hold; the API decides it from the caller's role. */
export type ProjectScope =
  | { kind: 'all' }
  | { kind: 'organisation'; organisation: string }
  /** Projects the agent holds an active delegation of, or a mandate of their owner. */
  | { kind: 'agent'; agent: string }
  /** Projects with an item of the department. */
  | { kind: 'department'; department: string };

export interface ProjectFilter {
  /** Part of the name, case-insensitive. */
  q?: string;
  stage?: string;
  type?: string;
  /** The risk as of `now` (ListPage.now): the stored one, raised by the instants that passed. */
  risk?: string;
  status?: string;
  /** Projects with an item of this department. */
  department?: string;
  /** true: overdue (as of now) or with an overdue item; false: the others. */
  overdue?: boolean;
}

/** A list's row: its columns; the summary (clock, next actions) comes from the state. */
export interface ProjectListRow {
  id: string;
  name: string;
  type: string;
  ownerOrganisation: string;
  stage: string;
  status: string;
  /** As `findReportRow`'s: a summary computed from this version of the state is current. */
  version: string;
  updatedAt: Date;
}

/**
 * The project's risk as of the instant `$n`: the stored risk (as of its last write), raised by
 * the instants that passed since (`warns_at`, `overdue_at`: migration 1763880000000).
 */
const effectiveRisk = (n: string) =>
  `CASE WHEN p.overdue_at <= ${n} THEN 'OVERDUE'
        WHEN p.warns_at <= ${n} AND p.risk = 'ON_TRACK' THEN 'AT_RISK' ELSE p.risk END`;

/** `effectiveRisk(n) = risk`, written so each branch can use an index. */
function riskIs(risk: string, n: string): string {
  const notOverdue = `(p.overdue_at IS NULL OR p.overdue_at > ${n})`;
  if (risk === 'OVERDUE') return `(p.risk = 'OVERDUE' OR p.overdue_at <= ${n})`;
  if (risk === 'AT_RISK') {
    return `((p.risk = 'AT_RISK' OR (p.risk = 'ON_TRACK' AND p.warns_at <= ${n})) AND ${notOverdue})`;
  }
  return `(p.risk = 'ON_TRACK' AND (p.warns_at IS NULL OR p.warns_at > ${n}) AND ${notOverdue})`;
}

/** The options of a list page. */
export type ListOptions = Page & { riskiestFirst?: boolean; now?: Date };

/**
 * The two statements of a list page: the page's rows (columns only, never `state`) and how many
 * match. The benchmarks explain these very statements.
 */
export function listProjectsQueries(
  scope: ProjectScope,
  f: ProjectFilter,
  { page, pageSize, riskiestFirst = false, now = new Date() }: ListOptions,
): { select: SqlQuery; count: SqlQuery } {
  const values: unknown[] = [];
  const param = (v: unknown) => `$${values.push(v)}`;
  const where: string[] = [];
  let n: string | undefined;
  const at = () => (n ??= `${param(now.toISOString())}::timestamptz`);
  const holds = (dept: string) =>
    `EXISTS (SELECT 1 FROM project_items i WHERE i.project_id = p.id AND i.department = ${param(dept)})`;
  if (scope.kind === 'organisation')
    where.push(`p.owner_organisation = ${param(scope.organisation)}`);
  else if (scope.kind === 'agent') {
    const a = param(scope.agent);
    where.push(`(EXISTS (SELECT 1 FROM delegations d WHERE d.project_id = p.id
        AND d.agent_username = ${a} AND d.revoked_at IS NULL)
      OR EXISTS (SELECT 1 FROM mandates m WHERE m.organisation = p.owner_organisation
        AND m.agent_username = ${a} AND m.revoked_at IS NULL))`);
  } else if (scope.kind === 'department') where.push(holds(scope.department));
  if (f.q) where.push(`p.name ILIKE ${param(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  if (f.stage) where.push(`p.stage = ${param(f.stage)}`);
  if (f.type) where.push(`p.type = ${param(f.type)}`);
  if (f.risk) where.push(riskIs(f.risk, at()));
  if (f.status) where.push(`p.status = ${param(f.status)}`);
  if (f.department) where.push(holds(f.department));
  if (f.overdue !== undefined) {
    // overdue_from: -infinity for a project overdue or holding an overdue item, else overdue_at.
    where.push(
      f.overdue
        ? `p.overdue_from <= ${at()}`
        : `(p.overdue_from IS NULL OR p.overdue_from > ${at()})`,
    );
  }
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // The count binds only what its condition uses (an unused parameter has no type).
  const countValues = [...values];
  const order = riskiestFirst
    ? `CASE ${effectiveRisk(at())} WHEN 'OVERDUE' THEN 0 WHEN 'AT_RISK' THEN 1 ELSE 2 END,
       p.updated_at DESC, p.id`
    : 'p.updated_at DESC, p.id';
  const limit = param(pageSize);
  const offset = param((page - 1) * pageSize);
  return {
    select: {
      text: `SELECT p.id, p.name, p.type, p.owner_organisation AS owner, p.stage, p.status,
              ${VERSION} AS version, p.updated_at
       FROM projects p ${cond} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
      values,
    },
    count: { text: `SELECT count(*) AS n FROM projects p ${cond}`, values: countValues },
  };
}

/**
 * One page of projects in the scope, filtered, and how many match; `riskiestFirst` orders
 * overdue, then at risk, before the latest updated (otherwise the latest updated first). A page
 * that is not full gives its exact total without a count; otherwise the count runs through
 * `total` (the API reuses it for a few seconds: counting tens of thousands of matches costs more
 * than the page itself), never below what the page shows.
 */
export async function listProjects(
  db: Db,
  scope: ProjectScope,
  f: ProjectFilter,
  options: ListOptions & { total?: (count: () => Promise<number>) => Promise<number> },
): Promise<{ rows: ProjectListRow[]; total: number }> {
  const { select, count: countQuery } = listProjectsQueries(scope, f, options);
  const rows = await db.query<
    {
      id: string;
      name: string;
      type: string;
      owner: string;
      stage: string;
      status: string;
      version: string;
      updated_at: Date;
    }[]
  >(select.text, select.values);
  const before = (options.page - 1) * options.pageSize;
  const count = async () =>
    Number((await db.query<{ n: string }[]>(countQuery.text, countQuery.values))[0].n);
  // What the page itself proves: this many match at least (none past the end).
  const shown = rows.length ? before + rows.length : 0;
  const total =
    rows.length < options.pageSize && (rows.length > 0 || before === 0)
      ? shown
      : Math.max(await (options.total ?? ((c) => c()))(count), shown);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      type: r.type,
      ownerOrganisation: r.owner,
      stage: r.stage,
      status: r.status,
      version: r.version,
      updatedAt: r.updated_at,
    })),
    total,
  };
}
