/**
 * The real stack the e2e tests run against: an embedded PostgreSQL and a Temporal dev server
 * (in memory, headless), each on a free port, in a throw-away folder. Used by Jest's global
 * setup and by tests that need a stack of their own (an outage test stops its database).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  RunningDevServer,
  RunningPostgres,
  freePort,
  startEmbeddedPostgres,
  startTemporalDevServer,
} from '../libs/embedded/src';

export interface E2eStack {
  databaseUrl: string;
  temporalAddress: string;
  postgres: RunningPostgres;
  temporal?: RunningDevServer;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<{
  pg: RunningPostgres;
  cleanup: () => Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'approvals-e2e-'));
  chmodSync(dir, 0o755); // the server runs as the postgres user when we are root
  const pg = await startEmbeddedPostgres({
    dataDir: join(dir, 'pg'),
    port: await freePort(),
    ephemeral: true,
  });
  return {
    pg,
    cleanup: async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startE2eStack({ temporal = true } = {}): Promise<E2eStack> {
  const [{ pg, cleanup }, server] = await Promise.all([
    startPostgres(),
    temporal
      ? freePort().then((port) => startTemporalDevServer({ port, uiPort: 0, namespace: 'default' }))
      : Promise.resolve(undefined),
  ]);
  return {
    databaseUrl: pg.url,
    temporalAddress: server?.address ?? '',
    postgres: pg,
    temporal: server,
    stop: async () => {
      await Promise.all([server?.stop(), cleanup()]);
    },
  };
}
