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
import type { ProductOptions, StackOptions } from './stack-options';
import { copyName, copyUrl, productEntry, withoutProductSettings } from './stack-options';
import { StartupError, freePort, freePortBlock } from './ports';
import { RunningPostgres, startEmbeddedPostgres } from './postgres';
import { Supervisor } from './supervisor';
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

export class Stack extends Supervisor {
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
  private readonly logs: Record<string, WriteStream> = {};

  constructor(protected readonly opts: StackOptions = {}) {
    super();
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
    // The exchange on by default beside an embedded database, unless the caller points it away.
    if (this.postgres && !env.EXCHANGE_DATABASE_URL)
      env.EXCHANGE_DATABASE_URL = this.postgres.exchangeUrl;
    if (this.temporalPort) {
      env.TEMPORAL_ADDRESS = this.temporalAddress;
      env.TEMPORAL_NAMESPACE = this.namespace;
    }
    if (this.postgres && this.temporalPort) env.APPROVALS_EMBEDDED = '1';
    return { ...env, ...extra };
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
