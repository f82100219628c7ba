/**
 * The real stack for a benchmark, started the way `npm start` starts it, in a throw-away folder:
 * an embedded PostgreSQL, the Temporal CLI dev server persisting to a SQLite file (the kind
 * `npm start` runs; headless here), and as separate child processes the product's worker and
 * API built from dist/ (optional) and workers for the benchmark's own workflows. Everything is
 * registered for cleanup (see cleanup.ts) and stopped by `stop()`.
 */
import { Client, Connection } from '@temporalio/client';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  RunningDevServer,
  RunningPostgres,
  freePort,
  startEmbeddedPostgres,
  startTemporalDevServer,
} from '../../libs/embedded/src';
import { onCleanup } from './cleanup';
import { NodeChild, spawnNode } from './processes';

export const ROOT = resolve(__dirname, '..', '..');

export interface BenchWorkerSpec {
  /** Process name, e.g. `baseline worker`. */
  name: string;
  taskQueue: string;
  /** Path of the workflows module the worker bundles. */
  workflowsPath: string;
  /** Path of a module whose exported functions are the activities. */
  activitiesPath?: string;
}

export interface AppOptions {
  /** Extra environment for the API and the worker. */
  env?: Record<string, string>;
  /**
   * Load the sampling-profiler hook (profiler-preload.ts) into the API and the worker, so
   * `stack.profile()` can record where their CPU goes during a measurement.
   */
  profile?: boolean;
}

export interface StackOptions {
  /** Used in the temp folder's name. */
  name: string;
  log: (line: string) => void;
  /** Start the product's worker and API from dist/ (built first). */
  app?: AppOptions | boolean;
  benchWorkers?: BenchWorkerSpec[];
  /**
   * `file` (default, as `npm start`): the dev server persists to a SQLite file; `memory`: an
   * in-memory SQLite (as the e2e tests), for comparison. Default from BENCH_TEMPORAL_DB.
   */
  temporalDb?: 'file' | 'memory';
}

export interface Stack {
  dir: string;
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  temporalDb: 'file' | 'memory';
  /** The Temporal dev server's CLI, for the record. */
  temporalCli: string;
  /** Set when the app was started: the API's base URL and the product worker's task queue. */
  apiUrl?: string;
  taskQueue?: string;
  /** A Temporal client in the benchmark's own process. */
  client: Client;
  postgres: RunningPostgres;
  temporal: RunningDevServer;
  children: NodeChild[];
  /** Root pids of the stack's parts, for CpuMeter: `bench client`, PostgreSQL, Temporal, … */
  cpuGroups(): Record<string, number[]>;
  /** Throws when a child has exited on its own. */
  assertAlive(): void;
  /**
   * With `app.profile`: starts the API's and the worker's CPU profilers; the returned function
   * stops them and gives each one's .cpuprofile file. Without: the files are empty.
   */
  profile(): () => Promise<Record<string, string>>;
  stop(): Promise<void>;
}

/** Like libs/embedded's waitFor, but a dead child fails it at once instead of at the timeout. */
async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  dead: () => string | undefined,
  timeoutMs = 180_000,
  intervalMs = 300,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const why = dead();
    if (why) throw new Error(`${what}: ${why}`);
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what}: not ready within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

const PRODUCT_ENV =
  /^(DATABASE_|TEMPORAL_|OIDC_|JWT_|LOG_|LOGIN_|APPROVALS_|PORT$|HOST$|NODE_ENV$)/;

/** The product's environment minus anything that would point it elsewhere. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !PRODUCT_ENV.test(k)));
}

/** `npm run build` (tsc, incremental): the API and worker run from dist/ as in production. */
export async function buildDist(log: (line: string) => void): Promise<void> {
  const t0 = performance.now();
  log('building dist/ (npm run build: tsc -p tsconfig.build.json)…');
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const output: string[] = [];
  const code = await new Promise<number | null>((res, rej) => {
    const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const kill = onCleanup('tsc', () => void child.kill('SIGTERM'));
    child.stdout.on('data', (b: Buffer) => output.push(b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => output.push(b.toString('utf8')));
    child.once('error', rej);
    child.once('exit', (c) => {
      kill();
      res(c);
    });
  });
  const main = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
  if (code !== 0) {
    const lines = output.join('').split('\n').filter(Boolean);
    // tsc still emits on type errors (e.g. someone's edit in progress); stop only without output.
    log(`tsc exited with ${code}:\n${lines.slice(0, 15).join('\n')}`);
    if (!existsSync(main)) throw new Error('the build failed and dist/ has no API to run');
    log('WARNING: continuing with what tsc emitted');
  }
  log(`built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const log = opts.log;
  const app: AppOptions | undefined =
    opts.app === true ? {} : opts.app === false ? undefined : opts.app;
  if (app) await buildDist(log);

  // What this stack registered for cleanup, so stop() can run the same steps in the same order.
  const own: { name: string; fn: () => Promise<void> | void; unregister: () => void }[] = [];
  const track = (name: string, fn: () => Promise<void> | void) =>
    own.push({ name, fn, unregister: onCleanup(name, fn) });

  const dir = mkdtempSync(join(tmpdir(), `bench-${opts.name}-`));
  chmodSync(dir, 0o755); // the embedded PostgreSQL runs as the postgres user when we are root
  track('temp folder', () =>
    process.env.BENCH_KEEP
      ? log(`kept ${dir} (BENCH_KEEP)`)
      : rmSync(dir, { recursive: true, force: true }),
  );
  const namespace = 'default';
  const temporalDb =
    opts.temporalDb ?? (process.env.BENCH_TEMPORAL_DB === 'memory' ? 'memory' : 'file');
  const t0 = performance.now();
  log(`starting PostgreSQL and the Temporal dev server in ${dir}…`);
  const [postgres, temporal] = await Promise.all([
    freePort().then((port) =>
      startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port, ephemeral: true }),
    ),
    freePort().then((port) =>
      startTemporalDevServer({
        dbFile: temporalDb === 'file' ? join(dir, 'temporal.sqlite') : undefined,
        port,
        uiPort: 0,
        namespace,
      }),
    ),
  ]);
  track('PostgreSQL', () => postgres.stop());
  track('Temporal dev server', () => temporal.stop());
  log(
    `PostgreSQL on :${postgres.port}, Temporal dev server on ${temporal.address} with ${temporalDb === 'file' ? 'a SQLite file' : 'in-memory SQLite'} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );

  const connection = await Connection.connect({ address: temporal.address });
  track('Temporal client', () => connection.close());
  const client = new Client({ connection, namespace });

  const children: NodeChild[] = [];
  let died: string | undefined;
  const onUnexpectedExit = (child: () => NodeChild | undefined) => (why: string) => {
    const c = child();
    died = `${c?.name ?? 'a child'} ${why}`;
    log(`ERROR: ${died}; its last lines:\n${c?.tail().join('\n') ?? ''}`);
  };
  const startChild = (
    name: string,
    entry: string,
    env: NodeJS.ProcessEnv,
    nodeArgs: string[] = [],
  ): NodeChild => {
    const self: NodeChild = spawnNode({
      name,
      entry,
      env,
      nodeArgs,
      cwd: ROOT,
      logFile: join(dir, `${name.replace(/\W+/g, '-')}.log`),
      onUnexpectedExit: onUnexpectedExit(() => self),
    });
    children.push(self);
    return self;
  };

  const waitForPoller = async (taskQueue: string, who: string) => {
    await waitUntil(
      `${who} polling "${taskQueue}"`,
      async () => {
        const res = await client.workflowService.describeTaskQueue({
          namespace,
          taskQueue: { name: taskQueue },
          taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
        });
        return (res.pollers?.length ?? 0) > 0;
      },
      () => died,
    );
  };

  let apiUrl: string | undefined;
  let taskQueue: string | undefined;
  const profiled: string[] = [];
  let profiles = 0;
  if (app) {
    const port = await freePort();
    taskQueue = 'approvals-bench';
    const env: NodeJS.ProcessEnv = {
      ...cleanEnv(),
      DATABASE_URL: postgres.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: randomBytes(32).toString('hex'),
      APPROVALS_EMBEDDED: '1',
      LOG_LEVEL: 'warn',
      // The benchmarks sign in dozens of accounts from one address within a minute.
      LOGIN_RATE_LIMIT: '100000',
      ...app.env,
    };
    const prof = app.profile ? ['--require', join(__dirname, 'profiler-preload.js')] : [];
    const profEnv = (of: string) =>
      app.profile ? { ...env, BENCH_PROFILE_PREFIX: join(dir, `${of}-profile`) } : env;
    const dist = join(ROOT, 'dist');
    const t1 = performance.now();
    startChild('worker', join(dist, 'apps/worker/src/main.js'), profEnv('worker'), prof);
    startChild('api', join(dist, 'apps/api/src/main.js'), profEnv('api'), prof);
    if (app.profile) profiled.push('worker', 'api');
    apiUrl = `http://127.0.0.1:${port}`;
    await waitUntil(
      'the API',
      async () => (await fetch(`${apiUrl}/health`)).ok,
      () => died,
    );
    await waitForPoller(taskQueue, 'the product worker');
    log(
      `API on ${apiUrl} and worker on "${taskQueue}" (from dist/, ${((performance.now() - t1) / 1000).toFixed(1)} s)`,
    );
  }

  for (const w of opts.benchWorkers ?? []) {
    const t1 = performance.now();
    startChild(w.name, join(ROOT, 'bench', 'lib', 'worker-main.ts'), {
      ...cleanEnv(),
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: namespace,
      TEMPORAL_TASK_QUEUE: w.taskQueue,
      BENCH_WORKFLOWS: w.workflowsPath,
      ...(w.activitiesPath ? { BENCH_ACTIVITIES: w.activitiesPath } : {}),
    });
    await waitForPoller(w.taskQueue, w.name);
    log(`${w.name} on "${w.taskQueue}" (${((performance.now() - t1) / 1000).toFixed(1)} s)`);
  }

  const pgPid = postmasterPid(postgres.dataDir);
  return {
    dir,
    databaseUrl: postgres.url,
    temporalAddress: temporal.address,
    namespace,
    temporalDb,
    temporalCli: temporal.cliPath,
    apiUrl,
    taskQueue,
    client,
    postgres,
    temporal,
    children,
    cpuGroups: () => ({
      'bench client': [process.pid],
      ...(pgPid ? { PostgreSQL: [pgPid] } : {}),
      'Temporal dev server': temporal.process.pid ? [temporal.process.pid] : [],
      ...Object.fromEntries(children.map((c) => [c.name, [c.pid]])),
    }),
    assertAlive: () => {
      if (died) throw new Error(died);
    },
    profile: () => {
      const n = profiles++;
      const targets = children.filter((c) => profiled.includes(c.name));
      for (const c of targets) c.process.kill('SIGWINCH');
      return async () => {
        for (const c of targets) c.process.kill('SIGWINCH');
        const files: Record<string, string> = {};
        for (const c of targets) {
          const file = join(dir, `${c.name}-profile-${n}.cpuprofile`);
          await waitUntil(
            `${c.name}'s CPU profile`,
            async () => existsSync(file),
            () => undefined,
            30_000,
            100,
          );
          files[c.name] = file;
        }
        return files;
      };
    },
    stop: async () => {
      for (const c of [...children].reverse()) await c.stop();
      while (own.length) {
        const step = own.pop()!;
        step.unregister();
        try {
          await step.fn();
        } catch (err) {
          log(`stopping ${step.name} failed: ${(err as Error).message}`);
        }
      }
    },
  };
}

/** The PostgreSQL server's pid, from postmaster.pid in its data folder. */
function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
