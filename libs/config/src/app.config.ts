import { registerAs } from '@nestjs/config';
import { Env, readEnum, readInt, readPort, readString } from './env';

export interface AppConfig {
  port: number;
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
}

export function parseAppConfig(env: Env): AppConfig {
  return {
    port: readPort(env, 'PORT', 3000),
    host: readString(env, 'HOST', '0.0.0.0'),
    nodeEnv: readEnum(env, 'NODE_ENV', ['development', 'production', 'test'], 'development'),
    logLevel: readEnum(env, 'LOG_LEVEL', ['error', 'warn', 'log', 'debug', 'verbose'], 'log'),
    embedded: env.APPROVALS_EMBEDDED === '1',
    listTotalCacheSeconds: readInt(env, 'LIST_TOTAL_CACHE_SECONDS', 5, { min: 0, max: 60 }),
    deadlineSweepSeconds: readInt(env, 'DEADLINE_SWEEP_SECONDS', 60, { min: 0, max: 3600 }),
    riskWakeSpreadMinutes: readInt(env, 'RISK_WAKE_SPREAD_MINUTES', 120, { min: 0, max: 720 }),
  };
}

export const appConfig = registerAs('app', () => parseAppConfig(process.env));
