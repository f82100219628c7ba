/*
 * Statistics: `GET /api/statistics` (every department, this year), the same for one department,
 * and its CSV, with 10,000 projects in the read model, as the demo `supervisor`. Target: under
 * 100 ms (p99, one request at a time) at 10,000 projects.
 *
 *   npm run bench:statistics      # ~3 min (builds dist/ first)
 *
 * The read model is filled as for bench:reports (bench/reports/fill.ts): a few dozen real
 * projects made through the API (drafts, submitted, under review, decided, imports past their
 * limit, PLAN approved, START_PERMIT under review), their rows cloned in SQL up to each size —
 * `decided_on` and the state's stage dates included, so every clone counts as its source does.
 * Each route runs BENCH_SERIAL_SECONDS one request at a time, then BENCH_SECONDS at
 * BENCH_CONCURRENCY. The four statements the API runs are explained (EXPLAIN ANALYZE, BUFFERS)
 * at each size.
 *
 * Options (environment): BENCH_SIZES (default 1000,10000), BENCH_SECONDS (default 8),
 * BENCH_CONCURRENCY (default 4), BENCH_SERIAL_SECONDS (default 6), BENCH_KEEP=1.
 * Writes bench/results/statistics.json.
 */
import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import {
  ApiClient,
  BenchRun,
  LoadResult,
  describeCpu,
  envLevels,
  envNumber,
  runBench,
  runLoad,
  startStack,
  withCpu,
  withoutSamples,
  writeResults,
} from '../lib';
import {
  completedStageSpans,
  departmentCounts,
  projectCounts,
  type Db,
} from '../../libs/persistence/src';
import { cloneTo, createRealProjects, readModelShape, type ReadModelShape } from '../reports/fill';

const TARGET_MS = 100;

const ROUTES = [
  { key: 'all', path: '/api/statistics' },
  { key: 'department', path: '/api/statistics?department=NRP' },
  { key: 'csv', path: '/api/statistics?format=csv' },
] as const;

interface Plan {
  statement: string;
  executionMs: number;
  planningMs: number;
  plan: string[];
}

/** The statements of libs/persistence/src/read-model/statistics.ts, for EXPLAIN. */
async function explainAll(pg: PgClient, from: string, to: string): Promise<Plan[]> {
  // The API's own functions, run against a `query` that records what they send.
  const recorded: { text: string; values: unknown[] }[] = [];
  const db = {
    query: async (text: string, values: unknown[]) => {
      recorded.push({ text, values });
      return (await pg.query(text, values)).rows;
    },
  } as unknown as Db;
  const f = { from, to };
  await departmentCounts(db, f);
  await projectCounts(db, f);
  await completedStageSpans(db, f);
  const out: Plan[] = [];
  for (const r of recorded) {
    const res = await pg.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${r.text}`,
      r.values,
    );
    const plan = res.rows.map((x) => x['QUERY PLAN']);
    const num = (label: string) =>
      Number(plan.find((l) => l.startsWith(label))?.match(/([\d.]+) ms/)?.[1] ?? NaN);
    out.push({
      statement: r.text.replace(/\s+/g, ' ').slice(0, 160),
      executionMs: num('Execution Time'),
      planningMs: num('Planning Time'),
      plan,
    });
  }
  return out;
}

runBench('statistics', async () => {
  const run = new BenchRun('statistics');
  const sizes = envLevels('BENCH_SIZES', [1000, 10000]);
  const seconds = envNumber('BENCH_SECONDS', 8);
  const concurrency = envNumber('BENCH_CONCURRENCY', 4);
  const serialSeconds = envNumber('BENCH_SERIAL_SECONDS', 6);
  run.header();
  await run.snapshotLoad('before');

  const stack = await startStack({ name: 'statistics', log: run.log, app: true });
  const api = new ApiClient(stack.apiUrl!);
  const supervisor = await api.login('supervisor', 'demo');
  run.log('making real projects through the API (applicant, window, officers, admin imports)…');
  const t0 = performance.now();
  const real = await createRealProjects(api, run.log, randomUUID().slice(0, 8));
  run.log(`${real.length} real projects in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

  const pg = new PgClient({ connectionString: stack.databaseUrl });
  await pg.connect();
  const get = async (path: string): Promise<number> => {
    const res = await fetch(`${stack.apiUrl}${path}`, {
      headers: { authorization: `Bearer ${supervisor}` },
    });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}`);
    return body.byteLength;
  };
  const measure = (path: string, label: string, maxSeconds: number, c: number) =>
    runLoad({ label, concurrency: c, total: 10_000_000, maxSeconds, op: () => get(path) });

  const results: {
    size: number;
    shape: ReadModelShape;
    counted: { decidedItems: number; completedStages: number; figures: unknown };
    routes: {
      key: string;
      path: string;
      serial: Omit<LoadResult, 'samples'>;
      loaded: Omit<LoadResult, 'samples'>;
      cpu: string;
    }[];
    plans: Plan[];
  }[] = [];
  for (const [n, size] of sizes.entries()) {
    await cloneTo(pg, size);
    const shape = await readModelShape(pg);
    const [counted] = (
      await pg.query<{ d: string; s: string }>(
        `SELECT (SELECT count(*) FROM project_items WHERE decided_on IS NOT NULL) AS d,
                (SELECT count(*) FROM projects p, jsonb_array_elements(p.state->'stages') s
                 WHERE s->>'completedOn' IS NOT NULL) AS s`,
      )
    ).rows;
    const figures = await api.get<{ from: string; to: string }>('/api/statistics', supervisor);
    run.log(
      `read model: ${shape.projects} projects, ${shape.items} items, ${counted.d} decided items, ${counted.s} completed stages; statistics ${JSON.stringify(figures).slice(0, 300)}…`,
    );
    if (n === 0) for (const r of ROUTES) await measure(r.path, `warm-up ${r.key}`, 2, 1);
    const routes = [];
    for (const r of ROUTES) {
      const serial = await measure(r.path, `${r.key} ${size} one at a time`, serialSeconds, 1);
      const m = await withCpu(stack.cpuGroups, () =>
        measure(r.path, `${r.key} ${size} c=${concurrency}`, seconds, concurrency),
      );
      const cpu = describeCpu(m.cpu, run.machine.cores);
      run.log(
        `  ${r.path}: one at a time p50 ${serial.latency.p50Ms} ms, p99 ${serial.latency.p99Ms} ms; at c=${concurrency} ${m.value.rate}/s, p50 ${m.value.latency.p50Ms} ms, p99 ${m.value.latency.p99Ms} ms, ${m.value.errors + serial.errors} errors; ${cpu}`,
      );
      routes.push({
        key: r.key,
        path: r.path,
        serial: withoutSamples(serial),
        loaded: withoutSamples(m.value),
        cpu,
      });
    }
    const plans = await explainAll(pg, figures.from, figures.to);
    for (const p of plans)
      run.log(`  EXPLAIN ${p.executionMs} ms (planning ${p.planningMs} ms): ${p.statement}`);
    results.push({
      size,
      shape,
      counted: { decidedItems: Number(counted.d), completedStages: Number(counted.s), figures },
      routes,
      plans,
    });
  }
  stack.assertAlive();
  const largest = results[results.length - 1];
  const worst = Math.max(...largest.routes.map((r) => r.serial.latency.p99Ms));
  const target = {
    size: largest.size,
    target: `p99 < ${TARGET_MS} ms one request at a time`,
    value: worst,
    met: worst < TARGET_MS,
  };
  run.log(`target: ${worst} ms (${target.target}) → ${target.met ? 'met' : 'MISSED'}`);
  await run.snapshotLoad('after');
  await pg.end();
  const files = writeResults('statistics', {
    benchmark: 'statistics',
    ...run.conditions(),
    settings: { sizes, seconds, concurrency, serialSeconds },
    target,
    results,
  });
  run.log(`wrote ${files.join(', ')}`);
});
