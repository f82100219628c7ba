import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, resolve } from 'node:path';
import { PROJECT_SEARCH_ATTRIBUTES } from '../../temporal/src';
import { setupScript } from './temporal-binaries';
import { StartupError, assertPortFree, waitFor } from './ports';

export interface DevServerOptions {
  /** SQLite file that keeps workflows across restarts; omit for an in-memory server (tests). */
  dbFile?: string;
  /**
   * SQLite pragmas for the file. Default WAL with synchronous=normal: SQLite's defaults
   * (rollback journal, synchronous=FULL) sync every transaction, and WAL runs about 5x the
   * workflows on this dev server (bench/README.md). A crash may lose the last transactions,
   * never corrupt the file. `[]`: SQLite's defaults.
   */
  sqlitePragmas?: string[];
  port: number;
  /** 0 = headless (no Web UI). */
  uiPort: number;
  namespace: string;
  ip?: string;
  onLog?: (line: string) => void;
}

export interface RunningDevServer {
  address: string;
  uiUrl?: string;
  cliPath: string;
  process: ChildProcess;
  /** SIGTERM is a clean stop, SIGKILL a crash; SIGKILL follows after 10 s either way. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function resolveTemporalCli(): string {
  const found = setupScript().resolveCli();
  if (!found) {
    throw new StartupError(
      'no `temporal` CLI found: run `npm ci` (it builds one with Go), put `temporal` on PATH, or set TEMPORAL_CLI_PATH',
    );
  }
  if (!existsSync(found.path))
    throw new StartupError(`TEMPORAL_CLI_PATH=${found.path} does not exist`);
  return found.path;
}

function tcpOpen(host: string, port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = connect({ host, port });
    s.once('connect', () => (s.destroy(), res(true)));
    s.once('error', () => res(false));
  });
}

/** `temporal server start-dev`, persisting to a SQLite file when one is given. */
export async function startTemporalDevServer(opts: DevServerOptions): Promise<RunningDevServer> {
  const ip = opts.ip ?? '127.0.0.1';
  const cliPath = resolveTemporalCli();
  await assertPortFree(opts.port, ip, 'Temporal dev server', 'TEMPORAL_PORT');
  if (opts.uiPort) await assertPortFree(opts.uiPort, ip, 'Temporal Web UI', 'TEMPORAL_UI_PORT');
  const args = [
    'server',
    'start-dev',
    '--ip',
    ip,
    '--port',
    String(opts.port),
    '--namespace',
    opts.namespace,
  ];
  args.push('--log-level', 'warn', '--log-format', 'json');
  // The project workflow keeps these current; an unregistered one would fail its tasks.
  for (const [name, type] of Object.entries(PROJECT_SEARCH_ATTRIBUTES))
    args.push('--search-attribute', `${name}=${type}`);
  if (opts.dbFile) {
    const db = resolve(opts.dbFile);
    mkdirSync(dirname(db), { recursive: true });
    args.push('--db-filename', db);
    for (const p of opts.sqlitePragmas ?? ['journal_mode=wal', 'synchronous=normal'])
      args.push('--sqlite-pragma', p);
  }
  if (opts.uiPort) args.push('--ui-port', String(opts.uiPort));
  else args.push('--headless');

  const child = spawn(cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const onData = (b: Buffer) => {
    for (const line of b.toString('utf8').split('\n').filter(Boolean)) {
      tail.push(line);
      if (tail.length > 20) tail.shift();
      opts.onLog?.(line);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited: string | undefined;
  const exitedP = new Promise<void>((res) =>
    child.once('exit', (code, sig) => {
      exited = `exited with ${code ?? sig}`;
      res();
    }),
  );

  try {
    await waitFor(
      'Temporal dev server',
      async () => {
        if (exited)
          throw new StartupError(`temporal server start-dev ${exited}: ${tail.join(' | ')}`);
        return tcpOpen(ip, opts.port);
      },
      { timeoutMs: 90_000 },
    );
  } catch (err) {
    child.kill('SIGKILL');
    if (exited)
      throw new StartupError(`temporal server start-dev ${exited}: ${tail.slice(-5).join(' | ')}`);
    throw err;
  }

  return {
    address: `${ip}:${opts.port}`,
    uiUrl: opts.uiPort ? `http://${ip}:${opts.uiPort}` : undefined,
    cliPath,
    process: child,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (exited) return;
      child.kill(signal);
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exitedP;
      clearTimeout(t);
    },
  };
}
