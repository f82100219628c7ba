import { Env, parseAppConfig, readEnum } from '../../config/src';

export const LOG_FORMATS = ['json', 'text'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** The configured threshold: LOG_LEVEL, where `log` is the informational level. */
export type LogThreshold = ReturnType<typeof parseAppConfig>['logLevel'];

export interface LoggingConfig {
  level: LogThreshold;
  format: LogFormat;
}

/** `LOG_FORMAT`: `json` (one object per line, the default) or `text` for a human at a terminal. */
export function readLogFormat(env: Env): LogFormat {
  return readEnum(env, 'LOG_FORMAT', LOG_FORMATS, 'json');
}

/** LOG_LEVEL as the app config parses it, and LOG_FORMAT; a bad value names the variable. */
export function parseLoggingConfig(env: Env): LoggingConfig {
  return { level: parseAppConfig(env).logLevel, format: readLogFormat(env) };
}
