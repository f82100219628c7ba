import { randomBytes } from 'node:crypto';
import { startStack } from '../libs/embedded/src';

/**
 * One PostgreSQL and one Temporal dev server (in memory, headless) on free ports in a scratch
 * folder, for the whole e2e run; tests read the env. E2E_TEMPORAL=cluster: a real Temporal
 * cluster on that PostgreSQL instead (libs/embedded/src/temporal-cluster.ts), as `.ci/run`
 * runs the journey.
 */
export default async function globalSetup(): Promise<void> {
  const t0 = Date.now();
  const cluster = process.env.E2E_TEMPORAL === 'cluster';
  const stack = await startStack({
    name: 'approvals-e2e',
    temporal: cluster ? { cluster: true } : { db: 'memory' },
    keep: !!process.env.E2E_KEEP,
  });
  process.env.DATABASE_URL = stack.databaseUrl;
  process.env.TEMPORAL_ADDRESS = stack.temporalAddress;
  process.env.NODE_ENV = 'test';
  // One signing secret for every API of the run (in-process harnesses and spawned ones alike):
  // without JWT_SECRET each API process signs with a random secret of its own.
  process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
  (globalThis as { __E2E_STACK__?: typeof stack }).__E2E_STACK__ = stack;
  process.stdout.write(
    `\n[e2e] PostgreSQL ${stack.databaseUrl.replace(/:[^:@/]+@/, ':***@')}, Temporal ${stack.temporalAddress}${cluster ? ' (cluster)' : ''} (${Date.now() - t0} ms)\n`,
  );
}
