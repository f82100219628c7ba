/**
 * A Temporal worker for a benchmark's own workflows, run as a child process (through tsx) so it
 * shares no event loop with the benchmark client. Environment: TEMPORAL_ADDRESS,
 * TEMPORAL_NAMESPACE, TEMPORAL_TASK_QUEUE, BENCH_WORKFLOWS (path of the workflows module, bundled
 * by the worker), BENCH_ACTIVITIES (optional: path of a module whose exports are the activities).
 * Default worker options, like the product's worker. Stops on SIGINT/SIGTERM (the SDK's runtime
 * shuts its workers down on those signals).
 */
import { NativeConnection, Worker } from '@temporalio/worker';

async function main(): Promise<void> {
  const env = process.env;
  const need = (name: string): string => {
    const v = env[name];
    if (!v) throw new Error(`${name} is not set`);
    return v;
  };
  const connection = await NativeConnection.connect({ address: need('TEMPORAL_ADDRESS') });
  // A CommonJS module imported dynamically may show its exports under `default` only.
  const mod = env.BENCH_ACTIVITIES
    ? ((await import(env.BENCH_ACTIVITIES)) as Record<string, unknown> & { default?: object })
    : {};
  const activities: Record<string, unknown> = { ...(mod.default ?? {}), ...mod };
  const worker = await Worker.create({
    connection,
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: need('TEMPORAL_TASK_QUEUE'),
    workflowsPath: need('BENCH_WORKFLOWS'),
    activities: Object.fromEntries(
      Object.entries(activities).filter(([, v]) => typeof v === 'function'),
    ),
  });
  try {
    await worker.run();
  } finally {
    await connection.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench worker: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
