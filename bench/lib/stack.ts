/**
 * The real stack for a benchmark, started the way `npm start` starts it, in a throw-away folder:
 * an embedded PostgreSQL, the Temporal CLI dev server persisting to a SQLite file (the kind
 * `npm start` runs; headless here), and as separate child processes the product's worker and
 * API built from dist/ (optional) and workers for the benchmark's own workflows. Everything is
 * registered for cleanup (see cleanup.ts) and stopped by `stop()`. BENCH_TEMPORAL=cluster: a
 * real Temporal cluster on that PostgreSQL instead (libs/embedded, four service processes), the
 * product still one worker and one API, so only the Temporal server differs (`npm run
 * bench:cluster` runs both one after the other).
 */
import { Client, Connection } from '@temporalio/client';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  NodeChild,
  RunningDevServer,
  RunningPostgres,
  Stack as EmbeddedStack,
  freePort,
  projectRoot,
  withoutProductSettings,
} from '../../libs/embedded/src';
import { onCleanup } from './cleanup';

export const ROOT = projectRoot();

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
  /** `dev` (default) or `cluster`: default from BENCH_TEMPORAL. */
  temporalKind?: 'dev' | 'cluster';
}

export interface Stack {
  dir: string;
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  temporalDb: 'file' | 'memory';
  /** The Temporal server, for the record and the charts' subtitles. */
  temporalServer: { kind: 'dev' | 'cluster'; server: string; persistence: string; label: string };
  /** The Temporal dev server's CLI, for the record (the cluster's server binary there). */
  temporalCli: string;
  /** Set when the app was started: the API's base URL and the product worker's task queue. */
  apiUrl?: string;
  taskQueue?: string;
  /** A Temporal client in the benchmark's own process. */
  client: Client;
  postgres: RunningPostgres;
  /** The dev server (absent on the cluster). */
  temporal?: RunningDevServer;
  children: NodeChild[];
  /** libs/embedded's stack underneath: kill and restart a child, stop and start a server. */
  stack: EmbeddedStack;
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

/** `npm run build` (tsc, incremental): the API and worker run from dist/ as in production. */
export async function buildDist(log: (line: string) => void): Promise<void> {
  // BENCH_BUILT=1: a parent (bench:cluster) built it once for all its runs.
  if (process.env.BENCH_BUILT === '1') return;
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

  const temporalDb =
    opts.temporalDb ?? (process.env.BENCH_TEMPORAL_DB === 'memory' ? 'memory' : 'file');
  const kind = opts.temporalKind ?? (process.env.BENCH_TEMPORAL === 'cluster' ? 'cluster' : 'dev');
  const stack = new EmbeddedStack({
    name: `bench-${opts.name}`,
    keep: !!process.env.BENCH_KEEP,
    temporal: kind === 'cluster' ? { cluster: true } : { db: temporalDb },
    serverLogs: false,
    log,
  });
  const unregister = onCleanup('stack', () => stack.stop());
  const t0 = performance.now();
  log(
    `starting PostgreSQL and the Temporal ${kind === 'cluster' ? 'cluster' : 'dev server'} in ${stack.dir}…`,
  );
  await stack.start();
  const postgres = stack.postgres!;
  const temporal = stack.temporal;
  const namespace = stack.namespace;
  const temporalAddress = stack.temporalAddress;
  const temporalServer = stack.cluster
    ? {
        kind,
        server: `Temporal server ${stack.cluster.binaries.serverVersion} (frontend, history, matching, worker as processes)`,
        persistence: 'PostgreSQL (the same server as the read model)',
        label: `Temporal cluster ${stack.cluster.binaries.serverVersion} on PostgreSQL`,
      }
    : {
        kind,
        server: 'temporal CLI dev server',
        persistence: temporalDb,
        label: `Temporal dev server (${temporalDb === 'file' ? 'SQLite file' : 'in-memory'})`,
      };
  log(
    `PostgreSQL on :${postgres.port}, ${temporalServer.label} on ${temporalAddress} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );

  const connection = await Connection.connect({ address: temporalAddress });
  const unregisterClient = onCleanup('Temporal client', () => connection.close());
  const client = new Client({ connection, namespace });

  const waitForPoller = (taskQueue: string, who: string) =>
    stack.waitUntil(`${who} polling "${taskQueue}"`, async () => {
      const res = await client.workflowService.describeTaskQueue({
        namespace,
        taskQueue: { name: taskQueue },
        taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
      });
      return (res.pollers?.length ?? 0) > 0;
    });

  let apiUrl: string | undefined;
  let taskQueue: string | undefined;
  const profiled: string[] = [];
  let profiles = 0;
  if (app) {
    const port = await freePort();
    taskQueue = 'approvals-bench';
    apiUrl = `http://127.0.0.1:${port}`;
    const t1 = performance.now();
    await stack.startProduct({
      apiUrl,
      env: stack.productEnv({
        TEMPORAL_TASK_QUEUE: taskQueue,
        PORT: String(port),
        HOST: '127.0.0.1',
        JWT_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'warn',
        // The benchmarks sign in dozens of accounts from one address within a minute.
        LOGIN_RATE_LIMIT: '100000',
        // A run holds its tokens for hours (the soak): access tokens live as long as a run.
        JWT_TTL_SECONDS: '86400',
        ...app.env,
      }),
      nodeArgs: app.profile ? ['--require', join(__dirname, 'profiler-preload.js')] : [],
      envOf: (of) =>
        app.profile ? { BENCH_PROFILE_PREFIX: join(stack.dir, `${of}-profile`) } : {},
    });
    if (app.profile) profiled.push('worker', 'api');
    await waitForPoller(taskQueue, 'the product worker');
    log(
      `API on ${apiUrl} and worker on "${taskQueue}" (from dist/, ${((performance.now() - t1) / 1000).toFixed(1)} s)`,
    );
  }

  for (const w of opts.benchWorkers ?? []) {
    const t1 = performance.now();
    stack.startNode({
      name: w.name,
      entry: join(ROOT, 'bench', 'lib', 'worker-main.ts'),
      env: {
        ...withoutProductSettings(),
        TEMPORAL_ADDRESS: temporalAddress,
        TEMPORAL_NAMESPACE: namespace,
        TEMPORAL_TASK_QUEUE: w.taskQueue,
        BENCH_WORKFLOWS: w.workflowsPath,
        ...(w.activitiesPath ? { BENCH_ACTIVITIES: w.activitiesPath } : {}),
      },
    });
    await waitForPoller(w.taskQueue, w.name);
    log(`${w.name} on "${w.taskQueue}" (${((performance.now() - t1) / 1000).toFixed(1)} s)`);
  }

  return {
    stack,
    dir: stack.dir,
    databaseUrl: postgres.url,
    temporalAddress,
    namespace,
    temporalDb,
    temporalServer,
    temporalCli: temporal?.cliPath ?? stack.cluster!.binaries.server,
    apiUrl,
    taskQueue,
    client,
    postgres,
    temporal,
    children: stack.children,
    cpuGroups: () => ({ 'bench client': [process.pid], ...stack.pids() }),
    assertAlive: () => {
      const died = stack.deadChild();
      if (died) throw new Error(died);
    },
    profile: () => {
      const n = profiles++;
      const targets = stack.children.filter((c) => profiled.includes(c.name) && c.running());
      for (const c of targets) c.process.kill('SIGWINCH');
      return async () => {
        for (const c of targets) c.process.kill('SIGWINCH');
        const files: Record<string, string> = {};
        for (const c of targets) {
          const file = join(stack.dir, `${c.name}-profile-${n}.cpuprofile`);
          await stack.waitUntil(`${c.name}'s CPU profile`, async () => existsSync(file), {
            timeoutMs: 30_000,
            intervalMs: 100,
          });
          files[c.name] = file;
          // Its worker threads' profiles (the workflow threads), written beside it.
          const thread = new RegExp(`^${c.name}-profile-thread(\\d+)-${n}\\.cpuprofile$`);
          for (const f of readdirSync(stack.dir)) {
            const m = thread.exec(f);
            if (m) files[`${c.name} thread ${m[1]}`] = join(stack.dir, f);
          }
        }
        return files;
      };
    },
    stop: async () => {
      unregisterClient();
      await connection.close().catch(() => undefined);
      unregister();
      await stack.stop();
    },
  };
}
