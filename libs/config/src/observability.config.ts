import { registerAs } from '@nestjs/config';
import { ConfigError, Env, readEnum, readPort, readString, readUrl } from './env';

export const LOG_FORMATS = ['json', 'text'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface ObservabilityConfig {
  /** LOG_FORMAT: `json` (one object per line) or `text`; unset: text on a terminal, else JSON. */
  logFormat: LogFormat;
  /** METRICS_TOKEN: the bearer token `/metrics` of the API asks for; unset: `/metrics` is off. */
  metricsToken?: string;
  /** WORKER_METRICS_PORT: where a worker serves `/metrics`; unset or 0: nowhere. */
  workerMetricsPort?: number;
  /** WORKER_METRICS_HOST: the address it binds (default 0.0.0.0, a scraper on another host). */
  workerMetricsHost: string;
  /** OTEL_EXPORTER_OTLP_ENDPOINT: traces go there by OTLP/HTTP; unset: no tracing at all. */
  otlpEndpoint?: string;
}

/** `LOG_FORMAT`; unset, readable text when the output is a terminal and JSON otherwise. */
export function readLogFormat(env: Env, isTty = !!process.stdout.isTTY): LogFormat {
  return readEnum(env, 'LOG_FORMAT', LOG_FORMATS, isTty ? 'text' : 'json');
}

export function parseObservabilityConfig(env: Env): ObservabilityConfig {
  const metricsToken = readString(env, 'METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < 16)
    throw new ConfigError('METRICS_TOKEN', 'must be at least 16 characters');
  const port = readPort(env, 'WORKER_METRICS_PORT', 0);
  return {
    logFormat: readLogFormat(env),
    metricsToken,
    workerMetricsPort: port || undefined, // 0 or unset: none
    workerMetricsHost: readString(env, 'WORKER_METRICS_HOST', '0.0.0.0'),
    otlpEndpoint: readUrl(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:']),
  };
}

export const observabilityConfig = registerAs('observability', () =>
  parseObservabilityConfig(process.env),
);
