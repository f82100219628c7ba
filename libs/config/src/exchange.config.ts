import { registerAs } from '@nestjs/config';
import { Env, readInt, readUrl } from './env';

/**
 * The exchange with the provincial / national approval platform (libs/exchange). On when
 * EXCHANGE_DATABASE_URL names the staging database (前置库); the embedded default creates one
 * beside the product's. Off otherwise: no outbox rows are written, and the worker says so.
 */
export interface ExchangeConfig {
  enabled: boolean;
  /** postgres:// of the staging database. */
  databaseUrl?: string;
  /** Called (HTTP GET) after a batch was delivered, as the province's 数据同步通知 interface. */
  notifyUrl?: string;
  /** How often the sender looks for rows waiting (EXCHANGE_SEND_INTERVAL_MS). */
  intervalMs: number;
  /** Rows per batch (EXCHANGE_BATCH_SIZE). */
  batchSize: number;
}

export function parseExchangeConfig(env: Env): ExchangeConfig {
  const databaseUrl = readUrl(env, 'EXCHANGE_DATABASE_URL', ['postgres:', 'postgresql:']);
  return {
    enabled: databaseUrl !== undefined,
    databaseUrl,
    notifyUrl: readUrl(env, 'EXCHANGE_NOTIFY_URL', ['http:', 'https:']),
    intervalMs: readInt(env, 'EXCHANGE_SEND_INTERVAL_MS', 2000, { min: 100, max: 300_000 }),
    batchSize: readInt(env, 'EXCHANGE_BATCH_SIZE', 500, { min: 1, max: 10_000 }),
  };
}

export const exchangeConfig = registerAs('exchange', () => parseExchangeConfig(process.env));
