import {
  Inject,
  Injectable,
  Logger,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { JsonWebKey, KeyObject, constants, createPublicKey, verify } from 'node:crypto';
import { authConfig } from '../../../../libs/config/src';
import type { Principal } from './principal';
import { UsersService } from './users.service';

/** The signature algorithms accepted from an external issuer: asymmetric ones only. */
const ALGORITHMS = {
  RS256: { hash: 'sha256', kty: 'RSA' },
  RS384: { hash: 'sha384', kty: 'RSA' },
  RS512: { hash: 'sha512', kty: 'RSA' },
  PS256: { hash: 'sha256', kty: 'RSA', pss: true },
  ES256: { hash: 'sha256', kty: 'EC', curve: 'prime256v1', signatureBytes: 64 },
  ES384: { hash: 'sha384', kty: 'EC', curve: 'secp384r1', signatureBytes: 96 },
} as const;
type Algorithm = keyof typeof ALGORITHMS;
type AlgorithmSpec = {
  hash: string;
  kty: 'RSA' | 'EC';
  pss?: boolean;
  curve?: string;
  signatureBytes?: number;
};

/** Leeway for `exp` and `nbf` against clock skew between the issuer and us. */
const CLOCK_TOLERANCE_S = 30;
/** An unknown `kid` refetches the key set at most this often (key rotation, not a DoS lever). */
const REFETCH_COOLDOWN_MS = 30_000;
/** The key set is fetched again when older than this, so removed keys stop being trusted. */
const MAX_AGE_MS = 10 * 60_000;
/** After a failed fetch, requests fail fast for this long instead of each waiting on it. */
const FAILURE_BACKOFF_MS = 5_000;
const FETCH_TIMEOUT_MS = 5_000;
const MAX_JWKS_BYTES = 1_000_000;
const MIN_RSA_BITS = 2048;

const B64URL = /^[A-Za-z0-9_-]*$/;

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** `header.payload` as sent: what the signature covers. */
  signingInput: string;
  signature: Buffer;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A compact JWS split and decoded, without verifying anything; undefined when malformed. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => B64URL.test(p))) return undefined;
  try {
    const header: unknown = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (!isObject(header) || !isObject(payload)) return undefined;
    return {
      header,
      payload,
      signingInput: `${parts[0]}.${parts[1]}`,
      signature: Buffer.from(parts[2], 'base64url'),
    };
  } catch {
    return undefined;
  }
}

interface IssuerKey {
  kid?: string;
  /** The JWK's `alg`, when it pins one. */
  alg?: string;
  key: KeyObject;
}

function invalid(reason: string): UnauthorizedException {
  return new UnauthorizedException(`Authorization: the token is invalid or expired (${reason})`);
}

/**
 * Tokens of an external OpenID Connect issuer (OIDC_ISSUER), verified with the keys it
 * publishes (OIDC_JWKS_URL). The issuer only authenticates: the username claim must name a
 * user of our own `users` table, whose role, organisation and department make the Principal;
 * with OIDC_CREATE_USERS an unknown one is created from the token's claims at first use.
 * When the key set cannot be fetched the answer is 503 (retry later), never 401 or 500.
 */
@Injectable()
export class OidcService {
  private readonly log = new Logger(OidcService.name);
  private keys: IssuerKey[] = [];
  private loadedAt?: number;
  private failedAt?: number;
  private refetchedAt = Number.NEGATIVE_INFINITY;
  private inflight?: Promise<void>;

  constructor(
    @Inject(authConfig.KEY) private readonly cfg: ConfigType<typeof authConfig>,
    private readonly users: UsersService,
  ) {}

  /** The configured issuer, or undefined when OIDC is off. */
  get issuer(): string | undefined {
    return this.cfg.oidc?.issuer;
  }

  async verify(token: string): Promise<Principal> {
    const oidc = this.cfg.oidc;
    if (!oidc) throw invalid('no external issuer is configured');
    const jwt = decodeJwt(token);
    if (!jwt) throw invalid('malformed');
    const { header, payload } = jwt;
    const alg = header.alg;
    if (typeof alg !== 'string' || !Object.hasOwn(ALGORITHMS, alg)) {
      throw invalid(`algorithm ${String(alg)} is not accepted`);
    }
    if (header.crit !== undefined) throw invalid('unsupported critical header');
    if (payload.iss !== oidc.issuer) throw invalid('another issuer');
    const spec: AlgorithmSpec = ALGORITHMS[alg as Algorithm];
    const kid = typeof header.kid === 'string' ? header.kid : undefined;
    const key = await this.keyFor(kid, alg, spec);
    if (!this.signatureMatches(jwt, key, spec)) throw invalid('signature');

    const now = Math.floor(Date.now() / 1000);
    if (typeof payload.exp !== 'number') throw invalid('no exp');
    if (now - CLOCK_TOLERANCE_S >= payload.exp) throw invalid('expired');
    if (payload.nbf !== undefined) {
      if (typeof payload.nbf !== 'number') throw invalid('nbf');
      if (now + CLOCK_TOLERANCE_S < payload.nbf) throw invalid('not valid yet');
    }
    if (oidc.audience !== undefined) {
      const aud = payload.aud;
      const ok = Array.isArray(aud) ? aud.includes(oidc.audience) : aud === oidc.audience;
      if (!ok) throw invalid('audience');
    }

    const username = payload[oidc.usernameClaim];
    if (typeof username !== 'string' || username === '' || username.length > 200) {
      throw invalid(`no ${oidc.usernameClaim} claim`);
    }
    const user =
      (await this.users.findByUsername(username)) ??
      (oidc.provision ? await this.users.provision(username, payload, oidc.provision) : null);
    if (!user) throw new UnauthorizedException(`the user ${username} is not registered here`);
    if (user.disabled) {
      throw new UnauthorizedException('this account is disabled; ask an administrator');
    }
    return {
      userId: user.id,
      username: user.username,
      role: user.role,
      organisation: user.organisation ?? undefined,
      department: user.department ?? undefined,
    };
  }

  private signatureMatches(jwt: DecodedJwt, key: KeyObject, spec: AlgorithmSpec): boolean {
    if (spec.signatureBytes !== undefined && jwt.signature.length !== spec.signatureBytes) {
      return false;
    }
    const data = Buffer.from(jwt.signingInput, 'ascii');
    try {
      if (spec.pss) {
        return verify(
          spec.hash,
          data,
          {
            key,
            padding: constants.RSA_PKCS1_PSS_PADDING,
            saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
          },
          jwt.signature,
        );
      }
      if (spec.kty === 'EC') {
        return verify(spec.hash, data, { key, dsaEncoding: 'ieee-p1363' }, jwt.signature);
      }
      return verify(spec.hash, data, key, jwt.signature);
    } catch {
      return false;
    }
  }

  /** The issuer's key for this token, fetching the key set when needed. */
  private async keyFor(
    kid: string | undefined,
    alg: string,
    spec: AlgorithmSpec,
  ): Promise<KeyObject> {
    const now = Date.now();
    if (this.loadedAt === undefined || now - this.loadedAt > MAX_AGE_MS) await this.load(now);
    let key = this.pick(kid, alg, spec);
    if (!key && now - this.refetchedAt >= REFETCH_COOLDOWN_MS) {
      // A key the issuer rotated in since we last looked.
      this.refetchedAt = now;
      await this.load(now);
      key = this.pick(kid, alg, spec);
    }
    if (key) return key;
    if (this.failedAt !== undefined) throw this.unavailable();
    throw invalid(kid === undefined ? 'no kid' : `unknown key ${kid}`);
  }

  private pick(kid: string | undefined, alg: string, spec: AlgorithmSpec): KeyObject | undefined {
    const fits = this.keys.filter(
      (k) =>
        (kid === undefined || k.kid === kid) &&
        (k.alg === undefined || k.alg === alg) &&
        keyFits(k.key, spec),
    );
    // Without a kid, only an unambiguous key set will do.
    if (kid === undefined && fits.length !== 1) return undefined;
    return fits[0]?.key;
  }

  private load(now: number): Promise<void> {
    if (this.failedAt !== undefined && now - this.failedAt < FAILURE_BACKOFF_MS) {
      return Promise.reject(this.unavailable());
    }
    this.inflight ??= this.fetchKeys().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async fetchKeys(): Promise<void> {
    const url = this.cfg.oidc!.jwksUrl;
    let body: unknown;
    try {
      const res = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
      if (res.status !== 200) {
        await res.body?.cancel();
        throw new Error(`HTTP ${res.status}`);
      }
      if (Number(res.headers.get('content-length') ?? 0) > MAX_JWKS_BYTES) {
        await res.body?.cancel();
        throw new Error('larger than 1 MB');
      }
      const text = await res.text();
      if (text.length > MAX_JWKS_BYTES) throw new Error('larger than 1 MB');
      body = JSON.parse(text);
      if (!isObject(body) || !Array.isArray(body.keys)) throw new Error('not a JWK set');
    } catch (err) {
      this.failedAt = Date.now();
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      this.log.warn(
        `OIDC_JWKS_URL ${url} cannot be fetched: ${(err as Error).message}${cause ? ` (${cause})` : ''}`,
      );
      throw this.unavailable();
    }
    const keys: IssuerKey[] = [];
    for (const jwk of body.keys as unknown[]) {
      const key = toIssuerKey(jwk);
      if (key) keys.push(key);
    }
    if (keys.length === 0) this.log.warn(`OIDC_JWKS_URL ${url} holds no usable signing key`);
    this.keys = keys;
    this.loadedAt = Date.now();
    this.failedAt = undefined;
  }

  private unavailable(): ServiceUnavailableException {
    return new ServiceUnavailableException(
      'the signing keys of the OIDC issuer (OIDC_JWKS_URL) cannot be fetched; retry later',
    );
  }
}

/** A public signing key from a JWK, or undefined for anything else (symmetric, encryption). */
function toIssuerKey(jwk: unknown): IssuerKey | undefined {
  if (!isObject(jwk) || (jwk.kty !== 'RSA' && jwk.kty !== 'EC')) return undefined;
  if (jwk.use !== undefined && jwk.use !== 'sig') return undefined;
  if (jwk.key_ops !== undefined && !(Array.isArray(jwk.key_ops) && jwk.key_ops.includes('verify')))
    return undefined;
  try {
    // Only the public members: a JWK set that leaks `d` must not become a private key here.
    const members =
      jwk.kty === 'RSA'
        ? { kty: 'RSA', n: jwk.n, e: jwk.e }
        : { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y };
    const key = createPublicKey({ key: members as JsonWebKey, format: 'jwk' });
    return {
      kid: typeof jwk.kid === 'string' ? jwk.kid : undefined,
      alg: typeof jwk.alg === 'string' ? jwk.alg : undefined,
      key,
    };
  } catch {
    return undefined;
  }
}

function keyFits(key: KeyObject, spec: AlgorithmSpec): boolean {
  const details = key.asymmetricKeyDetails ?? {};
  if (spec.kty === 'RSA') {
    return key.asymmetricKeyType === 'rsa' && (details.modulusLength ?? 0) >= MIN_RSA_BITS;
  }
  return key.asymmetricKeyType === 'ec' && details.namedCurve === spec.curve;
}
