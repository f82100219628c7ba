/** Logs (pino), metrics (prom-client) and traces (OpenTelemetry) of the API and the workers. */
export * from './logging';
export * from './metrics';
export * from './route';
export * from './tracing';
export * from './temporal-tracing';
