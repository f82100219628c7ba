/*
 * Evidence for a finding of the baseline: how much the Temporal dev server's persistence costs.
 * The baseline (no-op workflow with one activity, workflow.execute) at concurrency 10 and 50,
 * 8 s each, against three dev servers started one after another the same way:
 * - `file`: `--db-filename`, as `npm start` runs it (SQLite defaults: rollback journal,
 *   synchronous=FULL);
 * - `wal`: the same file with `--sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal`;
 * - `memory`: no file, as the e2e tests run it.
 *
 *   npx tsx bench/baseline/dev-server-persistence.ts      # ~1.5 min
 */
import { Client, Connection } from '@temporalio/client';
import { join } from 'node:path';
import { Stack, type StackTemporalOptions } from '../../libs/embedded/src';
import { BenchRun, ROOT, describeCpu, onCleanup, runBench, withCpu, writeResults } from '../lib';
import { baselineWorker, runBaselineLevel } from './baseline';

/** The dev server's SQLite: a file with SQLite's defaults, with WAL, or in memory. */
const MODES: Record<string, StackTemporalOptions> = {
  file: { db: 'file', sqlitePragmas: [] },
  wal: { db: 'file', sqlitePragmas: ['journal_mode=wal', 'synchronous=normal'] },
  memory: { db: 'memory' },
};

runBench('dev-server-persistence', async () => {
  const run = new BenchRun('dev-server-persistence');
  run.header();
  await run.snapshotLoad('before');
  const results: Record<string, unknown>[] = [];
  for (const [mode, temporal] of Object.entries(MODES)) {
    const stack = new Stack({ name: `bench-persistence-${mode}`, postgres: false, temporal });
    const unregister = onCleanup(`stack (${mode})`, () => stack.stop());
    await stack.start();
    const server = stack.temporal!.process;
    const connection = await Connection.connect({ address: stack.temporalAddress });
    const client = new Client({ connection });
    const w = baselineWorker();
    const worker = stack.startNode({
      name: `baseline worker (${mode})`,
      entry: join(ROOT, 'bench', 'lib', 'worker-main.ts'),
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: stack.temporalAddress,
        TEMPORAL_TASK_QUEUE: w.taskQueue,
        BENCH_WORKFLOWS: w.workflowsPath,
        BENCH_ACTIVITIES: w.activitiesPath,
      },
    });
    // The first workflows also wait for the worker to bundle and poll: a warm-up.
    await runBaselineLevel({
      client,
      concurrency: 10,
      total: 30,
      maxSeconds: 60,
      label: `warm-up ${mode}`,
    });
    for (const concurrency of [10, 50]) {
      const { value, cpu } = await withCpu(
        () => ({
          'dev server': [server.pid!],
          worker: [worker.pid],
          'bench client': [process.pid],
        }),
        () =>
          runBaselineLevel({
            client,
            concurrency,
            total: 100_000,
            maxSeconds: 8,
            label: `${mode} c=${concurrency}`,
          }),
      );
      run.log(
        `${mode} c=${concurrency}: ${value.rate} workflows/s, p50 ${value.latency.p50Ms} ms, p99 ${value.latency.p99Ms} ms; ${describeCpu(cpu, run.machine.cores)}`,
      );
      results.push({
        mode,
        concurrency,
        workflowsPerSecond: value.rate,
        latency: value.latency,
        cpu,
      });
    }
    await connection.close();
    await stack.stop();
    unregister();
  }
  await run.snapshotLoad('after');
  for (const f of writeResults('dev-server-persistence', { ...run.conditions(), results }))
    run.log(`wrote ${f}`);
});
