/**
 * The product as real separate processes for the fault tests, on libs/embedded's stack: an
 * embedded PostgreSQL and a Temporal dev server persisting to a SQLite file, and the built
 * worker and API (`dist/`). FAULT_TEMPORAL=cluster: a real Temporal cluster on that PostgreSQL
 * (four service processes) with two workers and two APIs, the requests taking turns on them;
 * results go to faults-<name>-cluster.json. Each part can be killed and started again on the same port with the
 * same data, which is what the faults need. Everything lives in one scratch folder that
 * `stop()` removes (unless FAULT_KEEP=1).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Stack, copyName, freePortBlock, projectRoot } from '../../../libs/embedded/src';
import { log } from './progress';

export const ROOT = projectRoot();

export const TASK_QUEUE = 'approvals-faults';
export const NAMESPACE = 'default';

type Part = 'api' | 'worker';

const CLUSTER = process.env.FAULT_TEMPORAL === 'cluster';

export class FaultStack extends Stack {
  readonly jwtSecret = randomBytes(24).toString('hex');
  apiPort = 0;
  /** Workers and APIs: two of each on the cluster. */
  readonly copies = CLUSTER ? 2 : 1;
  /** Of the result file: `-cluster` on the cluster. */
  readonly suffix = CLUSTER ? '-cluster' : '';
  private turn = 0;

  /**
   * `dir`: keep the data there, laid out as `npm start` lays out DATA_DIR (PostgreSQL in
   * `postgres/`), instead of a scratch folder (the restore drill).
   */
  constructor(
    readonly name: string,
    { dir }: { dir?: string } = {},
  ) {
    super({
      name: `approvals-fault-${name}`,
      dir,
      keep: process.env.FAULT_KEEP === '1',
      postgres: dir ? { folder: 'postgres' } : {},
      temporal: { namespace: NAMESPACE, cluster: CLUSTER },
      log,
    });
  }

  /** The next API's URL: with two APIs, requests take turns on them (a load balancer). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.apiPort + (this.turn++ % this.copies)}`;
  }

  /** PostgreSQL and Temporal in parallel, then the worker and the API; waits for /health. */
  override async start(): Promise<void> {
    const t0 = Date.now();
    log(`stack in ${this.dir}`);
    await super.start();
    log(
      `PostgreSQL :${this.pgPort}, Temporal ${CLUSTER ? 'cluster' : 'dev server'} :${this.temporalPort} (${Date.now() - t0} ms)`,
    );
    this.apiPort = await freePortBlock(this.copies);
    await this.startProduct({
      apiUrl: `http://127.0.0.1:${this.apiPort}`,
      copies: this.copies,
      env: this.productEnv({
        NODE_ENV: 'development',
        TEMPORAL_TASK_QUEUE: TASK_QUEUE,
        PORT: String(this.apiPort),
        HOST: '127.0.0.1',
        JWT_SECRET: this.jwtSecret,
        FILES_DIR: join(this.dir, 'files'), // uploaded materials, with the stack's data
        LOG_LEVEL: process.env.FAULT_LOG_LEVEL ?? 'warn',
        LOG_FORMAT: 'json',
        LOGIN_RATE_LIMIT: '10000',
        // A fault run holds its tokens across restarts, longer than 15 minutes.
        JWT_TTL_SECONDS: '86400',
      }),
    });
    log(`API${this.copies > 1 ? 's' : ''} from :${this.apiPort} healthy`);
  }

  /** The child names of the product's workers or APIs (or both): `worker`, `worker 2`, … */
  parts(...kinds: Part[]): string[] {
    const of = kinds.length ? kinds : (['worker', 'api'] as Part[]);
    return of.flatMap((k) => Array.from({ length: this.copies }, (_, i) => copyName(k, i + 1)));
  }

  /** Every worker and API still runs, and nothing exited on its own. */
  productUp(): boolean {
    return this.parts().every((n) => this.running(n)) && this.unexpectedExits().length === 0;
  }

  /** The workers again, after a kill. */
  startWorker(): void {
    for (const name of this.parts('worker')) if (!this.running(name)) this.restart(name);
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
