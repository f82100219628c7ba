/**
 * The one launcher of the whole stack on one machine, for `npm start`, the e2e tests, the
 * benchmarks and the fault tests: a folder (the kept DATA_DIR, or a scratch folder removed on
 * stop), an embedded PostgreSQL, a Temporal dev server (SQLite file or in memory, Web UI or
 * headless) or a real Temporal cluster on that PostgreSQL (temporal-cluster.ts: its services
 * are supervised children too), and supervised Node children (the product's workers and APIs
 * from dist/, or other workers). A child that dies on its own fails every wait at once with its last lines. Each
 * part can be stopped and started again on the same port with the same data (the faults), and
 * `stop()` stops everything, newest first.
 */
import { chmodSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ChildExit, NodeChild, NodeChildSpec } from './node-child';
import type { ProductOptions, StackOptions } from './stack-options';
import { copyName, copyUrl, productEntry, withoutProductSettings } from './stack-options';
import { StartupError, freePort, freePortBlock } from './ports';
import { RunningPostgres, startEmbeddedPostgres } from './postgres';
import { projectRoot } from './project-root';
import { RunningDevServer, startTemporalDevServer } from './temporal-dev-server';
import {
  CLUSTER_PORT_SPAN,
  CLUSTER_SERVICES,
  ClusterService,
  RunningCluster,
  serviceChild,
  startCluster,
  waitForService,
} from './temporal-cluster';

export * from './stack-options';

/** `worker (restarted)` → `worker-restarted`. */
const fileName = (name: string) => name.replace(/\W+/g, '-').replace(/^-|-$/g, '');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Stack {
  readonly dir: string;
  readonly scratch: boolean;
  readonly namespace: string;
  readonly temporalDb?: 'file' | 'memory';
  postgres?: RunningPostgres;
  temporal?: RunningDevServer;
  /** Set instead of `temporal` when the stack runs a Temporal cluster. */
  cluster?: RunningCluster;
  pgPort = 0;
  temporalPort = 0;
  /** Every child started, in order (a restarted one again). */
  readonly children: NodeChild[] = [];
  /** Every exit of a child, asked for or not. */
  readonly exits: ChildExit[] = [];
  private readonly logs: Record<string, WriteStream> = {};
  private died?: string;
  private stopping?: Promise<void>;

  constructor(private readonly opts: StackOptions = {}) {
    this.scratch = !opts.dir;
    if (opts.dir) {
      this.dir = resolve(opts.dir);
      mkdirSync(this.dir, { recursive: true });
    } else {
      this.dir = mkdtempSync(join(tmpdir(), `${opts.name ?? 'approvals'}-`));
      chmodSync(this.dir, 0o755); // PostgreSQL runs as the postgres user when we are root
    }
    const t = opts.temporal;
    this.namespace = (t && t.namespace) || 'default';
    if (t !== false && !t?.cluster) this.temporalDb = t?.db ?? 'file';
  }

  get databaseUrl(): string {
    if (!this.postgres) throw new StartupError('the stack runs no PostgreSQL');
    return this.postgres.url;
  }

  get temporalAddress(): string {
    if (!this.temporalPort) throw new StartupError('the stack runs no Temporal server');
    return `127.0.0.1:${this.temporalPort}`;
  }

  get sqliteFile(): string | undefined {
    const t = this.opts.temporal;
    return this.temporalDb === 'file'
      ? join(this.dir, (t && t.file) || 'temporal.sqlite')
      : undefined;
  }

  /** PostgreSQL and the dev server side by side (what the options ask for). */
  async start(): Promise<void> {
    if (this.opts.temporal && this.opts.temporal.cluster) {
      // The cluster keeps its databases on the PostgreSQL server: that comes first.
      if (this.opts.postgres !== false) await this.startPostgres();
      await this.startTemporal();
      return;
    }
    const results = await Promise.allSettled([
      this.opts.postgres === false ? undefined : this.startPostgres(),
      this.opts.temporal === false ? undefined : this.startTemporal(),
    ]);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed?.status === 'rejected') throw failed.reason;
  }

  /** Starts PostgreSQL, again on the same port and data after a stopPostgres(). */
  async startPostgres(): Promise<RunningPostgres> {
    const pg = this.opts.postgres || {};
    this.pgPort ||= pg.port ?? (await freePort());
    this.postgres = await startEmbeddedPostgres({
      dataDir: join(this.dir, pg.folder ?? 'pg'),
      port: this.pgPort,
      onLog: this.serverLog('postgres'),
    });
    return this.postgres;
  }

  /** Fast shutdown: sessions are ended, the data stays for the next start. */
  async stopPostgres(): Promise<void> {
    const pg = this.postgres;
    this.postgres = undefined;
    await pg?.stop();
  }

  /** Starts the dev server, again on the same port and SQLite file after a stopTemporal(). */
  async startTemporal(): Promise<RunningDevServer | RunningCluster> {
    const t = this.opts.temporal || {};
    if (t.cluster) return this.startCluster();
    this.temporalPort ||= t.port ?? (await freePort());
    this.temporal = await startTemporalDevServer({
      dbFile: this.sqliteFile,
      sqlitePragmas: t.sqlitePragmas,
      port: this.temporalPort,
      uiPort: t.uiPort ?? 0,
      namespace: this.namespace,
      onLog: this.serverLog('temporal'),
    });
    return this.temporal;
  }

  /** A Temporal cluster's services, the Web UI, the namespace (see temporal-cluster.ts). */
  private async startCluster(): Promise<RunningCluster> {
    const t = this.opts.temporal || {};
    this.temporalPort ||= t.port ?? (await freePortBlock(CLUSTER_PORT_SPAN));
    const databaseUrl = this.postgres?.url ?? t.databaseUrl;
    if (!databaseUrl)
      throw new StartupError('a Temporal cluster needs PostgreSQL: the embedded one or a URL');
    this.cluster = await startCluster(this, {
      dir: join(this.dir, 'temporal-cluster'),
      port: this.temporalPort,
      uiPort: t.uiPort ?? 0,
      namespace: this.namespace,
      databaseUrl,
      log: this.opts.log,
    });
    return this.cluster;
  }

  /** One service of the cluster: SIGKILL is a crash of that process (the fault tests). */
  async killTemporalService(service: ClusterService, signal: NodeJS.Signals = 'SIGKILL') {
    await this.kill(serviceChild(service), signal);
  }

  /** Starts a killed service again as it was; resolves once it serves. */
  async restartTemporalService(service: ClusterService): Promise<void> {
    if (!this.cluster) throw new StartupError('the stack runs no Temporal cluster');
    this.restart(serviceChild(service));
    await waitForService(this, service, this.cluster.ports);
  }

  /** SIGTERM is a clean stop, SIGKILL a crash (of every service of a cluster). */
  async stopTemporal(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.cluster) {
      for (const s of ['ui', ...[...CLUSTER_SERVICES].reverse()] as const)
        if (this.running(serviceChild(s))) await this.kill(serviceChild(s), signal);
      return;
    }
    const t = this.temporal;
    this.temporal = undefined;
    await t?.stop(signal);
  }

  /**
   * The product's environment pointing at this stack's parts: `base` (default: this process's
   * environment without the product's settings), the database and Temporal this stack runs,
   * then `extra`.
   */
  productEnv(
    extra: NodeJS.ProcessEnv = {},
    base: NodeJS.ProcessEnv = withoutProductSettings(),
  ): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...base };
    if (this.postgres) env.DATABASE_URL = this.postgres.url;
    if (this.temporalPort) {
      env.TEMPORAL_ADDRESS = this.temporalAddress;
      env.TEMPORAL_NAMESPACE = this.namespace;
    }
    if (this.postgres && this.temporalPort) env.APPROVALS_EMBEDDED = '1';
    return { ...env, ...extra };
  }

  /** A supervised Node child; its output goes to `<dir>/<name>.log` unless it has `echo`. */
  startNode(spec: NodeChildSpec): NodeChild {
    const logFile =
      spec.logFile ?? (spec.echo ? undefined : join(this.dir, `${fileName(spec.name)}.log`));
    const child = new NodeChild({ cwd: projectRoot(), ...spec, logFile }, (exit, c) =>
      this.onExit(exit, c),
    );
    this.children.push(child);
    this.opts.log?.(`${spec.name} started (pid ${child.pid})`);
    return child;
  }

  /** The newest child of that name. */
  child(name: string): NodeChild | undefined {
    return [...this.children].reverse().find((c) => c.name === name);
  }

  running(name: string): boolean {
    return this.child(name)?.running() ?? false;
  }

  /** Sends a signal to a child (an exit asked for, e.g. SIGKILL as a crash) and waits. */
  async kill(name: string, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await this.child(name)?.kill(signal);
  }

  /** Starts a child again as it was started (`changes`: e.g. another name and log file). */
  restart(name: string, changes: Partial<NodeChildSpec> = {}): NodeChild {
    const old = this.child(name);
    if (!old) throw new StartupError(`no child named ${name} was started`);
    if (old.running()) throw new StartupError(`the ${name} is still running (pid ${old.pid})`);
    const renamed = changes.name && changes.name !== name;
    return this.startNode({
      ...old.spec,
      ...(renamed && !changes.logFile ? { logFile: undefined } : {}),
      ...changes,
    });
  }

  /**
   * The worker, then the API, from dist/ (`copies` of each); resolves once every API answers
   * /health. Returns the APIs' base URLs.
   */
  async startProduct(opts: ProductOptions): Promise<string[]> {
    const urls: string[] = [];
    for (let n = 1; n <= (opts.copies ?? 1); n++) {
      for (const name of ['worker', 'api'] as const) {
        const entry = productEntry(name);
        if (!existsSync(entry))
          throw new StartupError(`${entry} is missing: run \`npm run build\` first`);
        const port = n > 1 && name === 'api' ? { PORT: new URL(copyUrl(opts.apiUrl, n)).port } : {};
        this.startNode({
          name: copyName(name, n),
          entry,
          env: { ...opts.env, ...opts.envOf?.(name, n), ...port },
          nodeArgs: opts.nodeArgs,
          echo: opts.echo?.(copyName(name, n)),
        });
      }
      urls.push(copyUrl(opts.apiUrl, n));
    }
    for (const url of urls) await this.waitForHealth(url, opts.healthTimeoutMs ?? 180_000);
    return urls;
  }

  /** Until `<url>/health` answers 200; a child's death fails it at once. */
  waitForHealth(url: string, timeoutMs = 120_000): Promise<void> {
    return this.waitUntil(
      `${url}/health`,
      async () => (await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) })).ok,
      { timeoutMs, intervalMs: 300 },
    );
  }

  /** Polls `probe` until it holds; a child that died on its own fails it at once. */
  async waitUntil(
    what: string,
    probe: () => Promise<boolean>,
    { timeoutMs = 180_000, intervalMs = 300 } = {},
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.died) throw new StartupError(`${what}: ${this.died}`);
      if (await probe().catch(() => false)) return;
      if (Date.now() > deadline)
        throw new StartupError(`${what}: not ready within ${Math.round(timeoutMs / 1000)} s`);
      await sleep(intervalMs);
    }
  }

  /** The first child that exited on its own, with its last lines; undefined while none did. */
  deadChild(): string | undefined {
    return this.died;
  }

  /** Exits nobody asked for, e.g. a worker that gave up while Temporal was down. */
  unexpectedExits(): ChildExit[] {
    return this.exits.filter((e) => !e.expected);
  }

  /** Root pids of the parts (for CPU and memory figures): PostgreSQL, Temporal, each child. */
  pids(): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    if (this.postgres?.pid) out.PostgreSQL = [this.postgres.pid];
    if (this.temporal?.process.pid) out['Temporal dev server'] = [this.temporal.process.pid];
    for (const c of this.children) out[c.name] = [c.pid];
    return out;
  }

  /** Stops the children (newest first), the dev server, PostgreSQL; removes a scratch folder. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      const steps: [string, () => Promise<void>][] = [
        ...[...this.children]
          .reverse()
          .filter((c) => c.running())
          .map((c): [string, () => Promise<void>] => [c.name, () => c.stop()]),
      ];
      if (this.temporal) steps.push(['Temporal dev server', () => this.stopTemporal()]);
      if (this.postgres) steps.push(['PostgreSQL', () => this.stopPostgres()]);
      for (const [name, fn] of steps) {
        try {
          await fn();
          this.opts.log?.(`stopped ${name}`);
        } catch (err) {
          this.opts.log?.(`stopping ${name} failed: ${(err as Error).message}`);
        }
      }
      for (const s of Object.values(this.logs)) s.end();
      if (!this.scratch) return;
      if (this.opts.keep) this.opts.log?.(`kept ${this.dir}`);
      else rmSync(this.dir, { recursive: true, force: true });
    })();
    return this.stopping;
  }

  private onExit(exit: ChildExit, child: NodeChild) {
    if (this.stopping) exit.expected = true;
    this.exits.push(exit);
    if (exit.expected) return;
    const tail = child.spec.echo ? '' : `; its last lines:\n${child.tail().join('\n')}`;
    this.died ??= `the ${exit.name} (pid ${exit.pid}) exited on its own with ${exit.how}${tail}`;
    this.opts.log?.(
      `ERROR: the ${exit.name} (pid ${exit.pid}) exited on its own with ${exit.how}${tail}`,
    );
    this.opts.onUnexpectedExit?.(exit, child);
  }

  private serverLog(part: string): ((line: string) => void) | undefined {
    if (!(this.opts.serverLogs ?? this.scratch)) return undefined;
    return (line) => {
      this.logs[part] ??= createWriteStream(join(this.dir, `${part}.log`), { flags: 'a' });
      this.logs[part].write(line.endsWith('\n') ? line : `${line}\n`);
    };
  }
}

/** A new stack, started; what started is stopped again when a part fails to start. */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const stack = new Stack(opts);
  try {
    await stack.start();
  } catch (err) {
    await stack.stop();
    throw err;
  }
  return stack;
}
