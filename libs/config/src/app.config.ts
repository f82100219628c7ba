import { registerAs } from '@nestjs/config';
import { Env, readBool, readEnum, readInt, readPort, readString } from './env';

export interface AppConfig {
  port: number;
  /**
   * Where the API listens (HOST). The embedded default, which creates demo accounts with the
   * password `demo` (`admin` among them), listens on 127.0.0.1 unless HOST says otherwise;
   * everything else on all interfaces.
   */
  host: string;
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /** True when started by `npm start` without DATABASE_URL and TEMPORAL_ADDRESS. */
  embedded: boolean;
  /**
   * How long an API instance reuses a list's total of matches (LIST_TOTAL_CACHE_SECONDS, 0-60;
   * 0: counted on every request). The rows are read on every request; a page that is not full
   * gives its exact total without counting.
   */
  listTotalCacheSeconds: number;
  /**
   * How often the worker writes the warnings and overdues that time alone made
   * (DEADLINE_SWEEP_SECONDS, 0-3600; 0: off, each project's workflow writes its own when its
   * timer fires). apps/worker/src/deadline-sweep.ts.
   */
  deadlineSweepSeconds: number;
  /**
   * With the sweep on, over how long after a risk instant the projects' own workflows wake for
   * it (RISK_WAKE_SPREAD_MINUTES, 0-720): each at a fixed point by its id, not all at midnight.
   */
  riskWakeSpreadMinutes: number;
  /** Swagger UI at /docs and the document at /docs/openapi.json (API_DOCS; off in production). */
  apiDocs: boolean;
}

/** What the API and `npm start` say when HOST opens the embedded default to the network. */
export const demoOnNetworkWarning = (host: string) =>
  `HOST=${host}: the demo accounts (password "demo", admin among them) can be reached from the network — anyone who reaches this address can sign in as an administrator. Unset HOST to listen on 127.0.0.1 only.`;

/** Whether `host` is reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export function parseAppConfig(env: Env): AppConfig {
  const embedded = env.APPROVALS_EMBEDDED === '1';
  const nodeEnv = readEnum(env, 'NODE_ENV', ['development', 'production', 'test'], 'development');
  return {
    port: readPort(env, 'PORT', 3000),
    host: readString(env, 'HOST', embedded ? '127.0.0.1' : '0.0.0.0'),
    nodeEnv,
    logLevel: readEnum(env, 'LOG_LEVEL', ['error', 'warn', 'log', 'debug', 'verbose'], 'log'),
    embedded,
    listTotalCacheSeconds: readInt(env, 'LIST_TOTAL_CACHE_SECONDS', 5, { min: 0, max: 60 }),
    deadlineSweepSeconds: readInt(env, 'DEADLINE_SWEEP_SECONDS', 60, { min: 0, max: 3600 }),
    riskWakeSpreadMinutes: readInt(env, 'RISK_WAKE_SPREAD_MINUTES', 120, { min: 0, max: 720 }),
    apiDocs: readBool(env, 'API_DOCS', nodeEnv !== 'production'),
  };
}

export const appConfig = registerAs('app', () => parseAppConfig(process.env));
