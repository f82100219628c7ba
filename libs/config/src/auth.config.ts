import { registerAs } from '@nestjs/config';
import { ConfigError, Env, readInt, readString, readUrl } from './env';

/** An external OpenID Connect issuer whose tokens the API also accepts. */
export interface OidcConfig {
  /** Must equal the tokens' `iss` exactly. */
  issuer: string;
  /** Where the issuer publishes its signing keys (JWKS). */
  jwksUrl: string;
  /** When set, a token's `aud` must name it. */
  audience?: string;
  /** The claim naming the local user (a row of `users`) the token stands for. */
  usernameClaim: string;
}

export interface AuthConfig {
  jwtSecret: string;
  /** Token lifetime in seconds. */
  jwtTtlSeconds: number;
  /** Login attempts per minute and client address. */
  loginRateLimit: number;
  /** True when no JWT_SECRET was given outside production (a development fallback). */
  insecureDevSecret: boolean;
  /** Undefined when OIDC_ISSUER and OIDC_JWKS_URL are unset: only the API's own tokens. */
  oidc?: OidcConfig;
}

const DEV_SECRET = 'dev-only-secret-set-JWT_SECRET-in-production';

export function parseOidcConfig(env: Env): OidcConfig | undefined {
  const issuer = readUrl(env, 'OIDC_ISSUER', ['https:', 'http:']);
  const jwksUrl = readUrl(env, 'OIDC_JWKS_URL', ['https:', 'http:']);
  const audience = readString(env, 'OIDC_AUDIENCE');
  const usernameClaim = readString(env, 'OIDC_USERNAME_CLAIM', 'preferred_username');
  if (issuer === undefined && jwksUrl === undefined) {
    for (const name of ['OIDC_AUDIENCE', 'OIDC_USERNAME_CLAIM']) {
      if (readString(env, name) !== undefined) {
        throw new ConfigError('OIDC_ISSUER', `is required when ${name} is set`);
      }
    }
    return undefined;
  }
  if (issuer === undefined) {
    throw new ConfigError('OIDC_ISSUER', 'is required when OIDC_JWKS_URL is set');
  }
  if (jwksUrl === undefined) {
    throw new ConfigError('OIDC_JWKS_URL', 'is required when OIDC_ISSUER is set');
  }
  if (!/^[A-Za-z0-9_.:/-]{1,100}$/.test(usernameClaim)) {
    throw new ConfigError(
      'OIDC_USERNAME_CLAIM',
      `must be a claim name (letters, digits, _ . : / -), got "${usernameClaim}"`,
    );
  }
  return { issuer, jwksUrl, audience, usernameClaim };
}

export function parseAuthConfig(env: Env): AuthConfig {
  const production = env.NODE_ENV === 'production';
  const secret = readString(env, 'JWT_SECRET');
  if (secret !== undefined && secret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  }
  if (secret === undefined && production) {
    throw new ConfigError(
      'JWT_SECRET',
      'is required when NODE_ENV=production (32+ random characters)',
    );
  }
  return {
    jwtSecret: secret ?? DEV_SECRET,
    jwtTtlSeconds: readInt(env, 'JWT_TTL_SECONDS', 8 * 3600, { min: 60, max: 7 * 24 * 3600 }),
    loginRateLimit: readInt(env, 'LOGIN_RATE_LIMIT', 10, { min: 1, max: 100000 }),
    insecureDevSecret: secret === undefined,
    oidc: parseOidcConfig(env),
  };
}

export const authConfig = registerAs('auth', () => parseAuthConfig(process.env));
