/** The lists of projects: who sees which (a scope), the filters, the page and its total. */
import type { Db, Page, SqlQuery } from './db';
import { VERSION } from './projects';

export type ProjectScope =
  | { kind: 'all' }
  | { kind: 'organisation'; organisation: string }
  /** Projects the agent holds an active delegation of, a mandate of their owner, or is the active specialist of. */
  | { kind: 'agent'; agent: string }
  /** Projects with an item of the department. */
  | { kind: 'department'; department: string };

export interface ProjectFilter {
  /** Part of the name or of the investment project code, case-insensitive. */
  q?: string;
  /** The investment project code, exactly. */
  code?: string;
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
  /** The investment project code; null when none was given. */
  projectCode: string | null;
  type: string;
  ownerOrganisation: string;
  /** The organisation's name (its code when none is registered). */
  ownerOrganisationName: string;
  stage: string;
  status: string;
  /** Key project (重点项目): the service centre's reason and since when; null when not one. */
  key: { reason: string; since: Date } | null;
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
        AND m.agent_username = ${a} AND m.revoked_at IS NULL)
      OR EXISTS (SELECT 1 FROM project_specialists s WHERE s.project_id = p.id
        AND s.username = ${a} AND s.status = 'ACTIVE'))`);
  } else if (scope.kind === 'department') where.push(holds(scope.department));
  if (f.q) {
    const like = param(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(p.name ILIKE ${like} OR p.project_code ILIKE ${like})`);
  }
  if (f.code) where.push(`p.project_code = ${param(f.code)}`);
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
      text: `SELECT p.id, p.name, p.project_code, p.type, p.owner_organisation AS owner, p.stage, p.status,
              ${VERSION} AS version, p.updated_at, p.key_reason, p.key_since,
              (SELECT o.name FROM organisations o WHERE o.code = p.owner_organisation) AS owner_name
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
      project_code: string | null;
      type: string;
      owner: string;
      owner_name: string | null;
      stage: string;
      status: string;
      version: string;
      updated_at: Date;
      key_reason: string | null;
      key_since: Date | null;
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
      projectCode: r.project_code,
      type: r.type,
      ownerOrganisation: r.owner,
      ownerOrganisationName: r.owner_name ?? r.owner,
      stage: r.stage,
      status: r.status,
      key: r.key_reason && r.key_since ? { reason: r.key_reason, since: r.key_since } : null,
      version: r.version,
      updatedAt: r.updated_at,
    })),
    total,
  };
}
