import { ConfigError, parseAppConfig, parseDatabaseConfig, parseTemporalConfig } from './index';

describe('configuration is validated at start, naming the variable', () => {
  const db = { DATABASE_URL: 'postgres://u:p@db:5432/approvals' };
  const tp = { TEMPORAL_ADDRESS: 'temporal:7233' };

  it('reads defaults', () => {
    expect(parseAppConfig({})).toMatchObject({
      port: 3000,
      nodeEnv: 'development',
      embedded: false,
    });
    expect(parseTemporalConfig(tp)).toEqual({
      address: 'temporal:7233',
      namespace: 'default',
      taskQueue: 'approvals',
      tls: undefined,
      apiKey: undefined,
    });
    expect(parseDatabaseConfig(db)).toMatchObject({
      url: db.DATABASE_URL,
      ssl: false,
      poolSize: 10,
    });
  });

  it.each([
    [() => parseAppConfig({ PORT: 'abc' }), 'PORT'],
    [() => parseAppConfig({ PORT: '70000' }), 'PORT'],
    [() => parseAppConfig({ NODE_ENV: 'prod' }), 'NODE_ENV'],
    [() => parseDatabaseConfig({}), 'DATABASE_URL'],
    [() => parseDatabaseConfig({ DATABASE_URL: 'mysql://x/y' }), 'DATABASE_URL'],
    [() => parseDatabaseConfig({ DATABASE_URL: 'not a url' }), 'DATABASE_URL'],
    [() => parseDatabaseConfig({ ...db, DATABASE_SSL: 'maybe' }), 'DATABASE_SSL'],
    [() => parseDatabaseConfig({ ...db, DATABASE_POOL_SIZE: '0' }), 'DATABASE_POOL_SIZE'],
    [() => parseTemporalConfig({}), 'TEMPORAL_ADDRESS'],
    [() => parseTemporalConfig({ TEMPORAL_ADDRESS: 'http://temporal:7233' }), 'TEMPORAL_ADDRESS'],
    [() => parseTemporalConfig({ ...tp, TEMPORAL_NAMESPACE: 'bad name' }), 'TEMPORAL_NAMESPACE'],
    [() => parseTemporalConfig({ ...tp, TEMPORAL_TLS_CERT: '/c.pem' }), 'TEMPORAL_TLS_KEY'],
  ])('refuses a bad value (%#: %s)', (parse, variable) => {
    let err: unknown;
    try {
      parse();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).variable).toBe(variable);
    expect((err as Error).message.startsWith(`${variable}:`)).toBe(true);
  });

  it('turns TLS on with mutual-TLS files or an API key', () => {
    const mtls = parseTemporalConfig({
      ...tp,
      TEMPORAL_TLS_CERT: '/c.pem',
      TEMPORAL_TLS_KEY: '/k.pem',
    });
    expect(mtls.tls).toEqual({
      certPath: '/c.pem',
      keyPath: '/k.pem',
      caPath: undefined,
      serverName: undefined,
    });
    expect(parseTemporalConfig({ ...tp, TEMPORAL_API_KEY: 'k' }).tls).toBeDefined();
    expect(parseTemporalConfig({ ...tp, TEMPORAL_TLS: 'true' }).tls).toEqual({});
  });
});
