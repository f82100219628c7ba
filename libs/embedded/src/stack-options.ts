/** What a Stack is started with, and where the built product's processes are. */
import { join } from 'node:path';
import type { ChildExit, NodeChild } from './node-child';
import { projectRoot } from './project-root';

export interface StackPostgresOptions {
  /** Default: a free port. */
  port?: number;
  /** The data folder's name inside the stack's folder (default `pg`). */
  folder?: string;
}

export interface StackTemporalOptions {
  /** Default: a free port. */
  port?: number;
  /** The Web UI's port; 0 or omitted: headless. */
  uiPort?: number;
  namespace?: string;
  /** `file` (default, as `npm start`): a SQLite file in the folder; `memory`: in-memory SQLite. */
  db?: 'file' | 'memory';
  /** The SQLite file's name inside the stack's folder (default `temporal.sqlite`). */
  file?: string;
  /** Default WAL (see DevServerOptions); `[]`: SQLite's own defaults. */
  sqlitePragmas?: string[];
  /**
   * A real Temporal cluster instead of the dev server (temporal-cluster.ts): frontend, history,
   * matching and worker as separate processes on PostgreSQL (the stack's, or `databaseUrl`'s
   * server), ports from `port` to `port`+12. `db` and `file` do not apply.
   */
  cluster?: boolean;
  /** With `cluster` and no embedded PostgreSQL: a URL of the server to keep its databases on. */
  databaseUrl?: string;
}

export interface StackOptions {
  /** The folder of data and logs, kept (npm start's DATA_DIR). Omitted: a scratch folder. */
  dir?: string;
  /** The scratch folder's name prefix, e.g. `bench-baseline`. */
  name?: string;
  /** Keep the scratch folder on stop (for a look at the logs). */
  keep?: boolean;
  /** The embedded PostgreSQL (default on); false when DATABASE_URL points elsewhere. */
  postgres?: StackPostgresOptions | false;
  /** The Temporal dev server (default on); false when TEMPORAL_ADDRESS points elsewhere. */
  temporal?: StackTemporalOptions | false;
  /** The servers' output into postgres.log and temporal.log (default: in a scratch folder). */
  serverLogs?: boolean;
  /** Progress, stops and a child's unexpected exit; silent when omitted. */
  log?: (line: string) => void;
  /** A child exited on its own (not through stop() or kill()). */
  onUnexpectedExit?: (exit: ChildExit, child: NodeChild) => void;
}

export type ProductProcess = 'worker' | 'api';

export interface ProductOptions {
  /** The environment of both, complete (see `productEnv`). */
  env: NodeJS.ProcessEnv;
  /** The API's base URL, for the wait on its /health. */
  apiUrl: string;
  /** More environment per process and copy (1-based), e.g. a profiler's file prefix. */
  envOf?: (name: ProductProcess, copy: number) => NodeJS.ProcessEnv;
  /** Node flags of both, e.g. `--require` of a profiler hook. */
  nodeArgs?: string[];
  /** Output lines of each to this sink instead of `<dir>/<name>.log` (`npm start`). */
  echo?: (name: string) => (line: string) => void;
  /** How long the API has to answer /health (default 180 s). */
  healthTimeoutMs?: number;
  /**
   * Workers and APIs to run (default 1 each), as production runs several behind a cluster: the
   * n-th (n ≥ 2) is named `worker n` / `api n` and its API listens on PORT + n - 1.
   */
  copies?: number;
}

/** The name of the n-th copy (1-based) of a product process: `api`, `api 2`, … */
export const copyName = (name: ProductProcess, n: number) => (n === 1 ? name : `${name} ${n}`);

/** The base URL of the n-th API: `apiUrl` with its port moved up by n - 1. */
export function copyUrl(apiUrl: string, n: number): string {
  const u = new URL(apiUrl);
  u.port = String(Number(u.port) + n - 1);
  return u.origin;
}

/** Settings that would point the product's processes elsewhere than this stack. */
const PRODUCT_ENV =
  /^(DATABASE_|TEMPORAL_|OIDC_|JWT_|LOG_|LOGIN_|APPROVALS_|SMTP_|MAIL_|OTEL_|METRICS_|WORKER_METRICS_|PUBLIC_URL$|PORT$|HOST$|NODE_ENV$)/;

/** This process's environment without the product's settings (a test's stack starts clean). */
export function withoutProductSettings(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !PRODUCT_ENV.test(k)));
}

/** The built product's entry points (`npm run build`). */
export function productEntry(name: ProductProcess): string {
  return join(projectRoot(), 'dist', 'apps', name, 'src', 'main.js');
}
