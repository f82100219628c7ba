/*
 * The exchange's sender: how long a step takes from its read-model write to its row in the
 * staging database, and how many rows a second the sender delivers with a backlog.
 *
 *   npm run bench:exchange        # a few minutes (builds dist/ first)
 *
 * The stack `npm start` runs (the exchange on, its staging database beside the product's; the
 * sender every EXCHANGE_SEND_INTERVAL_MS, default here 2000 as in production). Phase 1: the
 * admin imports BENCH_PROJECTS projects with master data at BENCH_CONCURRENCY (each import
 * accepts PLAN at once: a project, a unit, its item instances and their history), then the
 * delay of every row is read from the databases' own clocks: staging SCSJ − outbox created_at
 * (one PostgreSQL server, one clock). Phase 2: every row is marked waiting again and the staging
 * tables emptied; the time until the worker's sender has delivered them all gives rows/s.
 *
 * Options (environment): BENCH_PROJECTS (default 100), BENCH_CONCURRENCY (default 8),
 * EXCHANGE_SEND_INTERVAL_MS (default 2000), EXCHANGE_BATCH_SIZE (default 500), BENCH_KEEP=1.
 * Writes bench/results/exchange.json. No figures are in bench/README.md yet: run it on a quiet
 * machine.
 */
import { Client as PgClient } from 'pg';
import {
  ApiClient,
  BenchRun,
  envNumber,
  mapLimit,
  runBench,
  startStack,
  summarize,
  writeResults,
} from '../lib';
import { EXAMPLE_ANSWERS } from '../../libs/domain/src';
import { SPGL_TABLES } from '../../libs/exchange/src';

const code = (n: number) => `2026-440300-47-01-${String(100000 + n).padStart(6, '0')}`;

runBench('exchange', async () => {
  const run = new BenchRun('exchange');
  run.header();
  await run.snapshotLoad('before');
  const projects = envNumber('BENCH_PROJECTS', 100);
  const concurrency = envNumber('BENCH_CONCURRENCY', 8);
  const intervalMs = envNumber('EXCHANGE_SEND_INTERVAL_MS', 2000);
  const batchSize = envNumber('EXCHANGE_BATCH_SIZE', 500);
  const stack = await startStack({
    name: 'exchange',
    log: run.log,
    app: {
      env: {
        EXCHANGE_SEND_INTERVAL_MS: String(intervalMs),
        EXCHANGE_BATCH_SIZE: String(batchSize),
      },
    },
  });
  const api = new ApiClient(stack.apiUrl!);
  const token = await api.login('admin', 'demo');
  const product = new PgClient({ connectionString: stack.databaseUrl });
  const staging = new PgClient({ connectionString: stack.postgres.exchangeUrl });
  await product.connect();
  await staging.connect();
  try {
    // Phase 1: imports at a fixed concurrency; every row's delay from the two clocks.
    const accepted = new Date(Date.now() - 86_400_000 * 7).toISOString().slice(0, 10);
    const t0 = performance.now();
    await mapLimit(
      Array.from({ length: projects }, (_, n) => n),
      concurrency,
      (n) =>
        api.post(
          '/api/projects',
          {
            name: `交换基准 ${n}`,
            answers: EXAMPLE_ANSWERS.school,
            ownerOrganisation: 'org-a',
            acceptedAt: accepted,
            projectCode: code(n),
            constructionUnits: [{ name: '甲建设公司', creditCode: '91110108MA01A2B3CF' }],
            totalInvestment: 1000 + n,
            address: '基准路 1 号',
            constructionNature: 'NEW',
            fundingSource: 'PRIVATE',
          },
          { token },
        ),
    );
    const importSeconds = (performance.now() - t0) / 1000;
    run.log(`${projects} projects imported in ${importSeconds.toFixed(1)} s`);
    const waitAllSent = async () => {
      for (;;) {
        const [{ n }] = (
          await product.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM exchange_outbox WHERE state = 'WAITING'`,
          )
        ).rows;
        if (n === 0) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await waitAllSent();
    const outbox = new Map(
      (
        await product.query<{ id: string; at: Date }>(
          `SELECT id::text AS id, created_at AS at FROM exchange_outbox WHERE state = 'SENT'`,
        )
      ).rows.map((r) => [r.id, r.at.getTime()]),
    );
    const delays: number[] = [];
    for (const t of SPGL_TABLES) {
      const rows = (await staging.query<{ lsh: string; scsj: Date }>(`SELECT lsh, scsj FROM ${t}`))
        .rows;
      for (const r of rows) {
        const at = outbox.get(r.lsh);
        if (at !== undefined) delays.push(r.scsj.getTime() - at);
      }
    }
    const delay = summarize(delays);
    run.log(
      `delay write → staging row over ${delays.length} rows: p50 ${delay.p50Ms} ms, p99 ${delay.p99Ms} ms`,
    );

    // Phase 2: the whole outbox again, from an empty staging database.
    const total = outbox.size;
    for (const t of SPGL_TABLES) await staging.query(`TRUNCATE ${t}`);
    const t1 = performance.now();
    await product.query(`UPDATE exchange_outbox SET state = 'WAITING', sent_at = NULL`);
    await waitAllSent();
    const seconds = (performance.now() - t1) / 1000;
    const rowsPerSecond = Math.round(total / seconds);
    run.log(`${total} rows delivered again in ${seconds.toFixed(1)} s: ${rowsPerSecond} rows/s`);
    stack.assertAlive();
    await run.snapshotLoad('after');
    const files = writeResults('exchange', {
      ...run.conditions(),
      settings: { projects, concurrency, intervalMs, batchSize },
      importSeconds,
      delay,
      backlog: { rows: total, seconds, rowsPerSecond },
    });
    run.log(`wrote ${files.join(', ')}`);
  } finally {
    await product.end();
    await staging.end();
    await stack.stop();
  }
});
