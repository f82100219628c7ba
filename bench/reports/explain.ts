/**
 * The SQL behind `GET /api/projects?…` (ProjectsService.list: TypeORM's getManyAndCount, one
 * SELECT … LIMIT and one COUNT) and its plan. The statements are taken from pg_stat_activity
 * while the API runs them (its pool's backends show their current or last statement); a statement
 * longer than track_activity_query_size (1 kB) shows truncated there, and is then rebuilt with
 * the same TypeORM calls `list` makes for a supervisor — checked against the captured prefix.
 */
import 'reflect-metadata';
import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { ENTITIES, ProjectRecord } from '../../libs/persistence/src';
import { round } from '../lib';

export interface ListFilters {
  risk?: string;
  stage?: string;
  type?: string;
  department?: string;
  pageSize: number;
}

export interface CapturedStatement {
  kind: 'select' | 'count';
  sql: string;
  params: unknown[];
  /** Where the text came from. */
  source: 'pg_stat_activity' | 'rebuilt with TypeORM (pg_stat_activity truncated)';
}

export interface ExplainedStatement extends CapturedStatement {
  plan: string[];
  executionMs: number;
  planningMs: number;
  /** The statement alone from this process, `runs` times: PostgreSQL's share of a request. */
  directMs: { runs: number; p50: number; p99: number };
  /** The SELECT without the `state` column, the same way: what reading `state` costs. */
  directMsWithoutState?: { runs: number; p50: number; p99: number };
}

/** Parameters in the order `list` binds them for these filters (supervisor: no scope filter). */
function paramsFor(f: ListFilters): unknown[] {
  const out: unknown[] = [];
  if (f.stage) out.push(f.stage);
  if (f.type) out.push(f.type);
  if (f.risk) out.push(f.risk);
  if (f.department) out.push(f.department);
  return out;
}

/** The same query builder calls as ProjectsService.list for ALL_PROJECTS roles. */
async function rebuild(databaseUrl: string, f: ListFilters): Promise<[string, unknown[]]> {
  const ds = await new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    synchronize: false,
    extra: { max: 1 },
  }).initialize();
  try {
    const qb = ds.getRepository(ProjectRecord).createQueryBuilder('p');
    if (f.stage) qb.andWhere('p.stage = :stage', { stage: f.stage });
    if (f.type) qb.andWhere('p.type = :type', { type: f.type });
    if (f.risk) qb.andWhere('p.risk = :risk', { risk: f.risk });
    if (f.department)
      qb.andWhere(
        'EXISTS (SELECT 1 FROM project_items j WHERE j.project_id = p.id AND j.department = :fdept)',
        { fdept: f.department },
      );
    qb.orderBy('p.updated_at', 'DESC').addOrderBy('p.id').skip(0).take(f.pageSize);
    return qb.getQueryAndParameters();
  } finally {
    await ds.destroy();
  }
}

/**
 * Runs `trigger` (list requests against the API), then reads the API's last statements from
 * pg_stat_activity: the SELECT and the COUNT of this filter combination.
 */
export async function captureListStatements(
  pg: PgClient,
  databaseUrl: string,
  filters: ListFilters,
  trigger: () => Promise<void>,
): Promise<CapturedStatement[]> {
  const size = Number(
    (await pg.query<{ s: string }>(`SELECT current_setting('track_activity_query_size') AS s`))
      .rows[0].s,
  );
  // The pool's backends show each request's SELECT only while the COUNT has not followed it on
  // the same connection: sample pg_stat_activity all the while the requests run.
  const found = new Set<string>();
  let done = false;
  const load = trigger().finally(() => {
    done = true;
  });
  while (!done) {
    const rows = await pg.query<{ query: string }>(
      `SELECT DISTINCT query FROM pg_stat_activity
       WHERE pid <> pg_backend_pid() AND (query LIKE 'SELECT "p".%' OR query LIKE '%FROM "projects" "p"%')`,
    );
    for (const r of rows.rows) found.add(r.query);
  }
  await load;
  const params = paramsFor(filters);
  // `trigger` keeps every backend of the API's pool busy with this filter, so the statements
  // found are this filter's; the WHERE clause, when not truncated away, must agree.
  const matches = (q: string) => {
    const where = /\sWHERE\s([\s\S]*)$/i.exec(q)?.[1];
    if (where === undefined) return true;
    return (
      (!filters.risk || where.includes('risk')) &&
      (!filters.stage || where.includes('stage')) &&
      (!filters.type || where.includes('type')) &&
      (!filters.department || where.includes('department'))
    );
  };
  const out: CapturedStatement[] = [];
  const seen = [...found].filter(matches);
  const count = seen.find((q) => /^SELECT COUNT\(/i.test(q));
  const select = seen.find((q) => !/^SELECT COUNT\(/i.test(q));
  if (count) out.push({ kind: 'count', sql: count, params, source: 'pg_stat_activity' });
  if (select) {
    if (Buffer.byteLength(select) < size - 1) {
      out.push({ kind: 'select', sql: select, params, source: 'pg_stat_activity' });
    } else {
      const [sql, p] = await rebuild(databaseUrl, filters);
      const prefix = select.slice(0, 200);
      if (!sql.startsWith(prefix))
        throw new Error(`the rebuilt list SELECT differs from the API's:\n${select}\n${sql}`);
      out.push({
        kind: 'select',
        sql,
        params: p,
        source: 'rebuilt with TypeORM (pg_stat_activity truncated)',
      });
    }
  }
  return out;
}

export async function explain(
  pg: PgClient,
  st: CapturedStatement,
  runs = 200,
): Promise<ExplainedStatement> {
  // Warm, then the plan of a warm run.
  for (let i = 0; i < 3; i++) await pg.query(st.sql, st.params);
  const res = await pg.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS, SERIALIZE TEXT, FORMAT TEXT) ${st.sql}`,
    st.params,
  );
  const plan = res.rows.map((r) => r['QUERY PLAN']);
  const num = (label: string) =>
    Number(
      new RegExp(`${label}: ([0-9.]+) ms`).exec(plan.find((l) => l.includes(label)) ?? '')?.[1],
    );
  const timed = async (sql: string) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await pg.query(sql, st.params);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return {
      runs,
      p50: round(times[Math.floor(runs / 2)], 2),
      p99: round(times[Math.ceil(runs * 0.99) - 1], 2),
    };
  };
  const withoutState = st.sql.replace('"p"."state" AS "p_state", ', '');
  return {
    ...st,
    plan,
    executionMs: num('Execution Time'),
    planningMs: num('Planning Time'),
    directMs: await timed(st.sql),
    ...(st.kind === 'select' && withoutState !== st.sql
      ? { directMsWithoutState: await timed(withoutState) }
      : {}),
  };
}
