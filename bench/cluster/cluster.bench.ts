/*
 * The Temporal cluster beside the dev server: project start (bench/project-start) and decisions
 * (bench/decisions), each run on the dev server (SQLite file, as `npm start`) and then on the
 * real cluster (four Temporal service processes on the same PostgreSQL as the read model, as
 * `npm run start:cluster`), one after the other on one machine. Each run is the unchanged
 * benchmark in its own process with BENCH_TEMPORAL=dev|cluster; its own JSON goes to a scratch
 * folder, and this script writes the side-by-side figures (and each run whole) to
 * bench/results/cluster.json and .svg. The product is one API and one worker in every run, so
 * only the Temporal server differs.
 *
 *   npm run bench:cluster      # ~15 min at the defaults (builds dist/ first)
 *
 * Options (environment): BENCH_START_LEVELS (default 10,50), BENCH_DECISION_LEVELS (default
 * 20,50), BENCH_SECONDS per measurement (default 15), BENCH_PROJECTS per decisions level
 * (default 50); BENCH_KEEP=1 keeps the scratch folders.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BenchRun,
  ROOT,
  barChart,
  buildDist,
  onCleanup,
  ratio,
  runBench,
  svgDocument,
  writeResults,
} from '../lib';

const KINDS = ['dev', 'cluster'] as const;
type Kind = (typeof KINDS)[number];

interface Latency {
  p50Ms: number;
  p99Ms: number;
}
interface StartResult {
  temporal: { label: string };
  levels: { concurrency: number; projectsPerSecond: number; start: { latency: Latency } }[];
}
interface DecisionsResult {
  temporal: { label: string };
  levels: {
    concurrency: number;
    decisionsPerSecond: number;
    decision: Latency;
    visibleInReport: Latency;
    rawUpdate: Latency;
  }[];
}

const BENCHES = {
  'project-start': { file: 'project-start/project-start.bench.ts', levels: 'BENCH_START_LEVELS' },
  decisions: { file: 'decisions/decisions.bench.ts', levels: 'BENCH_DECISION_LEVELS' },
} as const;
type Bench = keyof typeof BENCHES;

const DEFAULT_LEVELS: Record<Bench, string> = { 'project-start': '10,50', decisions: '20,50' };

/** One benchmark on one kind of Temporal server, in its own process; answers its JSON. */
function runOne(run: BenchRun, bench: Bench, kind: Kind, dir: string): Promise<unknown> {
  const spec = BENCHES[bench];
  run.log(`--- ${bench} on the ${kind === 'dev' ? 'dev server' : 'cluster'} ---`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', spec.file)], {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        BENCH_TEMPORAL: kind,
        BENCH_RESULTS_DIR: dir,
        BENCH_BUILT: '1',
        BENCH_LEVELS: process.env[spec.levels] ?? DEFAULT_LEVELS[bench],
        BENCH_SECONDS: process.env.BENCH_SECONDS ?? '15',
      },
    });
    const unregister = onCleanup(`${bench} on ${kind}`, () => void child.kill('SIGINT'));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      unregister();
      if (code !== 0) return reject(new Error(`${bench} on ${kind}: exit ${code ?? signal}`));
      resolve(JSON.parse(readFileSync(join(dir, `${bench}.json`), 'utf8')));
    });
  });
}

runBench('cluster', async () => {
  const run = new BenchRun('cluster');
  run.header();
  await run.snapshotLoad('before');
  await buildDist(run.log);
  const start = {} as Record<Kind, StartResult>;
  const decisions = {} as Record<Kind, DecisionsResult>;
  for (const bench of Object.keys(BENCHES) as Bench[])
    for (const kind of KINDS) {
      const dir = mkdtempSync(join(tmpdir(), `bench-cluster-${kind}-`));
      try {
        const result = await runOne(run, bench, kind, dir);
        if (bench === 'project-start') start[kind] = result as StartResult;
        else decisions[kind] = result as DecisionsResult;
      } finally {
        if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
      }
    }
  await run.snapshotLoad('after');

  const byLevel = <L extends { concurrency: number }>(r: Record<Kind, { levels: L[] }>) =>
    r.dev.levels.map((d) => ({
      concurrency: d.concurrency,
      dev: d,
      cluster: r.cluster.levels.find((c) => c.concurrency === d.concurrency),
    }));
  const startLevels = byLevel(start).map(({ concurrency, dev, cluster }) => ({
    concurrency,
    projectsPerSecond: { dev: dev.projectsPerSecond, cluster: cluster?.projectsPerSecond },
    latencyMs: { dev: dev.start.latency, cluster: cluster?.start.latency },
    clusterToDevRate: cluster ? ratio(cluster.projectsPerSecond, dev.projectsPerSecond) : null,
  }));
  const decisionLevels = byLevel(decisions).map(({ concurrency, dev, cluster }) => ({
    concurrency,
    decisionsPerSecond: { dev: dev.decisionsPerSecond, cluster: cluster?.decisionsPerSecond },
    decisionMs: { dev: dev.decision, cluster: cluster?.decision },
    visibleInReportMs: { dev: dev.visibleInReport, cluster: cluster?.visibleInReport },
    rawUpdateMs: { dev: dev.rawUpdate, cluster: cluster?.rawUpdate },
    clusterToDevP99: cluster ? ratio(cluster.decision.p99Ms, dev.decision.p99Ms) : null,
  }));
  const data = {
    benchmark: 'cluster',
    description:
      'bench:start and bench:decisions on the Temporal dev server (SQLite file) and then on the Temporal cluster (four service processes on PostgreSQL), one API and one worker each, one after the other',
    ...run.conditions(),
    servers: { dev: start.dev.temporal, cluster: start.cluster.temporal },
    projectStart: startLevels,
    decisions: decisionLevels,
    runs: { projectStart: start, decisions },
  };
  const series = <T>(rows: T[], name: string, pick: (r: T) => number | undefined) => ({
    name,
    values: rows.map((r) => pick(r) ?? null),
  });
  const subtitle = `${run.machine.cores} cores, node ${run.machine.node}, load before ${run.before?.loadAverage[0] ?? '?'}; dev: ${start.dev.temporal.label}; cluster: ${start.cluster.temporal.label}`;
  const svg = svgDocument([
    barChart({
      title: 'Projects started/s through the API: dev server vs. cluster',
      subtitle,
      categories: startLevels.map((l) => `c=${l.concurrency}`),
      series: [
        series(startLevels, 'dev server', (l) => l.projectsPerSecond.dev),
        series(startLevels, 'cluster', (l) => l.projectsPerSecond.cluster),
      ],
      unit: 'per second',
    }),
    barChart({
      title: 'Project start latency p50 / p99',
      categories: startLevels.map((l) => `c=${l.concurrency}`),
      series: [
        series(startLevels, 'dev p50', (l) => l.latencyMs.dev.p50Ms),
        series(startLevels, 'dev p99', (l) => l.latencyMs.dev.p99Ms),
        series(startLevels, 'cluster p50', (l) => l.latencyMs.cluster?.p50Ms),
        series(startLevels, 'cluster p99', (l) => l.latencyMs.cluster?.p99Ms),
      ],
      unit: 'ms',
    }),
    barChart({
      title: 'Decision latency (HTTP → 200) p50 / p99: dev server vs. cluster',
      categories: decisionLevels.map((l) => `${l.concurrency} officers`),
      series: [
        series(decisionLevels, 'dev p50', (l) => l.decisionMs.dev.p50Ms),
        series(decisionLevels, 'dev p99', (l) => l.decisionMs.dev.p99Ms),
        series(decisionLevels, 'cluster p50', (l) => l.decisionMs.cluster?.p50Ms),
        series(decisionLevels, 'cluster p99', (l) => l.decisionMs.cluster?.p99Ms),
      ],
      unit: 'ms',
    }),
  ]);
  for (const f of writeResults('cluster', data, svg)) run.log(`wrote ${f}`);
  run.log('project start  | c   | dev/s | cluster/s | dev p50/p99 ms | cluster p50/p99 ms');
  for (const l of startLevels)
    run.log(
      `               | ${String(l.concurrency).padStart(3)} | ${l.projectsPerSecond.dev} | ${l.projectsPerSecond.cluster} | ${l.latencyMs.dev.p50Ms}/${l.latencyMs.dev.p99Ms} | ${l.latencyMs.cluster?.p50Ms}/${l.latencyMs.cluster?.p99Ms}`,
    );
  run.log('decisions      | c   | dev/s | cluster/s | dev p50/p99 ms | cluster p50/p99 ms');
  for (const l of decisionLevels)
    run.log(
      `               | ${String(l.concurrency).padStart(3)} | ${l.decisionsPerSecond.dev} | ${l.decisionsPerSecond.cluster} | ${l.decisionMs.dev.p50Ms}/${l.decisionMs.dev.p99Ms} | ${l.decisionMs.cluster?.p50Ms}/${l.decisionMs.cluster?.p99Ms}`,
    );
});
