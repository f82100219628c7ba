/** The `projects` table: the API's create path, its reads and lists. */
import type { ProjectState } from '../../../approval/src';
import type { ProjectMasterData } from '../../../domain/src';
import { ProjectRecord } from '../entities';
import { prepared, type Db, type SqlQuery } from './db';

/** The row the API writes before it starts a project's workflow (state_seq 0). */
export interface NewProjectRow {
  /** The project's initial state: its id, name, type, … are the row's columns. */
  state: ProjectState;
  createdBy: string;
  /** `userId:key` of the caller's Idempotency-Key; null without one. */
  idempotencyKey: string | null;
  /** The master data given on create (its projectCode is also the unique column). */
  master?: ProjectMasterData;
}

/**
 * The row of a new project as the workflow's first write will find it; the same idempotency key
 * again inserts nothing. As a `pg` query, for the benchmarks that make projects without the API.
 */
export function insertProjectQuery({
  state,
  createdBy,
  idempotencyKey,
  master,
}: NewProjectRow): SqlQuery {
  const hasMaster = master && Object.keys(master).length > 0;
  return {
    text: `INSERT INTO projects (id, name, type, region, owner_organisation, status, stage, risk,
         limit_days, used_days, remaining_days, calendar_version, state, state_seq, created_by,
         idempotency_key, project_code, master_data)
       VALUES ($1,$2,$3,$4,$5,'IN_PROGRESS',$6,'ON_TRACK',$7,0,$7,$8,$9,0,$10,$11,$12,$13)
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
      master?.projectCode ?? null,
      hasMaster ? master : null,
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
 * Which write the row holds: its seq and the writing task's fence. A task that replaced one the
 * server never committed may write another state under the same seq, never under the same fence.
 */
export const VERSION = `p.state_seq || '.' || p.fence_run || '.' || p.fence_history || '.' || p.master_seq || '.' || p.service_seq`;

/** What the report route reads: the row's version and owner, and its state unless known. */
export interface ReportRow {
  version: string;
  ownerOrganisation: string;
  /** Null when the row's version is `knownVersion` (the caller holds that state's report). */
  state: ProjectState | null;
  /** The master data, as the state: null when known or when none was given. */
  master: ProjectMasterData | null;
}

/** One primary-key read of the report's columns; the state only when it is not `knownVersion`. */
export async function findReportRow(
  db: Db,
  id: string,
  knownVersion = '',
): Promise<ReportRow | null> {
  const [row] = await prepared<{
    version: string;
    owner: string;
    state: ProjectState | null;
    master: ProjectMasterData | null;
  }>(
    db,
    'report_row',
    `SELECT ${VERSION} AS version, p.owner_organisation AS owner,
            CASE WHEN ${VERSION} = $2 THEN NULL ELSE p.state END AS state,
            CASE WHEN ${VERSION} = $2 THEN NULL ELSE p.master_data END AS master
     FROM projects p WHERE p.id = $1`,
    [id, knownVersion],
  );
  return row
    ? { version: row.version, ownerOrganisation: row.owner, state: row.state, master: row.master }
    : null;
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
