import { parseLoggingConfig } from './logging.config';

describe('parseLoggingConfig', () => {
  it('defaults to JSON at the informational level', () => {
    expect(parseLoggingConfig({})).toEqual({ level: 'log', format: 'json' });
  });

  it('reads LOG_LEVEL and LOG_FORMAT', () => {
    expect(parseLoggingConfig({ LOG_LEVEL: 'debug', LOG_FORMAT: 'text' })).toEqual({
      level: 'debug',
      format: 'text',
    });
  });

  it('refuses an unknown value, naming the variable', () => {
    expect(() => parseLoggingConfig({ LOG_FORMAT: 'xml' })).toThrow(
      /^LOG_FORMAT: must be one of json, text/,
    );
    expect(() => parseLoggingConfig({ LOG_LEVEL: 'info' })).toThrow(/^LOG_LEVEL:/);
  });
});
