import { registerAs } from '@nestjs/config';
import { ConfigError, Env, readInt, readString } from './env';

export interface AuthConfig {
  jwtSecret: string;
  /** Token lifetime in seconds. */
  jwtTtlSeconds: number;
  /** Login attempts per minute and client address. */
  loginRateLimit: number;
  /** True when no JWT_SECRET was given outside production (a development fallback). */
  insecureDevSecret: boolean;
}

const DEV_SECRET = 'dev-only-secret-set-JWT_SECRET-in-production';

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
  };
}

export const authConfig = registerAs('auth', () => parseAuthConfig(process.env));
