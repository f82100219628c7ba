import { ConfigError } from './env';
import { parseObservabilityConfig, readLogFormat } from './observability.config';

describe('logs, metrics and traces settings', () => {
  it('writes readable text to a terminal and JSON elsewhere, unless LOG_FORMAT says', () => {
    expect(readLogFormat({}, true)).toBe('text');
    expect(readLogFormat({}, false)).toBe('json');
    expect(readLogFormat({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(readLogFormat({ LOG_FORMAT: 'text' }, false)).toBe('text');
    expect(() => readLogFormat({ LOG_FORMAT: 'xml' }, false)).toThrow(/^LOG_FORMAT: must be one/);
  });

  it('keeps metrics and traces off unless configured', () => {
    expect(parseObservabilityConfig({})).toMatchObject({
      metricsToken: undefined,
      workerMetricsPort: undefined,
      workerMetricsHost: '0.0.0.0',
      otlpEndpoint: undefined,
    });
    expect(
      parseObservabilityConfig({
        METRICS_TOKEN: 'a-long-enough-token',
        WORKER_METRICS_PORT: '9464',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      }),
    ).toMatchObject({
      metricsToken: 'a-long-enough-token',
      workerMetricsPort: 9464,
      otlpEndpoint: 'http://collector:4318',
    });
  });

  it.each([
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
    [{ WORKER_METRICS_PORT: '70000' }, 'WORKER_METRICS_PORT'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT'],
  ])('refuses a bad setting, naming it (%#)', (env, variable) => {
    expect(() => parseObservabilityConfig(env)).toThrow(ConfigError);
    expect(() => parseObservabilityConfig(env)).toThrow(new RegExp(`^${variable}:`));
  });
});
