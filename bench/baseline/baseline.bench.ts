/*
 * Baseline: what this Temporal dev server does with the least a real workflow does, a no-op
 * workflow with one activity, started and awaited by a client (`workflow.execute`) at
 * concurrency 10, 50 and 100. Workflows/s and latency p50/p99 per level.
 *
 *   npm run bench:baseline      # ~2 min
 *
 * Options (environment): BENCH_LEVELS (default 10,50,100), BENCH_SECONDS per level (default 25),
 * BENCH_TOTAL per level (default 5000; a level ends at whichever comes first), BENCH_KEEP=1 keeps
 * the temp folder. Writes bench/results/baseline.json and baseline.svg.
 */
import {
  BenchRun,
  CpuWindow,
  LoadResult,
  cpuPerOperation,
  barChart,
  describeCpu,
  envLevels,
  envNumber,
  runBench,
  startStack,
  svgDocument,
  withCpu,
  withoutSamples,
  writeResults,
} from '../lib';
import { baselineWorker, runBaselineLevel } from './baseline';

runBench('baseline', async () => {
  const run = new BenchRun('baseline');
  const levels = envLevels('BENCH_LEVELS', [10, 50, 100]);
  const seconds = envNumber('BENCH_SECONDS', 25);
  const total = envNumber('BENCH_TOTAL', 5000);
  run.header();
  await run.snapshotLoad('before');

  const stack = await startStack({
    name: 'baseline',
    log: run.log,
    benchWorkers: [baselineWorker()],
  });
  run.log('warm-up (5 s at concurrency 10, not recorded)…');
  await runBaselineLevel({
    client: stack.client,
    concurrency: 10,
    total: 100_000,
    maxSeconds: 5,
    label: 'warm-up',
  });

  const results: { concurrency: number; result: LoadResult; cpu: CpuWindow }[] = [];
  for (const concurrency of levels) {
    run.log(`concurrency ${concurrency}: up to ${total} workflows or ${seconds} s…`);
    const { value, cpu } = await withCpu(stack.cpuGroups, () =>
      runBaselineLevel({ client: stack.client, concurrency, total, maxSeconds: seconds }),
    );
    stack.assertAlive();
    run.log(describeCpu(cpu, run.machine.cores));
    results.push({ concurrency, result: value, cpu });
  }
  await stack.stop();
  await run.snapshotLoad('after');

  const data = {
    benchmark: 'baseline',
    description:
      'noopWorkflow (one activity) started and awaited with client workflow.execute on the Temporal CLI dev server (SQLite file), own worker on its own task queue',
    ...run.conditions(),
    settings: { levels, secondsPerLevel: seconds, maxPerLevel: total },
    levels: results.map((r) => ({
      workflowsPerSecond: r.result.rate,
      ...withoutSamples(r.result),
      cpu: r.cpu,
      cpuMsPerWorkflow: cpuPerOperation(r.cpu, r.result.completed),
    })),
  };
  const categories = results.map((r) => `c=${r.concurrency}`);
  const svg = svgDocument([
    barChart({
      title: 'Baseline: no-op workflow with one activity, start → result',
      subtitle: `Temporal dev server, ${run.machine.cores} cores, node ${run.machine.node}`,
      categories,
      series: [{ name: 'workflows/s', values: results.map((r) => r.result.rate) }],
      unit: 'workflows/s',
    }),
    barChart({
      title: 'Latency (start → result)',
      categories,
      series: [
        { name: 'p50', values: results.map((r) => r.result.latency.p50Ms) },
        { name: 'p99', values: results.map((r) => r.result.latency.p99Ms) },
      ],
      unit: 'ms',
    }),
  ]);
  for (const f of writeResults('baseline', data, svg)) run.log(`wrote ${f}`);
  run.log('concurrency | workflows/s | p50 ms | p99 ms | errors');
  for (const r of results)
    run.log(
      `${String(r.concurrency).padStart(11)} | ${String(r.result.rate).padStart(11)} | ${String(r.result.latency.p50Ms).padStart(6)} | ${String(r.result.latency.p99Ms).padStart(6)} | ${r.result.errors}`,
    );
});
