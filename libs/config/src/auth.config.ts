import { registerAs } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { ConfigError, Env, readBool, readInt, readString, readUrl } from './env';

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
  /** When set (OIDC_CREATE_USERS), an unknown user is created from the token's claims. */
  provision?: OidcProvisioning;
}

/** Which claims make a user the issuer vouches for but who has no row yet. */
export interface OidcProvisioning {
  /** The claim holding the role (one of ROLES); without one, `defaultRole`. */
  roleClaim: string;
  defaultRole: string;
  organisationClaim: string;
  departmentClaim: string;
  nameClaim: string;
}

export interface AuthConfig {
  jwtSecret: string;
  /** Access token lifetime in seconds (at most 15 minutes in production). */
  jwtTtlSeconds: number;
  /** Refresh token lifetime in seconds; each refresh gives a new one. */
  refreshTtlSeconds: number;
  /** Login attempts per minute and client address (every API instance counts together). */
  loginRateLimit: number;
  /** Failed sign-ins of one account, from any address, before it is locked. */
  loginLockThreshold: number;
  /** How long a locked account stays locked. */
  loginLockSeconds: number;
  /**
   * The proxies whose X-Forwarded-For is believed (Express `trust proxy` values: addresses,
   * subnets, `loopback`, `linklocal`, `uniquelocal`); empty: the peer address is the client.
   */
  trustProxy: string[];
  /**
   * How long an API instance may keep a user's role, department, organisation and disabled
   * flag, and a session's revocation, before it reads them again (at most 60 s).
   */
  userCacheSeconds: number;
  /**
   * True when no JWT_SECRET was given (outside production): the secret is random, made once per
   * process, so its tokens end with the process and no other API process accepts them.
   */
  generatedSecret: boolean;
  /**
   * How long a just-rotated refresh token may be spent again for the same successor
   * (REFRESH_REUSE_GRACE_SECONDS, 0-60): two tabs or a retried request racing to refresh are not
   * a theft. After it, a second spend revokes the session.
   */
  refreshGraceSeconds: number;
  /** Undefined when OIDC_ISSUER and OIDC_JWKS_URL are unset: only the API's own tokens. */
  oidc?: OidcConfig;
}

/**
 * Secrets published in this repository's history and documents: a deployment signing with one
 * signs tokens anyone can forge. Production refuses them.
 */
const PUBLISHED_SECRETS = ['dev-only-secret-set-JWT_SECRET-in-production'];

/** Outside production without JWT_SECRET: one random secret per process, never a constant. */
const PROCESS_SECRET = randomBytes(32).toString('hex');

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
  // Without an audience, a token the issuer made for any other of its clients signs in here.
  if (audience === undefined && env.NODE_ENV === 'production') {
    throw new ConfigError(
      'OIDC_AUDIENCE',
      "is required when NODE_ENV=production and OIDC_ISSUER is set (this API's client id at the issuer)",
    );
  }
  if (!/^[A-Za-z0-9_.:/-]{1,100}$/.test(usernameClaim)) {
    throw new ConfigError(
      'OIDC_USERNAME_CLAIM',
      `must be a claim name (letters, digits, _ . : / -), got "${usernameClaim}"`,
    );
  }
  const claim = (name: string, fallback: string) => {
    const v = readString(env, name, fallback);
    if (!/^[A-Za-z0-9_.:/-]{1,100}$/.test(v)) {
      throw new ConfigError(name, `must be a claim name (letters, digits, _ . : / -), got "${v}"`);
    }
    return v;
  };
  const provision = readBool(env, 'OIDC_CREATE_USERS', false)
    ? {
        roleClaim: claim('OIDC_ROLE_CLAIM', 'role'),
        defaultRole: readString(env, 'OIDC_DEFAULT_ROLE', 'APPLICANT'),
        organisationClaim: claim('OIDC_ORGANISATION_CLAIM', 'organisation'),
        departmentClaim: claim('OIDC_DEPARTMENT_CLAIM', 'department'),
        nameClaim: claim('OIDC_NAME_CLAIM', 'name'),
      }
    : undefined;
  return { issuer, jwksUrl, audience, usernameClaim, ...(provision ? { provision } : {}) };
}

const PROXY_WORDS = ['loopback', 'linklocal', 'uniquelocal'];

/** TRUST_PROXY: a comma-separated list of addresses, subnets (a.b.c.d/n) or Express's words. */
export function parseTrustProxy(env: Env): string[] {
  const v = readString(env, 'TRUST_PROXY');
  if (v === undefined) return [];
  return v.split(',').map((part) => {
    const p = part.trim();
    const [addr, bits, ...rest] = p.split('/');
    const max = isIP(addr) === 6 ? 128 : 32;
    const ok =
      PROXY_WORDS.includes(p) ||
      (isIP(addr) !== 0 &&
        rest.length === 0 &&
        (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max)));
    if (!ok) {
      throw new ConfigError(
        'TRUST_PROXY',
        `must list addresses, subnets or ${PROXY_WORDS.join(', ')}; got "${p}"`,
      );
    }
    return p;
  });
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
  if (production && secret !== undefined && PUBLISHED_SECRETS.includes(secret)) {
    throw new ConfigError(
      'JWT_SECRET',
      'is the published development secret: set 32+ random characters of your own',
    );
  }
  return {
    jwtSecret: secret ?? PROCESS_SECRET,
    // Tests and benchmarks that hold one token for a long run may raise it outside production.
    jwtTtlSeconds: readInt(env, 'JWT_TTL_SECONDS', 900, {
      min: 60,
      max: production ? 900 : 24 * 3600,
    }),
    refreshTtlSeconds: readInt(env, 'REFRESH_TTL_SECONDS', 12 * 3600, {
      min: 300,
      max: 30 * 24 * 3600,
    }),
    loginRateLimit: readInt(env, 'LOGIN_RATE_LIMIT', 300, { min: 1, max: 1_000_000 }),
    loginLockThreshold: readInt(env, 'LOGIN_LOCK_THRESHOLD', 5, { min: 1, max: 1000 }),
    loginLockSeconds: readInt(env, 'LOGIN_LOCK_SECONDS', 900, { min: 1, max: 24 * 3600 }),
    trustProxy: parseTrustProxy(env),
    userCacheSeconds: readInt(env, 'AUTH_CACHE_SECONDS', 30, { min: 0, max: 60 }),
    generatedSecret: secret === undefined,
    refreshGraceSeconds: readInt(env, 'REFRESH_REUSE_GRACE_SECONDS', 10, { min: 0, max: 60 }),
    oidc: parseOidcConfig(env),
  };
}

export const authConfig = registerAs('auth', () => parseAuthConfig(process.env));
