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

const CHATTY =
  /^(asset workflow-bundle|Workflow bundle created|Worker state changed|No Nexus services registered)/;

/**
 * The Temporal SDK's logger (bundling, worker state, workflow and activity `log` with their
 * workflow ids in `meta`) writing through pino with context `temporal`, at the app's level.
 */
export function temporalLogger(logger: Logger, level: LogThreshold): DefaultLogger {
  const log = logger.child({ context: 'temporal' });
  return new DefaultLogger(SDK_LEVEL[level], (entry: LogEntry) => {
    // webpack's statistics of bundling the workflows from source (a screenful), the bundle's size
    // and the worker's state changes: for debugging; the worker says itself when it polls.
    const chatty = entry.level === 'INFO' && CHATTY.test(entry.message);
    log[chatty ? 'debug' : (PINO_LEVEL[entry.level] ?? 'info')](entry.meta ?? {}, entry.message);
  });
}
