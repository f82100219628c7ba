/**
 * The product as real separate processes for the fault tests, on libs/embedded's stack: an
 * embedded PostgreSQL and a Temporal dev server persisting to a SQLite file, and the built
 * worker and API (`dist/`). Each part can be killed and started again on the same port with the
 * same data, which is what the faults need. Everything lives in one scratch folder that
 * `stop()` removes (unless FAULT_KEEP=1).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Stack, freePort, projectRoot } from '../../../libs/embedded/src';
import { log } from './progress';

export const ROOT = projectRoot();

export const TASK_QUEUE = 'approvals-faults';
export const NAMESPACE = 'default';

type Part = 'api' | 'worker';

export class FaultStack extends Stack {
  readonly jwtSecret = randomBytes(24).toString('hex');
  apiPort = 0;

  constructor(readonly name: string) {
    super({
      name: `approvals-fault-${name}`,
      keep: process.env.FAULT_KEEP === '1',
      temporal: { namespace: NAMESPACE },
      log,
    });
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.apiPort}`;
  }

  /** PostgreSQL and Temporal in parallel, then the worker and the API; waits for /health. */
  override async start(): Promise<void> {
    const t0 = Date.now();
    log(`stack in ${this.dir}`);
    await super.start();
    log(
      `PostgreSQL :${this.pgPort}, Temporal dev server :${this.temporalPort} (${Date.now() - t0} ms)`,
    );
    this.apiPort = await freePort();
    await this.startProduct({
      apiUrl: this.apiUrl,
      env: this.productEnv({
        NODE_ENV: 'development',
        TEMPORAL_TASK_QUEUE: TASK_QUEUE,
        PORT: String(this.apiPort),
        HOST: '127.0.0.1',
        JWT_SECRET: this.jwtSecret,
        LOG_LEVEL: process.env.FAULT_LOG_LEVEL ?? 'warn',
        LOG_FORMAT: 'json',
        LOGIN_RATE_LIMIT: '10000',
        // A fault run holds its tokens across restarts, longer than 15 minutes.
        JWT_TTL_SECONDS: '86400',
      }),
    });
    log(`API ${this.apiUrl} healthy`);
  }

  /** The worker again, after a kill. */
  startWorker(): void {
    this.restart('worker');
  }

  /** Log lines of a part at level warn or worse (JSON logs), for the evidence in a result. */
  problems(name: Part, max = 20): string[] {
    const file = this.child(name)?.logFile ?? join(this.dir, `${name}.log`);
    if (!existsSync(file)) return [];
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    return lines
      .filter((l) => /"level":"(warn|error|fatal)"|\bERROR\b|Error:/.test(l))
      .slice(-max)
      .map((l) => l.slice(0, 600));
  }
}
