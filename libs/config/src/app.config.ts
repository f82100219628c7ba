import { registerAs } from '@nestjs/config';
import { Env, readEnum, readPort, readString } from './env';

export interface AppConfig {
  port: number;
  host: string;
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /** True when started by `npm start` without DATABASE_URL and TEMPORAL_ADDRESS. */
  embedded: boolean;
}

export function parseAppConfig(env: Env): AppConfig {
  return {
    port: readPort(env, 'PORT', 3000),
    host: readString(env, 'HOST', '0.0.0.0'),
    nodeEnv: readEnum(env, 'NODE_ENV', ['development', 'production', 'test'], 'development'),
    logLevel: readEnum(env, 'LOG_LEVEL', ['error', 'warn', 'log', 'debug', 'verbose'], 'log'),
    embedded: env.APPROVALS_EMBEDDED === '1',
  };
}

export const appConfig = registerAs('app', () => parseAppConfig(process.env));
