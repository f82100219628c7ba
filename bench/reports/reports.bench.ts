/*
 * Reports and lists: `GET /api/projects/:id` (the report, computed from the stored state) and
 * four filtered lists (risk + department, stage + type, overdue, name search), at 1,000, 10,000
 * and 100,000 projects in the read model, against a trivial route of the same app,
 * `GET /api/auth/me` (same auth guard, answers the caller). All as the demo `supervisor` (sees
 * every project), at a fixed concurrency, closed loop. Targets (issue 16), at every size from
 * 10,000: the report ≥ 0.8 × the trivial route's throughput with p99 ≤ 1.5 × its p99; each list
 * ≥ 0.5 × with p99 ≤ 3 ×. Also writes bench/results/reports-scale.svg: latency by size.
 *
 *   npm run bench:reports      # ~4 min (builds dist/ first)
 *
 * The read model is filled with a few dozen real projects made through the API in varied states
 * (bench/reports/fill.ts), then their rows cloned in SQL up to each size: the benchmark measures
 * reads, which do not care who wrote the rows. Each route is measured for BENCH_SECONDS per size
 * in two halves, in ABBA order (me, report, lists, then the reverse), so drift in the shared
 * machine's load hits all routes alike; then for BENCH_SERIAL_SECONDS one request at a time
 * (latency without queueing behind the other requests in flight). The list's two statements are
 * captured from PostgreSQL and explained (EXPLAIN ANALYZE, BUFFERS, SERIALIZE) at each size. When
 * a target is missed (or with BENCH_DIAGNOSE=1) the API and the worker are CPU-profiled during a
 * further run of each route that missed, and of the trivial route.
 *
 * Options (environment): BENCH_SIZES (default 1000,10000,100000), BENCH_SECONDS per route and size
 * (default 12), BENCH_CONCURRENCY (default 10), BENCH_SERIAL_SECONDS (default 4),
 * BENCH_DIAGNOSE=1, BENCH_KEEP=1.
 * Writes bench/results/reports.json and .svg.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Client as PgClient } from 'pg';
import {
  ApiClient,
  BenchRun,
  CpuWindow,
  LoadResult,
  RESULTS_DIR,
  barChart,
  describeCpu,
  envLevels,
  envNumber,
  lineChart,
  mergeCpuWindows,
  mergeLoadResults,
  ratio,
  round,
  runBench,
  runLoad,
  startStack,
  svgDocument,
  withCpu,
  withProfiles,
  withoutSamples,
  writeResults,
  type ProfileSummary,
} from '../lib';
import { ExplainedStatement, ListFilters, explain, listStatements } from './explain';
import { ReadModelShape, cloneTo, createRealProjects, readModelShape } from './fill';

/** Issue 16: throughput ÷ the trivial route's, and p99 ÷ its p99, at concurrency 10. */
const TARGETS = {
  report: { throughput: 0.8, p99: 1.5 },
  list: { throughput: 0.5, p99: 3 },
};
/** Targets apply from this size on (the smaller sizes are the scale curve's first point). */
const TARGET_FROM_SIZE = 10_000;

interface Route {
  key: 'me' | 'report' | 'listRisk' | 'listStage' | 'listOverdue' | 'listName';
  label: string;
  filters?: ListFilters;
}

const LIST_RISK: ListFilters = { risk: 'AT_RISK', department: 'NRP', pageSize: 20 };
const LIST_STAGE: ListFilters = { stage: 'PLAN', type: 'SOCIAL_INVESTMENT', pageSize: 20 };
const LIST_OVERDUE: ListFilters = { overdue: true, pageSize: 20 };
/** Clone k is named `… · 副本 k`: this matches k = 777, 7770–7779, 77700–77799. */
const LIST_NAME: ListFilters = { q: '副本 777', pageSize: 20 };
const query = (f: ListFilters) =>
  Object.entries(f)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

const ROUTES: Route[] = [
  { key: 'me', label: 'GET /api/auth/me' },
  { key: 'report', label: 'GET /api/projects/:id' },
  { key: 'listRisk', label: `GET /api/projects?${query(LIST_RISK)}`, filters: LIST_RISK },
  { key: 'listStage', label: `GET /api/projects?${query(LIST_STAGE)}`, filters: LIST_STAGE },
  {
    key: 'listOverdue',
    label: `GET /api/projects?${query(LIST_OVERDUE)}`,
    filters: LIST_OVERDUE,
  },
  { key: 'listName', label: `GET /api/projects?q=副本 777&pageSize=20`, filters: LIST_NAME },
];

interface RouteResult {
  route: Route;
  load: LoadResult;
  cpu: CpuWindow;
  /** The same route one request at a time: latency without queueing. */
  serial: LoadResult;
  responseBytes: number;
  /** Rows matching the filter (the list's `total`), for the lists. */
  total?: number;
}

interface SizeResult {
  size: number;
  shape: ReadModelShape;
  routes: RouteResult[];
  explained: ExplainedStatement[];
}

runBench('reports', async () => {
  const run = new BenchRun('reports');
  const sizes = envLevels('BENCH_SIZES', [1000, 10000, 100000]);
  const seconds = envNumber('BENCH_SECONDS', 12);
  const concurrency = envNumber('BENCH_CONCURRENCY', 10);
  const serialSeconds = envNumber('BENCH_SERIAL_SECONDS', 4);
  const diagnose = process.env.BENCH_DIAGNOSE === '1';
  run.header();
  await run.snapshotLoad('before');

  // The profiler hook is loaded but idle unless a target is missed (or BENCH_DIAGNOSE=1).
  const stack = await startStack({ name: 'reports', log: run.log, app: { profile: true } });
  const api = new ApiClient(stack.apiUrl!);
  const supervisor = await api.login('supervisor', 'demo');
  const who = await api.get<{ username: string; role: string }>('/api/auth/me', supervisor);
  if (who.role !== 'SUPERVISOR') throw new Error(`supervisor is ${JSON.stringify(who)}`);
  run.log(`signed in as ${who.username} (${who.role}); demo accounts exist (APPROVALS_EMBEDDED=1)`);

  const t0 = performance.now();
  run.log('making real projects through the API (applicant, window, officers, admin imports)…');
  const real = await createRealProjects(api, run.log, randomUUID().slice(0, 8));
  const tally = (k: 'risk' | 'stage' | 'type') =>
    Object.entries(
      real.reduce<Record<string, number>>((a, p) => ({ ...a, [p[k]]: (a[p[k]] ?? 0) + 1 }), {}),
    )
      .map(([v, n]) => `${v} ${n}`)
      .join(', ');
  run.log(
    `${real.length} real projects in ${((performance.now() - t0) / 1000).toFixed(0)} s; risk: ${tally('risk')}; stage: ${tally('stage')}`,
  );

  const pg = new PgClient({ connectionString: stack.databaseUrl });
  await pg.connect();

  /** One GET, body read and dropped; throws on a non-200. */
  const get = async (path: string): Promise<number> => {
    const res = await fetch(`${stack.apiUrl}${path}`, {
      headers: { authorization: `Bearer ${supervisor}` },
    });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}`);
    return body.byteLength;
  };

  let ids: string[] = [];
  const pathOf = (route: Route, i: number): string => {
    if (route.key === 'me') return '/api/auth/me';
    if (route.key === 'report') return `/api/projects/${ids[(i * 7919 + 13) % ids.length]}`;
    return `/api/projects?${query(route.filters!)}`;
  };
  const measure = (route: Route, label: string, maxSeconds: number, c = concurrency) =>
    runLoad({
      label,
      concurrency: c,
      total: 10_000_000,
      maxSeconds,
      op: (i) => get(pathOf(route, i)),
    });

  const results: SizeResult[] = [];
  for (const [n, size] of sizes.entries()) {
    const tc = performance.now();
    const added = await cloneTo(pg, size);
    const shape = await readModelShape(pg);
    run.log(
      `read model: ${shape.projects} projects (${added} cloned now, ANALYZEd in ${((performance.now() - tc) / 1000).toFixed(1)} s), ${shape.items} items; projects ${shape.projectsTableMB} MB, items ${shape.itemsTableMB} MB; state ${shape.stateStoredBytesAvg} B stored / ${shape.stateTextBytesAvg} B as text per row; risk ${JSON.stringify(shape.byRisk)}`,
    );
    ids = (await pg.query<{ id: string }>('SELECT id FROM projects ORDER BY id')).rows.map(
      (r) => r.id,
    );

    if (n === 0) {
      run.log('warm-up: 3 s of each route (not recorded)…');
      for (const r of ROUTES) await measure(r, `warm-up ${r.key}`, 3);
    }

    // The list's SQL, as the API builds it, and its plans.
    const explained: ExplainedStatement[] = [];
    for (const r of ROUTES.filter((x) => x.filters)) {
      for (const st of listStatements(r.filters!)) {
        const e = await explain(pg, st, 50);
        explained.push(e);
        run.log(
          `  ${r.key} ${e.kind}: execution ${e.executionMs} ms (planning ${e.planningMs} ms); alone from here p50 ${e.directMs.p50} ms, p99 ${e.directMs.p99} ms`,
        );
      }
    }

    run.log(
      `${size} projects: ${ROUTES.map((r) => r.key).join(', ')} then the reverse, ${seconds / 2} s each, concurrency ${concurrency}…`,
    );
    const parts = new Map<Route, { load: LoadResult; cpu: CpuWindow }[]>();
    for (const part of [0, 1]) {
      for (const r of part === 0 ? ROUTES : [...ROUTES].reverse()) {
        const m = await withCpu(stack.cpuGroups, () =>
          measure(r, `${r.key} ${size} (${part + 1}/2)`, seconds / 2),
        );
        if (!parts.has(r)) parts.set(r, []);
        parts.get(r)!.push({ load: m.value, cpu: m.cpu });
      }
    }
    // One at a time: what a request costs without waiting behind the other nine.
    const serial = new Map<Route, LoadResult>();
    for (const r of ROUTES)
      serial.set(r, await measure(r, `${r.key} ${size} one at a time`, serialSeconds, 1));
    stack.assertAlive();
    const routes: RouteResult[] = [];
    for (const r of ROUTES) {
      const p = parts.get(r)!;
      const load = mergeLoadResults(
        `${r.key} ${size}`,
        p.map((x) => x.load),
      );
      const cpu = mergeCpuWindows(p.map((x) => x.cpu));
      const sample = await fetch(`${stack.apiUrl}${pathOf(r, 1)}`, {
        headers: { authorization: `Bearer ${supervisor}` },
      });
      const text = await sample.text();
      const total = r.filters ? (JSON.parse(text) as { total: number }).total : undefined;
      const one = serial.get(r)!;
      routes.push({
        route: r,
        load,
        cpu,
        serial: one,
        responseBytes: Buffer.byteLength(text),
        total,
      });
      run.log(
        `  ${r.label}: ${load.rate}/s, p50 ${load.latency.p50Ms} ms, p99 ${load.latency.p99Ms} ms, ${load.errors} errors${total !== undefined ? `, ${total} matching` : ''}; one at a time p50 ${one.latency.p50Ms} ms, p99 ${one.latency.p99Ms} ms; ${describeCpu(cpu, run.machine.cores)}`,
      );
    }
    results.push({ size, shape, routes, explained });
  }

  // ── Targets, at the largest size ──────────────────────────────────────────────────────────
  const summary = results.map((s) => {
    const me = s.routes.find((r) => r.route.key === 'me')!;
    return {
      size: s.size,
      routes: s.routes.map((r) => ({
        key: r.route.key,
        route: r.route.label,
        requestsPerSecond: r.load.rate,
        p50Ms: r.load.latency.p50Ms,
        p99Ms: r.load.latency.p99Ms,
        oneAtATimeP50Ms: r.serial.latency.p50Ms,
        oneAtATimeP99Ms: r.serial.latency.p99Ms,
        apiCpuMsPerRequest: round(
          ((r.cpu.groups.api?.cpuSeconds ?? NaN) * 1000) / r.load.completed,
          2,
        ),
        throughputVsTrivial: ratio(r.load.rate, me.load.rate),
        ...(r.total !== undefined ? { matching: r.total } : {}),
      })),
    };
  });
  const largest = summary[summary.length - 1];
  const targets = summary
    .filter((s) => s.size >= TARGET_FROM_SIZE)
    .flatMap((s) => {
      const me = s.routes.find((r) => r.key === 'me')!;
      return s.routes
        .filter((r) => r.key !== 'me')
        .map((r) => {
          const t = r.key === 'report' ? TARGETS.report : TARGETS.list;
          const p99VsTrivial = ratio(r.p99Ms, me.p99Ms);
          return {
            size: s.size,
            key: r.key,
            target: `≥ ${t.throughput} × auth/me's throughput, p99 ≤ ${t.p99} × its p99`,
            throughputVsTrivial: r.throughputVsTrivial,
            p99VsTrivial,
            met: r.throughputVsTrivial >= t.throughput && p99VsTrivial <= t.p99,
          };
        });
    });
  for (const t of targets)
    run.log(
      `target ${t.key} at ${t.size}: ${t.throughputVsTrivial} × throughput, ${t.p99VsTrivial} × p99 (${t.target}) → ${t.met ? 'met' : 'MISSED'}`,
    );

  // ── Profiles of what missed ────────────────────────────────────────────────────────────────
  const missed = new Set<Route['key']>(
    targets.filter((t) => t.size === largest.size && !t.met).map((t) => t.key),
  );
  // The trivial route too, when anything is profiled: what every request pays.
  if (diagnose || missed.size)
    for (const r of ROUTES) if (r.key === 'me' || diagnose) missed.add(r.key);
  const profiles: Record<string, { load: unknown; profiles?: Record<string, ProfileSummary> }> = {};
  if (process.env.BENCH_PROFILE !== '0')
    for (const r of ROUTES.filter((x) => missed.has(x.key))) {
      run.log(`profiling the API and the worker during ${seconds / 2} s of ${r.label}…`);
      const p = await withProfiles(stack, `${r.key} ${largest.size}`, true, run.log, () =>
        measure(r, `profiled ${r.key}`, seconds / 2),
      );
      profiles[r.key] = { load: withoutSamples(p.value), profiles: p.profiles };
    }

  await pg.end();
  await stack.stop();
  await run.snapshotLoad('after');

  const data = {
    benchmark: 'reports',
    description:
      'GET /api/projects/:id (report from the stored state) and filtered lists vs GET /api/auth/me (same guard), as supervisor, closed loop at fixed concurrency, by projects in the read model',
    ...run.conditions(),
    temporal: { server: 'temporal CLI dev server', persistence: stack.temporalDb },
    settings: {
      sizes,
      secondsPerRouteAndSize: seconds,
      concurrency,
      order: 'per size: every route, then the reverse (half the time each)',
      reportIds: 'spread over every row of the read model (real and cloned)',
    },
    fill: {
      how: 'real projects made through the API in varied states, then their rows cloned in SQL (projects with a new id replaced throughout state, task ids included, a distinct name, updated_at spread over 120 days; project_items with the new project and task ids); ANALYZE after each fill. The benchmark measures reads, which do not care who wrote the rows.',
      realProjects: real,
    },
    targets,
    summary,
    sizes: results.map((s) => ({
      size: s.size,
      readModel: s.shape,
      routes: s.routes.map((r) => ({
        key: r.route.key,
        route: r.route.label,
        responseBytes: r.responseBytes,
        ...(r.total !== undefined ? { matching: r.total } : {}),
        ...withoutSamples(r.load),
        cpu: r.cpu,
        oneAtATime: withoutSamples(r.serial),
      })),
      listSql: s.explained,
    })),
    ...(Object.keys(profiles).length ? { profiles } : {}),
  };

  const categories = results.flatMap((s) => [`${s.size}`]);
  const series = (pick: (r: RouteResult) => number) =>
    ROUTES.map((route) => ({
      name: route.key === 'me' ? 'auth/me' : route.key,
      values: results.map((s) => pick(s.routes.find((r) => r.route === route)!)),
    }));
  const svg = svgDocument([
    barChart({
      title: `Requests/s at concurrency ${concurrency}, by projects in the read model`,
      subtitle: `listRisk: risk=AT_RISK&department=NRP, listStage: stage=PLAN&type=SOCIAL_INVESTMENT (pageSize 20)`,
      categories: categories.map((c) => `${c} projects`),
      series: series((r) => r.load.rate),
      unit: 'requests/s',
      width: 820,
    }),
    barChart({
      title: `Latency p99 at concurrency ${concurrency}`,
      subtitle: `as supervisor; ${run.machine.cores} cores shared with the load generator, node ${run.machine.node}`,
      categories: categories.map((c) => `${c} projects`),
      series: series((r) => r.load.latency.p99Ms),
      unit: 'ms',
      width: 820,
    }),
    barChart({
      title: 'Latency p99, one request at a time',
      categories: categories.map((c) => `${c} projects`),
      series: series((r) => r.serial.latency.p99Ms),
      unit: 'ms',
      width: 820,
    }),
    barChart({
      title: 'Throughput ÷ GET /api/auth/me',
      categories: categories.map((c) => `${c} projects`),
      series: series((r) => {
        const me = results
          .find((s) => s.routes.includes(r))!
          .routes.find((x) => x.route.key === 'me')!;
        return ratio(r.load.rate, me.load.rate);
      }),
      references: [
        { value: TARGETS.report.throughput, label: `report ≥ ${TARGETS.report.throughput}` },
        { value: TARGETS.list.throughput, label: `lists ≥ ${TARGETS.list.throughput}` },
      ],
      height: 260,
      width: 820,
    }),
  ]);
  for (const f of writeResults('reports', data, svg)) run.log(`wrote ${f}`);
  // The scale curve: each route's latency against the size of the read model (log scale).
  const scale = svgDocument([
    lineChart({
      title: `Latency by projects in the read model: p50 at concurrency ${concurrency}`,
      subtitle: 'x: log10(projects ÷ 1,000): 0 = 1,000, 1 = 10,000, 2 = 100,000',
      series: series((r) => r.load.latency.p50Ms).map((x) => ({
        name: x.name,
        points: results.map((s, j) => ({ x: Math.log10(s.size / 1000), y: x.values[j] })),
      })),
      xUnit: 'log10(projects ÷ 1,000)',
      yUnit: 'ms',
      width: 820,
    }),
    lineChart({
      title: `Latency p99 at concurrency ${concurrency}`,
      series: series((r) => r.load.latency.p99Ms).map((x) => ({
        name: x.name,
        points: results.map((s, j) => ({ x: Math.log10(s.size / 1000), y: x.values[j] })),
      })),
      xUnit: 'log10(projects ÷ 1,000)',
      yUnit: 'ms',
      width: 820,
    }),
  ]);
  const scaleFile = join(RESULTS_DIR, 'reports-scale.svg');
  writeFileSync(scaleFile, scale);
  run.log(`wrote ${relative(process.cwd(), scaleFile)}`);
  run.log(
    `projects | route     |   req/s | p50 ms | p99 ms | c=1 p50/p99 ms | API CPU ms/req | ÷ auth/me  (c=${concurrency})`,
  );
  for (const s of summary)
    for (const r of s.routes)
      run.log(
        `${String(s.size).padStart(8)} | ${r.key.padEnd(11)} | ${String(r.requestsPerSecond).padStart(7)} | ${String(r.p50Ms).padStart(6)} | ${String(r.p99Ms).padStart(6)} | ${`${r.oneAtATimeP50Ms}/${r.oneAtATimeP99Ms}`.padStart(14)} | ${String(r.apiCpuMsPerRequest).padStart(14)} | ${r.throughputVsTrivial}`,
      );
});
