/** The `projects` table: the API's create path, its reads and lists. */
import type { ProjectState } from '../../../approval/src/types';
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
         created_by, idempotency_key, created_at, updated_at, fence_run, fence_history)
       SELECT m.dst, p.name || $1 || m.k, p.type, p.region, p.owner_organisation, p.status,
              p.stage, p.risk, p.limit_days, p.used_days, p.remaining_days, p.due_date,
              p.calendar_version,
              jsonb_set(replace(p.state::text, p.id::text, m.dst::text)::jsonb, '{name}',
                        to_jsonb(p.name || $1 || m.k)),
              p.state_seq, $2, NULL, m.at, m.at, p.fence_run, p.fence_history
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
  risk?: string;
  status?: string;
  /** Projects with an item of this department. */
  department?: string;
  /** true: overdue or with an overdue item; false: the others. */
  overdue?: boolean;
}

/** SQL condition: the agent `:agent` holds an active delegation of `p` or a mandate of its owner. */
const AGENT_SCOPE = `(EXISTS (SELECT 1 FROM delegations d WHERE d.project_id = p.id
    AND d.agent_username = :agent AND d.revoked_at IS NULL)
  OR EXISTS (SELECT 1 FROM mandates m WHERE m.organisation = p.owner_organisation
    AND m.agent_username = :agent AND m.revoked_at IS NULL))`;

/**
 * One page of projects in the scope, filtered; `riskiestFirst` orders overdue, then at risk,
 * before the latest updated (otherwise the latest updated first).
 */
export async function listProjects(
  db: Db,
  scope: ProjectScope,
  f: ProjectFilter,
  { page, pageSize, riskiestFirst = false }: Page & { riskiestFirst?: boolean },
): Promise<{ rows: ProjectRecord[]; total: number }> {
  const qb = db.getRepository(ProjectRecord).createQueryBuilder('p');
  if (scope.kind === 'organisation') {
    qb.andWhere('p.owner_organisation = :org', { org: scope.organisation });
  } else if (scope.kind === 'agent') qb.andWhere(AGENT_SCOPE, { agent: scope.agent });
  else if (scope.kind === 'department') {
    qb.andWhere(
      'EXISTS (SELECT 1 FROM project_items i WHERE i.project_id = p.id AND i.department = :dept)',
      { dept: scope.department },
    );
  }
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb.andWhere('p.name ILIKE :like', { like });
  }
  if (f.stage) qb.andWhere('p.stage = :stage', { stage: f.stage });
  if (f.type) qb.andWhere('p.type = :type', { type: f.type });
  if (f.risk) qb.andWhere('p.risk = :risk', { risk: f.risk });
  if (f.status) qb.andWhere('p.status = :status', { status: f.status });
  if (f.department) {
    qb.andWhere(
      'EXISTS (SELECT 1 FROM project_items j WHERE j.project_id = p.id AND j.department = :fdept)',
      { fdept: f.department },
    );
  }
  if (f.overdue !== undefined) {
    const overdue = `(p.risk = 'OVERDUE' OR EXISTS (SELECT 1 FROM project_items o
      WHERE o.project_id = p.id AND o.risk = 'OVERDUE'))`;
    qb.andWhere(f.overdue ? overdue : `NOT ${overdue}`);
  }
  if (riskiestFirst) {
    qb.orderBy(
      "CASE p.risk WHEN 'OVERDUE' THEN 0 WHEN 'AT_RISK' THEN 1 ELSE 2 END",
      'ASC',
    ).addOrderBy('p.updated_at', 'DESC');
  } else qb.orderBy('p.updated_at', 'DESC');
  const [rows, total] = await qb
    .addOrderBy('p.id')
    .skip((page - 1) * pageSize)
    .take(pageSize)
    .getManyAndCount();
  return { rows, total };
}
