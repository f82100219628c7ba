/*
 * Project start: projects created through the API as operators would (`POST /api/projects` as
 * the demo applicant, a warehouse questionnaire, an Idempotency-Key each). The call returns once
 * the project's workflow has run and made its first write to the read model (an
 * Update-with-Start: the 201 carries the workflow's own report), so each 201 is HTTP → workflow
 * running → read-model row; a 202 says the workflow runs but did not answer within the API's
 * wait, and the benchmark then waits for the row itself. Projects/s and latency at concurrency 10, 50, 100,
 * and in the same run, against the same dev server, the baseline (bench/baseline) at the same
 * levels: the ratio of the two is the figure. Target: project starts ≥ 0.8 × baseline rate, and
 * no 202 at any level.
 *
 *   npm run bench:start      # ~3-4 min (builds dist/ first)
 *
 * Options (environment): BENCH_LEVELS (default 10,50,100), BENCH_SECONDS per measurement
 * (default 15), BENCH_TOTAL per measurement (default 5000), BENCH_TEMPORAL_DB=memory for an
 * in-memory dev server, BENCH_DIAGNOSE=1 for V8 CPU profiles of the API and the worker during
 * the project starts, BENCH_KEEP=1 keeps the temp folder. Writes
 * bench/results/project-start.json and .svg (project-start-diagnosis.* with BENCH_DIAGNOSE).
 */
import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { baselineWorker, runBaselineLevel } from '../baseline/baseline';
import {
  ApiClient,
  BenchRun,
  CpuWindow,
  LoadResult,
  barChart,
  cpuPanel,
  cpuPerOperation,
  describeCpu,
  envLevels,
  envNumber,
  ratio,
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
import { EXAMPLE_ANSWERS } from '../../libs/domain/src';

/** The warehouse of the shared example answers (libs/domain EXAMPLE_ANSWERS). */
export const WAREHOUSE = EXAMPLE_ANSWERS.warehouse;

const TARGET = 0.8;

/**
 * Resolves when a project's row has been written by its workflow (state_seq > 0): one query
 * for all the projects waited on, every 250 ms, from this process (no load on the API).
 */
class FirstWriteWatcher {
  private readonly pending = new Map<
    string,
    { resolve: () => void; reject: (e: Error) => void; until: number }
  >();
  private timer?: NodeJS.Timeout;

  constructor(private readonly pg: PgClient) {}

  wait(id: string, timeoutMs = 120_000): Promise<void> {
    this.timer ??= setInterval(() => void this.poll().catch(() => undefined), 250);
    return new Promise((resolve, reject) =>
      this.pending.set(id, { resolve, reject, until: performance.now() + timeoutMs }),
    );
  }

  private polling = false;
  private async poll(): Promise<void> {
    if (this.polling || this.pending.size === 0) return;
    this.polling = true;
    try {
      const ids = [...this.pending.keys()];
      const { rows } = await this.pg.query<{ id: string }>(
        'SELECT id FROM projects WHERE id = ANY($1::uuid[]) AND state_seq > 0',
        [ids],
      );
      for (const { id } of rows) {
        this.pending.get(id)?.resolve();
        this.pending.delete(id);
      }
      const now = performance.now();
      for (const [id, p] of this.pending)
        if (now > p.until) {
          p.reject(new Error(`project ${id}: no first write by its workflow in time`));
          this.pending.delete(id);
        }
    } finally {
      this.polling = false;
    }
  }

  close(): void {
    clearInterval(this.timer);
  }
}

interface Level {
  concurrency: number;
  baseline: LoadResult;
  baselineCpu: CpuWindow;
  start: LoadResult;
  startCpu: CpuWindow;
  /** 202s: the workflow did not answer within the API's wait (then the row is waited for). */
  answeredPending: number;
}

runBench('project-start', async () => {
  const run = new BenchRun('project-start');
  const levels = envLevels('BENCH_LEVELS', [10, 50, 100]);
  const seconds = envNumber('BENCH_SECONDS', 15);
  const total = envNumber('BENCH_TOTAL', 5000);
  const diagnose = process.env.BENCH_DIAGNOSE === '1';
  run.header();
  await run.snapshotLoad('before');

  const stack = await startStack({
    name: 'project-start',
    log: run.log,
    app: { profile: diagnose },
    benchWorkers: [baselineWorker()],
  });
  const api = new ApiClient(stack.apiUrl!);
  const token = await api.login('applicant', 'demo');
  const runId = randomUUID().slice(0, 8);
  const pg = new PgClient({ connectionString: stack.databaseUrl });
  await pg.connect();
  const firstWrites = new FirstWriteWatcher(pg);
  let created = 0;
  /** Per label: creates answered 202 (the workflow ran late). */
  const lateAnswers = new Map<string, number>();
  const createProject = (label: string, concurrency: number, maxSeconds: number) =>
    runLoad({
      label,
      concurrency,
      total,
      maxSeconds,
      op: async (i) => {
        const r = await api.request<{ id?: string; status?: string }>('POST', '/api/projects', {
          token,
          key: `bench-${runId}-${label.replace(/\W+/g, '')}-${i}`,
          body: { name: `仓库 ${label} #${i}`, answers: WAREHOUSE },
          ok: [201, 202],
        });
        const expected = r.status === 202 ? 'STARTING' : 'IN_PROGRESS';
        if (!r.body.id || r.body.status !== expected)
          throw new Error(`unexpected answer ${JSON.stringify(r.body).slice(0, 200)}`);
        created++;
        if (r.status === 202) {
          // The workflow did not answer within the API's wait: the project counts as started
          // only when the workflow has written its row, and the latency includes that wait.
          lateAnswers.set(label, (lateAnswers.get(label) ?? 0) + 1);
          await firstWrites.wait(r.body.id);
        }
      },
    });

  run.log('warm-up (5 s of each at concurrency 10, not recorded)…');
  await runBaselineLevel({
    client: stack.client,
    concurrency: 10,
    total,
    maxSeconds: 5,
    label: 'warm-up baseline',
  });
  await createProject('warm-up start', 10, 5);

  const results: Level[] = [];
  const profiles: Record<number, Record<string, ProfileSummary> | undefined> = {};
  for (const [n, concurrency] of levels.entries()) {
    // Alternate which goes first from level to level, so a drift in the machine's background
    // load does not always favour the same one.
    const baselineFirst = n % 2 === 0;
    run.log(
      `concurrency ${concurrency}: ${baselineFirst ? 'baseline, then project starts' : 'project starts, then baseline'}, ${seconds} s each…`,
    );
    const measureBaseline = () =>
      withCpu(stack.cpuGroups, () =>
        runBaselineLevel({ client: stack.client, concurrency, total, maxSeconds: seconds }),
      );
    const measureStart = () =>
      withProfiles(stack, `project starts c=${concurrency}`, diagnose, run.log, () =>
        withCpu(stack.cpuGroups, () =>
          createProject(`start c=${concurrency}`, concurrency, seconds),
        ),
      );
    let b: Awaited<ReturnType<typeof measureBaseline>>;
    let started: Awaited<ReturnType<typeof measureStart>>;
    if (baselineFirst) {
      b = await measureBaseline();
      started = await measureStart();
    } else {
      started = await measureStart();
      b = await measureBaseline();
    }
    const s = started.value;
    run.log(`baseline: ${describeCpu(b.cpu, run.machine.cores)}`);
    run.log(`starts:   ${describeCpu(s.cpu, run.machine.cores)}`);
    profiles[concurrency] = started.profiles;
    stack.assertAlive();
    const r: Level = {
      concurrency,
      baseline: b.value,
      baselineCpu: b.cpu,
      start: s.value,
      startCpu: s.cpu,
      answeredPending: lateAnswers.get(`start c=${concurrency}`) ?? 0,
    };
    results.push(r);
    run.log(
      `c=${concurrency}: ${r.start.rate} projects/s vs baseline ${r.baseline.rate} workflows/s = ${ratio(r.start.rate, r.baseline.rate)} (target ≥ ${TARGET}); ${r.answeredPending} answered 202 (the workflow late)`,
    );
  }

  // The read model: one row per 201, each written by its workflow (state_seq > 0).
  firstWrites.close();
  const rows = await pg.query<{ total: string; written: string }>(
    `SELECT count(*) AS total, count(*) FILTER (WHERE state_seq > 0) AS written FROM projects`,
  );
  await pg.end();
  const readModel = {
    created,
    rows: Number(rows.rows[0].total),
    writtenByWorkflow: Number(rows.rows[0].written),
  };
  run.log(
    `read model: ${readModel.rows} rows in projects, ${readModel.writtenByWorkflow} written by their workflow, for ${created} created (201 or 202)`,
  );

  await stack.stop();
  await run.snapshotLoad('after');

  const data = {
    benchmark: 'project-start',
    description:
      'POST /api/projects (applicant, warehouse answers, Idempotency-Key) → 201 with the report the workflow answered after its first write (Update-with-Start; 202 if late); baseline = noopWorkflow with one activity via workflow.execute, same Temporal server, same run',
    ...run.conditions(),
    temporal: stack.temporalServer,
    settings: {
      levels,
      secondsPerMeasurement: seconds,
      maxPerMeasurement: total,
      target: `projects/s ≥ ${TARGET} × baseline workflows/s`,
    },
    readModel,
    readModelOk: readModel.rows === created && readModel.writtenByWorkflow === created,
    levels: results.map((r) => ({
      concurrency: r.concurrency,
      projectsPerSecond: r.start.rate,
      baselineWorkflowsPerSecond: r.baseline.rate,
      ratio: ratio(r.start.rate, r.baseline.rate),
      targetMet: ratio(r.start.rate, r.baseline.rate) >= TARGET && r.answeredPending === 0,
      answeredPending: r.answeredPending,
      cpuMsPerOperation: {
        baselineWorkflow: cpuPerOperation(r.baselineCpu, r.baseline.completed),
        projectStart: cpuPerOperation(r.startCpu, r.start.completed),
      },
      start: { ...withoutSamples(r.start), cpu: r.startCpu },
      baseline: { ...withoutSamples(r.baseline), cpu: r.baselineCpu },
      ...(profiles[r.concurrency] ? { profiles: profiles[r.concurrency] } : {}),
    })),
  };
  const categories = results.map((r) => `c=${r.concurrency}`);
  const svg = svgDocument([
    barChart({
      title: 'Project start through the API vs. baseline workflow, same Temporal server, same run',
      subtitle: `${run.machine.cores} cores, node ${run.machine.node}, ${stack.temporalServer.label}`,
      categories,
      series: [
        { name: 'baseline workflows/s', values: results.map((r) => r.baseline.rate) },
        {
          name: 'projects started/s (HTTP → workflow → read model)',
          values: results.map((r) => r.start.rate),
        },
      ],
      unit: 'per second',
    }),
    barChart({
      title: 'Ratio: projects/s ÷ baseline workflows/s',
      categories,
      series: [
        {
          name: 'ratio',
          values: results.map((r) => ratio(r.start.rate, r.baseline.rate)),
          color: '#59a14f',
        },
      ],
      references: [{ value: TARGET, label: `target ≥ ${TARGET}` }],
      height: 240,
    }),
    barChart({
      title: 'Latency p50 / p99',
      categories,
      series: [
        { name: 'baseline p50', values: results.map((r) => r.baseline.latency.p50Ms) },
        { name: 'baseline p99', values: results.map((r) => r.baseline.latency.p99Ms) },
        { name: 'project start p50', values: results.map((r) => r.start.latency.p50Ms) },
        { name: 'project start p99', values: results.map((r) => r.start.latency.p99Ms) },
      ],
      unit: 'ms',
    }),
    cpuPanel(
      'CPU per operation, by process (ms)',
      data.levels.flatMap((l) => [
        {
          name: `baseline workflow, c=${l.concurrency}`,
          perOp: l.cpuMsPerOperation.baselineWorkflow,
        },
        { name: `project start, c=${l.concurrency}`, perOp: l.cpuMsPerOperation.projectStart },
      ]),
    ),
  ]);
  const name = diagnose ? 'project-start-diagnosis' : 'project-start';
  for (const f of writeResults(name, data, svg)) run.log(`wrote ${f}`);
  run.log(
    'concurrency | projects/s | baseline/s | ratio | target | start p50/p99 ms | baseline p50/p99 ms',
  );
  for (const l of data.levels)
    run.log(
      `${String(l.concurrency).padStart(11)} | ${String(l.projectsPerSecond).padStart(10)} | ${String(l.baselineWorkflowsPerSecond).padStart(10)} | ${String(l.ratio).padStart(5)} | ${l.targetMet ? 'met   ' : 'missed'} | ${l.start.latency.p50Ms}/${l.start.latency.p99Ms} | ${l.baseline.latency.p50Ms}/${l.baseline.latency.p99Ms}`,
    );
});
