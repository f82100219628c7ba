import { DefaultLogger, type LogEntry, type LogLevel } from '@temporalio/worker';
import type { Logger } from 'pino';
import type { LogThreshold } from '../../../libs/observability/src';

const SDK_LEVEL: Record<LogThreshold, LogLevel> = {
  error: 'ERROR',
  warn: 'WARN',
  log: 'INFO',
  debug: 'DEBUG',
  verbose: 'TRACE',
};

const PINO_LEVEL = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
} as const;

/**
 * The Temporal SDK's logger (bundling, worker state, workflow and activity `log` with their
 * workflow ids in `meta`) writing through pino with context `temporal`, at the app's level.
 */
export function temporalLogger(logger: Logger, level: LogThreshold): DefaultLogger {
  const log = logger.child({ context: 'temporal' });
  return new DefaultLogger(SDK_LEVEL[level], (entry: LogEntry) => {
    // webpack's statistics of bundling the workflows from source: a screenful, for debugging.
    const chatty = entry.level === 'INFO' && /^asset workflow-bundle/.test(entry.message);
    log[chatty ? 'debug' : (PINO_LEVEL[entry.level] ?? 'info')](entry.meta ?? {}, entry.message);
  });
}
