/**
 * The product as real separate processes for the fault tests: an embedded PostgreSQL with a
 * persistent data directory, a Temporal dev server persisting to a SQLite file, and the built
 * worker and API (`dist/`) as child processes. Each part can be killed and started again on the
 * same port with the same data, which is what the faults need. Everything lives in one temp
 * directory that `stop()` removes (unless FAULT_KEEP=1).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  chmodSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  RunningDevServer,
  freePort,
  startTemporalDevServer,
  waitFor,
} from '../../../libs/embedded/src';
import { log } from './progress';

export const ROOT = resolve(__dirname, '..', '..', '..');
const DIST_API = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const DIST_WORKER = join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');

export const TASK_QUEUE = 'approvals-faults';
export const NAMESPACE = 'default';

interface NodeProc {
  name: 'api' | 'worker';
  child: ChildProcess;
  exited: Promise<void>;
  expectExit: boolean;
}

export interface ProcessExit {
  name: string;
  at: string;
  how: string;
  expected: boolean;
}

export class FaultStack {
  readonly dir: string;
  readonly pgDir: string;
  readonly sqlite: string;
  readonly logDir: string;
  readonly jwtSecret = randomBytes(24).toString('hex');
  pgPort = 0;
  temporalPort = 0;
  apiPort = 0;
  temporal?: RunningDevServer;
  private procs: Partial<Record<'api' | 'worker', NodeProc>> = {};
  /** Every exit of the API or the worker, asked for or not. */
  readonly exits: ProcessExit[] = [];
  private stopped = false;

  constructor(readonly name: string) {
    this.dir = mkdtempSync(join(tmpdir(), `approvals-fault-${name}-`));
    chmodSync(this.dir, 0o755); // PostgreSQL runs as the postgres user when we are root
    this.pgDir = join(this.dir, 'pg');
    this.sqlite = join(this.dir, 'temporal.sqlite');
    this.logDir = this.dir;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.apiPort}`;
  }

  get databaseUrl(): string {
    if (!this.pgUrl) throw new Error('PostgreSQL is not started');
    return this.pgUrl;
  }

  get temporalAddress(): string {
    return `127.0.0.1:${this.temporalPort}`;
  }

  /** PostgreSQL and Temporal in parallel, then the worker and the API; waits for /health. */
  async start(): Promise<void> {
    for (const f of [DIST_API, DIST_WORKER]) {
      if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run build\` first`);
    }
    [this.pgPort, this.temporalPort, this.apiPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
    ]);
    log(`stack in ${this.dir}: PostgreSQL :${this.pgPort}, Temporal :${this.temporalPort}`);
    await Promise.all([this.startPostgres(), this.startTemporal()]);
    this.startWorker();
    this.startApi();
    await this.waitHealthy(180_000);
    log(`API ${this.apiUrl} healthy`);
  }

  /**
   * PostgreSQL in a runner process of its own (pg-runner.ts), on the same port and data
   * directory every time, so it can be stopped and started again mid-test.
   */
  async startPostgres(): Promise<void> {
    const t0 = Date.now();
    const runner = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'pg-runner.ts'), this.pgDir, String(this.pgPort)],
      { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const exited = new Promise<void>((res) => runner.once('exit', () => res()));
    this.pgRunner = { child: runner, exited };
    const url = await new Promise<string>((res, rej) => {
      let out = '';
      let err = '';
      const timer = setTimeout(() => rej(new Error(`PostgreSQL did not start: ${err}`)), 90_000);
      runner.stderr.on('data', (b: Buffer) => {
        err += b.toString('utf8');
        this.append('postgres', b.toString('utf8'));
      });
      runner.stdout.on('data', (b: Buffer) => {
        out += b.toString('utf8');
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) {
          clearTimeout(timer);
          res((JSON.parse(line) as { url: string }).url);
        }
      });
      runner.once('exit', (code) => {
        clearTimeout(timer);
        rej(new Error(`PostgreSQL runner exited with ${code}: ${err.trim()}`));
      });
    });
    this.pgUrl = url;
    log(`PostgreSQL up on :${this.pgPort} (${Date.now() - t0} ms)`);
  }

  /** Fast shutdown (SIGINT): sessions are terminated, the data stays for the next start. */
  async stopPostgres(): Promise<void> {
    const r = this.pgRunner;
    this.pgRunner = undefined;
    if (!r || r.child.exitCode !== null || r.child.signalCode !== null) return;
    r.child.kill('SIGINT');
    const timer = setTimeout(() => r.child.kill('SIGKILL'), 30_000);
    await r.exited;
    clearTimeout(timer);
  }

  private pgRunner?: { child: ChildProcess; exited: Promise<void> };
  private pgUrl?: string;

  async startTemporal(): Promise<void> {
    const t0 = Date.now();
    this.temporal = await startTemporalDevServer({
      dbFile: this.sqlite,
      port: this.temporalPort,
      uiPort: 0,
      namespace: NAMESPACE,
      onLog: (l) => this.append('temporal', l),
    });
    log(`Temporal dev server up on :${this.temporalPort} (${Date.now() - t0} ms)`);
  }

  /** Stops the dev server with a signal; SIGKILL is a crash, SIGTERM a clean stop. */
  async stopTemporal(signal: NodeJS.Signals): Promise<void> {
    const t = this.temporal;
    this.temporal = undefined;
    if (!t) return;
    const proc = t.process;
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise<void>((res) => proc.once('exit', () => res()));
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
    await gone;
    clearTimeout(timer);
  }

  private childEnv(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: this.pgUrl,
      TEMPORAL_ADDRESS: this.temporalAddress,
      TEMPORAL_NAMESPACE: NAMESPACE,
      TEMPORAL_TASK_QUEUE: TASK_QUEUE,
      PORT: String(this.apiPort),
      HOST: '127.0.0.1',
      JWT_SECRET: this.jwtSecret,
      APPROVALS_EMBEDDED: '1',
      LOG_LEVEL: process.env.FAULT_LOG_LEVEL ?? 'warn',
      LOG_FORMAT: 'json',
      LOGIN_RATE_LIMIT: '10000',
    };
  }

  startWorker(): void {
    this.spawnNode('worker', DIST_WORKER);
  }

  startApi(): void {
    this.spawnNode('api', DIST_API);
  }

  private spawnNode(name: 'api' | 'worker', entry: string): void {
    const prev = this.procs[name];
    if (prev && prev.child.exitCode === null && prev.child.signalCode === null) {
      throw new Error(`the ${name} is already running (pid ${prev.child.pid})`);
    }
    const fd = openSync(join(this.logDir, `${name}.log`), 'a');
    const child = spawn(process.execPath, ['--enable-source-maps', entry], {
      env: this.childEnv(),
      stdio: ['ignore', fd, fd],
      cwd: ROOT,
    });
    closeSync(fd);
    const proc: NodeProc = {
      name,
      child,
      expectExit: false,
      exited: new Promise<void>((res) => child.once('exit', () => res())),
    };
    child.once('exit', (code, signal) => {
      const how = signal ? `signal ${signal}` : `code ${code}`;
      this.exits.push({ name, at: new Date().toISOString(), how, expected: proc.expectExit });
      if (!proc.expectExit && !this.stopped) {
        log(`!! the ${name} (pid ${child.pid}) exited unexpectedly (${how}); see ${name}.log`);
      }
    });
    this.procs[name] = proc;
    log(`${name} started (pid ${child.pid})`);
  }

  /** Kills the API or the worker with a signal and waits until it is gone. */
  async kill(name: 'api' | 'worker', signal: NodeJS.Signals): Promise<void> {
    const proc = this.procs[name];
    if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
    proc.expectExit = true;
    proc.child.kill(signal);
    const timer = setTimeout(() => proc.child.kill('SIGKILL'), 20_000);
    await proc.exited;
    clearTimeout(timer);
  }

  running(name: 'api' | 'worker'): boolean {
    const c = this.procs[name]?.child;
    return !!c && c.exitCode === null && c.signalCode === null;
  }

  /** Exits nobody asked for, e.g. a worker that gave up while Temporal was down. */
  unexpectedExits(): ProcessExit[] {
    return this.exits.filter((e) => !e.expected);
  }

  async waitHealthy(timeoutMs = 120_000): Promise<void> {
    await waitFor(
      'the API /health',
      async () => (await fetch(`${this.apiUrl}/health`, { signal: AbortSignal.timeout(5000) })).ok,
      { timeoutMs, intervalMs: 500 },
    );
  }

  /** Log lines of a part at level warn or worse (JSON logs), for the evidence in a result. */
  problems(name: 'api' | 'worker', max = 20): string[] {
    const file = join(this.logDir, `${name}.log`);
    if (!existsSync(file)) return [];
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    return lines
      .filter((l) => /"level":"(warn|error|fatal)"|\bERROR\b|Error:/.test(l))
      .slice(-max)
      .map((l) => l.slice(0, 600));
  }

  private append(part: string, line: string): void {
    appendFileSync(join(this.logDir, `${part}.log`), line.endsWith('\n') ? line : `${line}\n`);
  }

  /** Stops everything in reverse order and removes the temp directory. Safe to call twice. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await Promise.all([this.kill('api', 'SIGTERM'), this.kill('worker', 'SIGTERM')]).catch(
      () => undefined,
    );
    await this.stopTemporal('SIGTERM').catch(() => undefined);
    await this.stopPostgres().catch(() => undefined);
    if (process.env.FAULT_KEEP === '1') log(`kept ${this.dir} (FAULT_KEEP=1)`);
    else rmSync(this.dir, { recursive: true, force: true });
  }
}
