/*
 * The day boundary: BOUNDARY_PROJECTS (10,000) running projects whose warning instants all fall
 * on the same Shanghai midnight. Target (issue 16): every warning in the read model and the
 * notices within 5 minutes of the instant, while officers' decisions made meanwhile keep p99
 * ≤ 2 × their quiet p99.
 *
 *   npm run bench:day-boundary      # ~6 min (builds dist/ first)
 *
 * How the instant is reached without waiting for midnight: the deadline sweep
 * (apps/worker/src/deadline-sweep.ts) takes the instant it sweeps at, and this benchmark
 * runs it `asOf` the projects' shared warning instant (+1 ms), as the worker's own sweep does at
 * that midnight. It runs here, in the benchmark's process (the "bench client" CPU group), on the
 * stack's PostgreSQL; the worker's own sweep is off (DEADLINE_SWEEP_SECONDS=0) so that only one
 * sweeps. The projects' workflows are not woken at all: their own wake-ups for these instants
 * are spread over RISK_WAKE_SPREAD_MINUTES (120) by id — the benchmark reports how many would
 * fall in the busiest minute.
 *
 * The projects: BOUNDARY_SOURCES (20) logistics parks made through the API (PLAN accepted today:
 * six items under review, all warning on the same day), their rows cloned in SQL up to
 * BOUNDARY_PROJECTS (bench/reports/fill.ts), then BOUNDARY_DECISION_PROJECTS (1,500) more
 * logistics parks, real ones, for the officers to decide on — due at the same instant, their
 * warned items decided last, so the sweep and the decisions meet on the same rows too. Decisions (`POST /api/tasks/:id/decision`
 * APPROVE, the demo officer of the item's department, BOUNDARY_OFFICERS = 20 at once, closed
 * loop): BOUNDARY_QUIET_SECONDS (30) before the sweep, throughout the sweep, and as long again
 * after it; the quiet p99 is that of before and after together.
 *
 * Options (environment): BOUNDARY_PROJECTS, BOUNDARY_SOURCES, BOUNDARY_DECISION_PROJECTS,
 * BOUNDARY_OFFICERS, BOUNDARY_QUIET_SECONDS, BENCH_KEEP=1.
 * Writes bench/results/day-boundary.json and .svg.
 */
import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { createDeadlineSweep, type SweepResult } from '../../apps/worker/src/deadline-sweep';
import { wakeDelayMs } from '../../libs/approval/src';
import { parseDatabaseConfig } from '../../libs/config/src';
import { dataSourceOptions, openDataSource } from '../../libs/persistence/src';
import {
  ApiClient,
  BenchRun,
  LoadResult,
  cpuPerOperation,
  barChart,
  describeCpu,
  envNumber,
  mergeLoadResults,
  ratio,
  runBench,
  runLoad,
  startStack,
  svgDocument,
  withCpu,
  withoutSamples,
  writeResults,
} from '../lib';
import { preparePlanTasks, type Task } from '../decisions/plan-tasks';
import { cloneTo } from '../reports/fill';

const SPREAD_MINUTES = 120;
const TARGET_SWEEP_S = 300;
const TARGET_RATIO = 2;

runBench('day-boundary', async () => {
  const run = new BenchRun('day-boundary');
  const projects = envNumber('BOUNDARY_PROJECTS', 10_000);
  const sources = envNumber('BOUNDARY_SOURCES', 20);
  const decisionProjects = envNumber('BOUNDARY_DECISION_PROJECTS', 1_500);
  const officers = envNumber('BOUNDARY_OFFICERS', 20);
  const quietSeconds = envNumber('BOUNDARY_QUIET_SECONDS', 30);
  run.header();
  await run.snapshotLoad('before');

  const stack = await startStack({
    name: 'day-boundary',
    log: run.log,
    app: { env: { DEADLINE_SWEEP_SECONDS: '0' } },
  });
  const api = new ApiClient(stack.apiUrl!);
  const tokens = {
    applicant: await api.login('applicant', 'demo'),
    window: await api.login('window', 'demo'),
  };
  const runId = randomUUID().slice(0, 8);
  const pg = new PgClient({ connectionString: stack.databaseUrl });
  await pg.connect();

  run.log(`${sources} logistics parks through the API, then cloned in SQL to ${projects}…`);
  await preparePlanTasks(api, tokens, 'sources', sources, runId);
  await cloneTo(pg, projects);
  run.log(`${decisionProjects} more logistics parks for the officers to decide on…`);
  // Last items first: a logistics park's first items are the ones that warn at the instant, so
  // they stay under review into the sweep, and the sweep and the decisions meet on those rows.
  const tasks = (
    await preparePlanTasks(api, tokens, 'decisions', decisionProjects, runId)
  ).reverse();
  const officerTokens = new Map<string, string>();
  for (const dept of new Set(tasks.map((t) => t.department)))
    officerTokens.set(dept, await api.login(`officer.${dept}`, 'demo'));

  const [{ instant, due }] = (
    await pg.query<{ instant: Date; due: string }>(
      `SELECT min(LEAST(warns_at, overdue_at)) AS instant, count(*) AS due FROM projects
       WHERE status = 'IN_PROGRESS'`,
    )
  ).rows;
  const asOf = new Date(instant.getTime() + 1).toISOString();
  const dueAtOnce = Number(
    (
      await pg.query<{ n: string }>(
        `SELECT count(*) AS n FROM projects WHERE status = 'IN_PROGRESS'
         AND LEAST(warns_at, overdue_at) <= $1`,
        [asOf],
      )
    ).rows[0].n,
  );
  run.log(`${dueAtOnce} of ${due} running projects cross at ${instant.toISOString()}`);

  let next = 0;
  const decide = async (t: Task) =>
    api.post(
      `/api/tasks/${encodeURIComponent(t.taskId)}/decision`,
      { action: 'APPROVE' },
      { token: officerTokens.get(t.department)!, ok: [200] },
    );
  const decisions = (label: string, maxSeconds: number) =>
    runLoad({
      label,
      concurrency: officers,
      total: tasks.length - next,
      maxSeconds,
      op: () => {
        const t = tasks[next++];
        if (!t) throw new Error('out of decision tasks: raise BOUNDARY_DECISION_PROJECTS');
        return decide(t);
      },
    });
  const window = async (label: string, fn: () => Promise<LoadResult>) => {
    const { value, cpu } = await withCpu(() => stack.cpuGroups(), fn);
    run.log(
      `${label}: ${value.completed} decisions, p50 ${value.latency.p50Ms} ms, p99 ${value.latency.p99Ms} ms, ${value.errors} errors; ${describeCpu(cpu, run.machine.cores)}`,
    );
    return { load: value, cpu };
  };

  run.log('warm-up: 5 s of decisions (not recorded)…');
  await decisions('warm-up', 5);
  const before = await window('quiet, before', () => decisions('quiet before', quietSeconds));

  const ds = await openDataSource(
    dataSourceOptions(parseDatabaseConfig({ DATABASE_URL: stack.databaseUrl }), 'bench-sweep'),
  );
  const sweep = createDeadlineSweep({ dataSource: ds });
  let swept: SweepResult | undefined;
  let sweepMs = 0;
  let decisionsRanOut = false;
  const during = await window('during the sweep', async () => {
    const t0 = performance.now();
    const done = sweep.sweepDeadlines({ asOf }).then((r) => {
      sweepMs = performance.now() - t0;
      swept = r;
    });
    const parts: LoadResult[] = [];
    while (!swept && next < tasks.length) parts.push(await decisions('during the sweep', 5));
    if (!swept) {
      decisionsRanOut = true;
      run.log('out of decision tasks before the sweep ended: raise BOUNDARY_DECISION_PROJECTS');
    }
    await done;
    return mergeLoadResults('during the sweep', parts);
  });
  run.log(
    `sweep as of ${asOf}: ${swept!.swept} projects, ${swept!.events} events, ${swept!.notices} notices, ${swept!.skipped} left to their workflow, in ${(sweepMs / 1000).toFixed(1)} s`,
  );
  const after = await window('quiet, after', () => decisions('quiet after', quietSeconds));
  await ds.destroy();

  // What the read model holds now, as of the instant.
  const [held] = (
    await pg.query<{ left: string; at_risk: string; warnings: string; keyed_events: string }>(
      `SELECT
         (SELECT count(*) FROM projects WHERE status = 'IN_PROGRESS'
            AND LEAST(warns_at, overdue_at) <= $1) AS left,
         (SELECT count(*) FROM projects WHERE status = 'IN_PROGRESS' AND risk = 'AT_RISK') AS at_risk,
         (SELECT count(*) FROM notices WHERE kind = 'WARNING' AND key IS NOT NULL) AS warnings,
         (SELECT count(*) FROM timeline_events WHERE key IS NOT NULL) AS keyed_events`,
      [asOf],
    )
  ).rows;
  // The workflows' own wake-ups for this instant, were every project a running workflow.
  const allIds = (await pg.query<{ id: string }>(`SELECT id FROM projects`)).rows.map((r) => r.id);
  await pg.end();
  const perMinute = new Map<number, number>();
  for (const id of allIds) {
    const m = Math.floor(wakeDelayMs(id, SPREAD_MINUTES * 60_000) / 60_000);
    perMinute.set(m, (perMinute.get(m) ?? 0) + 1);
  }
  const busiestMinute = Math.max(...perMinute.values());

  const quiet = mergeLoadResults('quiet', [before.load, after.load]);
  const p99Ratio = ratio(during.load.latency.p99Ms, quiet.latency.p99Ms);
  const result = {
    conditions: run.conditions(),
    temporal: stack.temporalServer,
    options: { projects, sources, decisionProjects, officers, quietSeconds },
    decisionsRanOutDuringTheSweep: decisionsRanOut,
    instant: instant.toISOString(),
    asOf,
    dueAtOnce,
    sweep: { ...swept!, seconds: Math.round(sweepMs / 100) / 10, target: TARGET_SWEEP_S },
    readModelAfter: {
      stillDue: Number(held.left),
      atRisk: Number(held.at_risk),
      warningNotices: Number(held.warnings),
      keyedEvents: Number(held.keyed_events),
    },
    decisions: {
      quiet: withoutSamples(quiet),
      before: withoutSamples(before.load),
      during: withoutSamples(during.load),
      after: withoutSamples(after.load),
      p99Ratio,
      target: TARGET_RATIO,
      cpu: { before: before.cpu, during: during.cpu, after: after.cpu },
      cpuMsPerDecision: {
        before: cpuPerOperation(before.cpu, before.load.completed),
        during: cpuPerOperation(during.cpu, during.load.completed),
      },
    },
    workflowWakeUps: {
      spreadMinutes: SPREAD_MINUTES,
      projects: allIds.length,
      busiestMinute,
      note: 'were every project a running workflow: its own wake-up for this instant, by wakeDelayMs',
    },
    met: {
      sweepWithin5Minutes: sweepMs / 1000 <= TARGET_SWEEP_S && Number(held.left) === 0,
      decisionsP99: p99Ratio <= TARGET_RATIO,
    },
  };
  run.log(
    `decisions p99: quiet ${quiet.latency.p99Ms} ms, during the sweep ${during.load.latency.p99Ms} ms = ${p99Ratio}× (target ≤ ${TARGET_RATIO}×); read model after: ${held.left} still due, ${held.at_risk} at risk, ${held.warnings} warning notices; workflows' own wake-ups: at most ${busiestMinute} in a minute over ${SPREAD_MINUTES} min`,
  );
  await run.snapshotLoad('after');

  const svg = svgDocument([
    barChart({
      title: `Decisions while ${swept!.swept.toLocaleString('en')} projects cross one midnight`,
      subtitle: `${officers} officers at once; sweep ${(sweepMs / 1000).toFixed(1)} s; ${stack.temporalServer.label}`,
      categories: ['quiet (before + after)', 'during the sweep'],
      series: [
        { name: 'p50 ms', values: [quiet.latency.p50Ms, during.load.latency.p50Ms] },
        { name: 'p99 ms', values: [quiet.latency.p99Ms, during.load.latency.p99Ms] },
      ],
      unit: 'ms',
      references: [{ value: quiet.latency.p99Ms * TARGET_RATIO, label: '2 × quiet p99' }],
    }),
  ]);
  for (const f of writeResults('day-boundary', result, svg)) run.log(`wrote ${f}`);
});
