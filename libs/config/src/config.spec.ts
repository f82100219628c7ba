import {
  ConfigError,
  isLoopbackHost,
  parseAppConfig,
  parseAuthConfig,
  parseDatabaseConfig,
  parseTemporalConfig,
  parseWorkerConfig,
  cachedWorkflowsFor,
  workflowSource,
} from './index';

describe('configuration is validated at start, naming the variable', () => {
  const db = { DATABASE_URL: 'postgres://u:p@db:5432/approvals' };
  const tp = { TEMPORAL_ADDRESS: 'temporal:7233' };

  it('reads defaults', () => {
    expect(parseAppConfig({})).toMatchObject({
      port: 3000,
      nodeEnv: 'development',
      embedded: false,
      listTotalCacheSeconds: 5,
      deadlineSweepSeconds: 60,
      riskWakeSpreadMinutes: 120,
    });
    expect(() => parseAppConfig({ LIST_TOTAL_CACHE_SECONDS: '61' })).toThrow(
      /LIST_TOTAL_CACHE_SECONDS/,
    );
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

describe('an external OpenID Connect issuer (OIDC_*)', () => {
  const oidc = {
    OIDC_ISSUER: 'https://id.example.gov.cn/realms/approvals',
    OIDC_JWKS_URL: 'https://id.example.gov.cn/realms/approvals/protocol/openid-connect/certs',
  };

  function refusal(env: Record<string, string>): ConfigError {
    try {
      parseAuthConfig(env);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return e as ConfigError;
    }
    throw new Error('expected a ConfigError');
  }

  it('is off when unset: only the API tokens are accepted', () => {
    expect(parseAuthConfig({}).oidc).toBeUndefined();
    expect(parseAuthConfig({ OIDC_ISSUER: ' ', OIDC_JWKS_URL: '' }).oidc).toBeUndefined();
  });

  it('reads the issuer, the key set URL, the audience and the username claim', () => {
    expect(parseAuthConfig(oidc).oidc).toEqual({
      issuer: oidc.OIDC_ISSUER,
      jwksUrl: oidc.OIDC_JWKS_URL,
      audience: undefined,
      usernameClaim: 'preferred_username',
    });
    expect(
      parseAuthConfig({ ...oidc, OIDC_AUDIENCE: 'approvals-api', OIDC_USERNAME_CLAIM: 'upn' }).oidc,
    ).toMatchObject({ audience: 'approvals-api', usernameClaim: 'upn' });
  });

  it.each([
    [{ OIDC_ISSUER: oidc.OIDC_ISSUER }, 'OIDC_JWKS_URL', 'is required when OIDC_ISSUER is set'],
    [{ OIDC_JWKS_URL: oidc.OIDC_JWKS_URL }, 'OIDC_ISSUER', 'is required when OIDC_JWKS_URL'],
    [{ OIDC_AUDIENCE: 'approvals-api' }, 'OIDC_ISSUER', 'is required when OIDC_AUDIENCE'],
    [{ ...oidc, OIDC_ISSUER: 'id.example.gov.cn' }, 'OIDC_ISSUER', 'is not a valid URL'],
    [{ ...oidc, OIDC_JWKS_URL: 'ftp://id.example.gov.cn/certs' }, 'OIDC_JWKS_URL', 'must use'],
    [{ ...oidc, OIDC_USERNAME_CLAIM: 'user name' }, 'OIDC_USERNAME_CLAIM', 'must be a claim'],
  ])('refuses an incomplete or bad setting (%#)', (env, variable, reason) => {
    const err = refusal(env);
    expect(err.variable).toBe(variable);
    expect(err.message).toContain(`${variable}: ${reason}`);
  });
});

describe('where the worker takes its workflows from (WORKFLOW_BUNDLE, NODE_ENV)', () => {
  const paths = { builtBundle: '/app/dist/workflow-bundle.js', workflowsPath: '/app/workflows' };
  const source = (env: Record<string, string>, existing: string[] = [paths.builtBundle]) =>
    workflowSource(parseWorkerConfig(env), paths, (p) => existing.includes(p));

  it('bundles the sources in development and tests, even with a built bundle there', () => {
    expect(source({})).toEqual({ workflowsPath: '/app/workflows' });
    expect(source({ NODE_ENV: 'test' })).toEqual({ workflowsPath: '/app/workflows' });
  });

  it('loads the built bundle in production when it exists, the sources when it does not', () => {
    expect(source({ NODE_ENV: 'production' })).toEqual({
      workflowBundle: { codePath: paths.builtBundle },
    });
    expect(source({ NODE_ENV: 'production' }, [])).toEqual({ workflowsPath: '/app/workflows' });
  });

  it('follows WORKFLOW_BUNDLE: a bundle file, or `source`; a missing file stops the start', () => {
    expect(source({ WORKFLOW_BUNDLE: '/b.js' }, ['/b.js'])).toEqual({
      workflowBundle: { codePath: '/b.js' },
    });
    expect(source({ NODE_ENV: 'production', WORKFLOW_BUNDLE: 'source' })).toEqual({
      workflowsPath: '/app/workflows',
    });
    expect(() => source({ WORKFLOW_BUNDLE: '/nope.js' })).toThrow(
      /^WORKFLOW_BUNDLE: \/nope.js does not exist/,
    );
  });

  it('takes the tracing variant of a bundle when tracing is on, and the sources as they are', () => {
    const traced = (env: Record<string, string>, existing: string[]) =>
      workflowSource(parseWorkerConfig(env), { ...paths, tracing: true }, (p) =>
        existing.includes(p),
      );
    const both = [paths.builtBundle, '/app/dist/workflow-bundle.tracing.js'];
    expect(traced({ NODE_ENV: 'production' }, both)).toEqual({
      workflowBundle: { codePath: '/app/dist/workflow-bundle.tracing.js' },
    });
    expect(traced({}, both)).toEqual({ workflowsPath: '/app/workflows' });
    expect(() => traced({ NODE_ENV: 'production' }, [paths.builtBundle])).toThrow(
      /^OTEL_EXPORTER_OTLP_ENDPOINT: \/app\/dist\/workflow-bundle.tracing.js does not exist/,
    );
    expect(traced({ WORKFLOW_BUNDLE: '/b.js' }, ['/b.js', '/b.tracing.js'])).toEqual({
      workflowBundle: { codePath: '/b.tracing.js' },
    });
  });
});

describe('sign-in and sessions (JWT_TTL_SECONDS, LOGIN_*, TRUST_PROXY, AUTH_CACHE_SECONDS)', () => {
  it('defaults to 15-minute access tokens, 300 sign-ins a minute per address, a lock after 5 failures for 15 minutes, a 30 s cache', () => {
    expect(parseAuthConfig({})).toMatchObject({
      jwtTtlSeconds: 900,
      loginRateLimit: 300,
      loginLockThreshold: 5,
      loginLockSeconds: 900,
      trustProxy: [],
      userCacheSeconds: 30,
    });
  });

  it('keeps access tokens at 15 minutes at most in production, longer only for tests', () => {
    const prod = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };
    expect(() => parseAuthConfig({ ...prod, JWT_TTL_SECONDS: '3600' })).toThrow(
      /JWT_TTL_SECONDS: must be between 60 and 900/,
    );
    expect(parseAuthConfig({ JWT_TTL_SECONDS: '3600' }).jwtTtlSeconds).toBe(3600);
  });

  it('reads the trusted proxies and refuses anything else, naming TRUST_PROXY', () => {
    expect(parseAuthConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,::1' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      '::1',
    ]);
    for (const bad of ['everyone', '10.0.0.0/33', '10.0.0.1/8/1', 'true']) {
      expect(() => parseAuthConfig({ TRUST_PROXY: bad })).toThrow(/^TRUST_PROXY: /);
    }
  });

  it('keeps the account cache within 60 s', () => {
    expect(() => parseAuthConfig({ AUTH_CACHE_SECONDS: '61' })).toThrow(/AUTH_CACHE_SECONDS/);
  });
});

describe('the worker cache from its memory budget (WORKER_MEMORY_MB, WORKER_MAX_CACHED_WORKFLOWS)', () => {
  it('keeps as many workflows as the budget holds beside the idle worker', () => {
    expect(parseWorkerConfig({ WORKER_MEMORY_MB: '1550' }).maxCachedWorkflows).toBe(1000);
    expect(parseWorkerConfig({ WORKER_MEMORY_MB: '2048' })).toMatchObject({
      memoryMb: 2048,
      maxCachedWorkflows: 1398,
    });
  });
  it('never goes below 10, and an explicit size wins', () => {
    expect(parseWorkerConfig({ WORKER_MEMORY_MB: '256' }).maxCachedWorkflows).toBe(10);
    expect(
      parseWorkerConfig({ WORKER_MEMORY_MB: '2048', WORKER_MAX_CACHED_WORKFLOWS: '50' })
        .maxCachedWorkflows,
    ).toBe(50);
  });
  it('defaults the budget to the V8 heap limit of the process', () => {
    const cfg = parseWorkerConfig({});
    expect(cfg.memoryMb).toBeGreaterThan(64);
    expect(cfg.maxCachedWorkflows).toBe(cachedWorkflowsFor(cfg.memoryMb));
  });
  it('names the variable of a bad value', () => {
    expect(() => parseWorkerConfig({ WORKER_MEMORY_MB: 'lots' })).toThrow(/WORKER_MEMORY_MB/);
  });
});

describe('safe defaults (issue 24): the embedded demo on loopback, production refusals, /docs', () => {
  const prod = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-40-characters-xx' };
  const oidc = {
    OIDC_ISSUER: 'https://id.example.gov.cn/realms/approvals',
    OIDC_JWKS_URL: 'https://id.example.gov.cn/realms/approvals/protocol/openid-connect/certs',
  };

  it('listens on 127.0.0.1 in the embedded default (demo accounts), on all interfaces otherwise; HOST wins', () => {
    expect(parseAppConfig({ APPROVALS_EMBEDDED: '1' }).host).toBe('127.0.0.1');
    expect(parseAppConfig({}).host).toBe('0.0.0.0');
    expect(parseAppConfig({ APPROVALS_EMBEDDED: '1', HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1'].map(isLoopbackHost)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['0.0.0.0', '::', '192.168.1.20', '127.example.com'].map(isLoopbackHost)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('serves /docs by default in development and tests, in production only with API_DOCS', () => {
    expect(parseAppConfig({}).apiDocs).toBe(true);
    expect(parseAppConfig({ NODE_ENV: 'test' }).apiDocs).toBe(true);
    expect(parseAppConfig({ NODE_ENV: 'production' }).apiDocs).toBe(false);
    expect(parseAppConfig({ NODE_ENV: 'production', API_DOCS: '1' }).apiDocs).toBe(true);
    expect(parseAppConfig({ API_DOCS: '0' }).apiDocs).toBe(false);
    expect(() => parseAppConfig({ API_DOCS: 'maybe' })).toThrow(/^API_DOCS: /);
  });

  it('refuses production with the published development secret, or without one', () => {
    expect(() =>
      parseAuthConfig({ ...prod, JWT_SECRET: 'dev-only-secret-set-JWT_SECRET-in-production' }),
    ).toThrow(/^JWT_SECRET: is the published development secret/);
    expect(() => parseAuthConfig({ NODE_ENV: 'production' })).toThrow(/^JWT_SECRET: is required/);
    expect(parseAuthConfig(prod)).toMatchObject({
      jwtSecret: prod.JWT_SECRET,
      generatedSecret: false,
    });
  });

  it('never signs with a constant outside production: a random secret of the process', () => {
    const a = parseAuthConfig({});
    const b = parseAuthConfig({ NODE_ENV: 'test' });
    expect(a.generatedSecret).toBe(true);
    expect(a.jwtSecret).toMatch(/^[0-9a-f]{64}$/);
    // One per process: every parse in it agrees (the guard and the signer are one API).
    expect(b.jwtSecret).toBe(a.jwtSecret);
  });

  it('refuses OIDC in production without OIDC_AUDIENCE', () => {
    expect(() => parseAuthConfig({ ...prod, ...oidc })).toThrow(
      /^OIDC_AUDIENCE: is required when NODE_ENV=production and OIDC_ISSUER is set/,
    );
    expect(
      parseAuthConfig({ ...prod, ...oidc, OIDC_AUDIENCE: 'approvals-api' }).oidc?.audience,
    ).toBe('approvals-api');
    expect(parseAuthConfig(oidc).oidc?.audience).toBeUndefined();
  });

  it('gives a just-rotated refresh token 10 s of grace, 0-60', () => {
    expect(parseAuthConfig({}).refreshGraceSeconds).toBe(10);
    expect(parseAuthConfig({ REFRESH_REUSE_GRACE_SECONDS: '0' }).refreshGraceSeconds).toBe(0);
    expect(() => parseAuthConfig({ REFRESH_REUSE_GRACE_SECONDS: '61' })).toThrow(
      /^REFRESH_REUSE_GRACE_SECONDS: /,
    );
  });
});
