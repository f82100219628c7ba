import type { LogLevel } from '@nestjs/common';
import type { LogEntry } from '@temporalio/worker';
import type { JsonLogger } from './json-logger';

const FROM_SDK: Record<LogEntry['level'], LogLevel> = {
  TRACE: 'verbose',
  DEBUG: 'debug',
  INFO: 'log',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * A log function for Temporal's `DefaultLogger(level, fn)`: the SDK's lines (worker state,
 * bundling, workflow and activity `log` calls with their workflow ids in `meta`) come out in the
 * same format as the app's, with context `temporal` and the SDK's own timestamp.
 */
export function temporalLogFunction(logger: JsonLogger): (entry: LogEntry) => void {
  return (entry) => {
    try {
      logger.emit(FROM_SDK[entry.level] ?? 'log', entry.message, entry.meta ?? {}, {
        context: 'temporal',
        time: new Date(Number(entry.timestampNanos / 1_000_000n)),
      });
    } catch {
      // A malformed entry must not take the worker down; emit already guards serialising.
    }
  };
}
