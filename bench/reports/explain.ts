/**
 * The SQL behind `GET /api/projects?…` for a supervisor (ProjectListsService.list → listProjects:
 * one SELECT of the page's columns and one COUNT), built by the read model's own
 * `listProjectsQueries`, and its plan.
 */
import { Client as PgClient } from 'pg';
import { listProjectsQueries } from '../../libs/persistence/src';
import { round } from '../lib';

export interface ListFilters {
  risk?: string;
  stage?: string;
  type?: string;
  department?: string;
  overdue?: boolean;
  q?: string;
  pageSize: number;
}

export interface CapturedStatement {
  kind: 'select' | 'count';
  sql: string;
  params: unknown[];
  source: 'listProjectsQueries';
}

export interface ExplainedStatement extends CapturedStatement {
  plan: string[];
  executionMs: number;
  planningMs: number;
  /** The statement alone from this process, `runs` times: PostgreSQL's share of a request. */
  directMs: { runs: number; p50: number; p99: number };
}

/** The page's two statements as the API sends them for these filters, as of now. */
export function listStatements(filters: ListFilters): CapturedStatement[] {
  const { pageSize, ...f } = filters;
  const { select, count } = listProjectsQueries({ kind: 'all' }, f, { page: 1, pageSize });
  return [
    { kind: 'select', sql: select.text, params: select.values, source: 'listProjectsQueries' },
    { kind: 'count', sql: count.text, params: count.values, source: 'listProjectsQueries' },
  ];
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
  return {
    ...st,
    plan,
    executionMs: num('Execution Time'),
    planningMs: num('Planning Time'),
    directMs: await timed(st.sql),
  };
}
