/**
 * The Flowable side of `bench:peer`: builds bench/peers/flowable (Maven, `mvn -q package`, with a
 * progress line while it runs), creates its own database on the stack's PostgreSQL, and runs the
 * JVM (bench.flowable.Main: the engine embedded, its async job executor on, behind a minimal HTTP
 * endpoint) as a child process that can be SIGKILLed and started again.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { ApiClient, onCleanup } from '../../lib';

export const PEER_DIR = __dirname;

function ticker(log: (l: string) => void, what: string): () => void {
  const t0 = performance.now();
  const timer = setInterval(
    () => log(`  ${what}… ${((performance.now() - t0) / 1000).toFixed(0)} s`),
    5000,
  );
  return () => clearInterval(timer);
}

/** `mvn -q -B package` in bench/peers/flowable: classes in target/classes, jars in target/lib. */
export async function buildFlowable(log: (l: string) => void): Promise<void> {
  const t0 = performance.now();
  const built = join(PEER_DIR, 'target', 'classes', 'bench', 'flowable', 'Main.class');
  const sources = [
    join(PEER_DIR, 'pom.xml'),
    join(PEER_DIR, 'src', 'main', 'java', 'bench', 'flowable', 'Main.java'),
  ];
  if (
    existsSync(built) &&
    existsSync(join(PEER_DIR, 'target', 'lib')) &&
    sources.every((f) => statSync(f).mtimeMs < statSync(built).mtimeMs)
  ) {
    log('bench/peers/flowable is up to date (target/ newer than pom.xml and Main.java)');
    return;
  }
  log('building bench/peers/flowable (mvn -q -B package; the first build downloads Flowable)…');
  const stop = ticker(log, 'mvn package');
  const output: string[] = [];
  const code = await new Promise<number | null>((res, rej) => {
    const child = spawn('mvn', ['-q', '-B', 'package', '-DskipTests'], {
      cwd: PEER_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const unregister = onCleanup('mvn', () => void child.kill('SIGTERM'));
    child.stdout.on('data', (b: Buffer) => output.push(b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => output.push(b.toString('utf8')));
    child.once('error', rej);
    child.once('exit', (c) => {
      unregister();
      res(c);
    });
  });
  stop();
  if (code !== 0)
    throw new Error(
      `mvn package failed (${code}):\n${output.join('').split('\n').slice(-30).join('\n')}`,
    );
  log(`built the Flowable peer in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

export interface FlowableOptions {
  /** The stack's PostgreSQL URL (postgres://user:pw@host:port/db); Flowable gets its own db. */
  databaseUrl: string;
  database: string;
  port: number;
  bpmnFile: string;
  /**
   * synchronous_commit of Flowable's database. `off` (default) matches our side's engine
   * store: the Temporal dev server's SQLite in WAL with synchronous=normal survives a process
   * crash and may lose the last commits on an OS crash; so does PostgreSQL with it off.
   */
  synchronousCommit: 'on' | 'off';
  log: (l: string) => void;
}

export class FlowableEngine {
  child?: ChildProcess;
  readonly url: string;
  readonly client: ApiClient;
  readonly jdbcUrl: string;
  private readonly user: string;
  private readonly password: string;
  readonly dbUrl: string;
  private unregister?: () => void;
  starts = 0;
  private readonly logTail: string[] = [];

  constructor(private readonly opts: FlowableOptions) {
    const u = new URL(opts.databaseUrl);
    this.user = decodeURIComponent(u.username);
    this.password = decodeURIComponent(u.password);
    this.jdbcUrl = `jdbc:postgresql://${u.hostname}:${u.port}/${opts.database}`;
    u.pathname = `/${opts.database}`;
    this.dbUrl = u.toString();
    this.url = `http://127.0.0.1:${opts.port}`;
    this.client = new ApiClient(this.url);
  }

  /** Its own database on the same server, with the chosen synchronous_commit. */
  async createDatabase(): Promise<void> {
    const admin = new PgClient({ connectionString: this.opts.databaseUrl });
    await admin.connect();
    try {
      const db = this.opts.database;
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
      if (!rowCount) await admin.query(`CREATE DATABASE "${db}"`);
      await admin.query(
        `ALTER DATABASE "${db}" SET synchronous_commit = ${this.opts.synchronousCommit === 'on' ? 'on' : 'off'}`,
      );
    } finally {
      await admin.end();
    }
  }

  get pid(): number | undefined {
    return this.child?.exitCode === null ? this.child.pid : undefined;
  }

  async start(): Promise<void> {
    const t0 = performance.now();
    const target = join(PEER_DIR, 'target');
    if (!existsSync(join(target, 'classes', 'bench', 'flowable', 'Main.class')))
      throw new Error('bench/peers/flowable is not built (mvn package)');
    const child = spawn(
      'java',
      [
        '-Duser.timezone=UTC',
        '-cp',
        `${join(target, 'classes')}:${join(target, 'lib', '*')}`,
        'bench.flowable.Main',
      ],
      {
        cwd: PEER_DIR,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          FLOWABLE_JDBC_URL: this.jdbcUrl,
          FLOWABLE_JDBC_USER: this.user,
          FLOWABLE_JDBC_PASSWORD: this.password,
          PORT: String(this.opts.port),
          BPMN_FILE: this.opts.bpmnFile,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    this.starts++;
    const keep = (b: Buffer) => {
      for (const l of b.toString('utf8').split('\n'))
        if (l.trim()) {
          this.logTail.push(l);
          if (this.logTail.length > 40) this.logTail.shift();
        }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.unregister?.();
    this.unregister = onCleanup('Flowable JVM', () => this.stop());
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`the Flowable JVM exited (${child.exitCode}):\n${this.logTail.join('\n')}`);
      const a = await this.client.send('GET', '/health', { timeoutMs: 2000 });
      if (a.status === 200) break;
      if (Date.now() > deadline)
        throw new Error(`the Flowable JVM did not answer in 180 s:\n${this.logTail.join('\n')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    this.opts.log(
      `Flowable JVM (pid ${child.pid}) answering on ${this.url} after ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }

  /** kill -9, as a crash. */
  async kill(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const c = this.child;
    this.unregister?.();
    this.unregister = undefined;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    const t = setTimeout(() => c.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(t);
  }

  tail(): string[] {
    return [...this.logTail];
  }
}

export function writeModel(dir: string, xml: string): string {
  const file = join(dir, 'approval.bpmn20.xml');
  writeFileSync(file, xml);
  return file;
}
