import { registerAs } from '@nestjs/config';
import { ConfigError, Env, readBool, readInt, readUrl } from './env';

export interface DatabaseConfig {
  url: string;
  ssl: boolean;
  poolSize: number;
  /** How long a query may wait for a connection before the API answers 503. */
  connectTimeoutMs: number;
}

export function parseDatabaseConfig(env: Env): DatabaseConfig {
  const url = readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  if (!url) {
    throw new ConfigError(
      'DATABASE_URL',
      'is not set: use `npm start` for the embedded PostgreSQL, or set postgres://user:pass@host:5432/db',
    );
  }
  return {
    url,
    ssl: readBool(env, 'DATABASE_SSL', false),
    poolSize: readInt(env, 'DATABASE_POOL_SIZE', 10, { min: 1, max: 200 }),
    connectTimeoutMs: readInt(env, 'DATABASE_CONNECT_TIMEOUT_MS', 5000, { min: 100, max: 120000 }),
  };
}

export const databaseConfig = registerAs('database', () => parseDatabaseConfig(process.env));
