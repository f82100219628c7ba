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
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, resolveTemporalCli } from '../../libs/embedded/src';
import {
  BenchRun,
  ROOT,
  describeCpu,
  onCleanup,
  runBench,
  spawnNode,
  withCpu,
  writeResults,
} from '../lib';
import { baselineWorker, runBaselineLevel } from './baseline';

const MODES = {
  file: (db: string) => ['--db-filename', db],
  wal: (db: string) => [
    '--db-filename',
    db,
    '--sqlite-pragma',
    'journal_mode=wal',
    '--sqlite-pragma',
    'synchronous=normal',
  ],
  memory: () => [],
};

runBench('dev-server-persistence', async () => {
  const run = new BenchRun('dev-server-persistence');
  run.header();
  await run.snapshotLoad('before');
  const dir = mkdtempSync(join(tmpdir(), 'bench-persistence-'));
  onCleanup('temp folder', () => rmSync(dir, { recursive: true, force: true }));
  const cli = resolveTemporalCli();
  const results: Record<string, unknown>[] = [];
  for (const [mode, extra] of Object.entries(MODES)) {
    const port = await freePort();
    const server = spawn(
      cli,
      [
        'server',
        'start-dev',
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--namespace',
        'default',
        '--headless',
        '--log-level',
        'warn',
        ...extra(join(dir, `${mode}.sqlite`)),
      ],
      { stdio: 'ignore' },
    );
    const stopServer = onCleanup(`dev server (${mode})`, () => void server.kill('SIGTERM'));
    const address = `127.0.0.1:${port}`;
    let connection: Connection | undefined;
    for (let i = 0; !connection; i++) {
      connection = await Connection.connect({ address, connectTimeout: 1000 }).catch(
        async (err: unknown) => {
          if (i > 60) throw err;
          await new Promise((r) => setTimeout(r, 500));
          return undefined;
        },
      );
    }
    const client = new Client({ connection });
    const w = baselineWorker();
    const worker = spawnNode({
      name: `baseline worker (${mode})`,
      entry: join(ROOT, 'bench', 'lib', 'worker-main.ts'),
      cwd: ROOT,
      logFile: join(dir, `worker-${mode}.log`),
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: address,
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
    await worker.stop();
    await connection.close();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    stopServer();
  }
  await run.snapshotLoad('after');
  for (const f of writeResults('dev-server-persistence', { ...run.conditions(), results }))
    run.log(`wrote ${f}`);
});
