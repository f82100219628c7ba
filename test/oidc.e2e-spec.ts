import {
  JsonWebKey,
  KeyObject,
  constants,
  createHmac,
  generateKeyPairSync,
  randomUUID,
  sign,
} from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { UsersService } from '../apps/api/src/auth/users.service';
import { Harness, startHarness, userToken } from './app-harness';

/**
 * Tokens of an external OpenID Connect issuer, verified with the keys it publishes: a real
 * JWKS endpoint on a local port, tokens signed here with node:crypto, the real API on the
 * real PostgreSQL. The issuer authenticates; roles still come from our `users` table.
 */
const ISSUER = 'https://id.example.test/realms/approvals';
const AUDIENCE = 'approvals-api';
/** What the API signs its own tokens with (test/global-setup.ts sets it for the run). */
const OWN_SECRET = process.env.JWT_SECRET!;

type Alg = 'RS256' | 'PS256' | 'ES256';
interface TestKey {
  kid: string;
  alg: Alg;
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwk: JsonWebKey;
}

function newKey(alg: Alg, kid = `${alg}-${randomUUID()}`): TestKey {
  const { privateKey, publicKey } =
    alg === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' };
  return { kid, alg, privateKey, publicKey, jwk };
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

function jwt(key: TestKey, claims: Record<string, unknown>, header: Record<string, unknown> = {}) {
  const input = `${b64({ alg: key.alg, typ: 'JWT', kid: key.kid, ...header })}.${b64(claims)}`;
  const signature =
    key.alg === 'ES256'
      ? sign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
      : key.alg === 'PS256'
        ? sign('sha256', Buffer.from(input), {
            key: key.privateKey,
            padding: constants.RSA_PKCS1_PSS_PADDING,
            saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
          })
        : sign('sha256', Buffer.from(input), key.privateKey);
  return `${input}.${signature.toString('base64url')}`;
}

function claims(username: string, extra: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: ISSUER,
    aud: AUDIENCE,
    sub: `ext-${username}`,
    preferred_username: username,
    iat: now,
    exp: now + 300,
    ...extra,
  };
}

/** A JWKS endpoint: serves `keys`, or a 500, or never answers; counts the fetches. */
class JwksServer {
  keys: JsonWebKey[] = [];
  mode: 'ok' | 'error' | 'hang' = 'ok';
  hits = 0;
  url = '';
  private server?: Server;

  async start(): Promise<this> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      this.hits++;
      if (this.mode === 'hang') return;
      if (this.mode === 'error') {
        res.writeHead(500).end('boom');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: this.keys }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/certs`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server?.listening) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const oidcEnv = (jwks: JwksServer) => ({
  OIDC_ISSUER: ISSUER,
  OIDC_JWKS_URL: jwks.url,
  OIDC_AUDIENCE: AUDIENCE,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('tokens of an external OpenID Connect issuer (real JWKS endpoint, real PostgreSQL)', () => {
  const rsa = newKey('RS256');
  const ec = newKey('ES256');
  const jwks = new JwksServer();
  let h: Harness;

  const questionnaire = (token: string) =>
    request(h.url).get('/api/questionnaire').set('Authorization', `Bearer ${token}`);
  /** An administrator's route, with an invalid body: ADMIN gets past the guard to a 400. */
  const adminOnly = (token: string) =>
    request(h.url).put('/api/calendar/years/2030').set('Authorization', `Bearer ${token}`).send({});

  beforeAll(async () => {
    await jwks.start();
    jwks.keys = [rsa.jwk, ec.jwk];
    h = await startHarness(oidcEnv(jwks), { worker: false });
    await h.app.get(UsersService).ensure([
      {
        username: 'oidc-applicant',
        password: randomUUID(),
        role: 'APPLICANT',
        organisation: 'org-o',
      },
      { username: 'oidc-admin', password: randomUUID(), role: 'ADMIN' },
    ]);
  });
  afterAll(async () => {
    await h?.close();
    await jwks.stop();
  });

  it('accepts a valid token for a registered user, with the role from our users table', async () => {
    // The token claims ADMIN; the users table says APPLICANT, and that is what counts.
    const applicant = jwt(rsa, claims('oidc-applicant', { role: 'ADMIN' }));
    expect((await questionnaire(applicant)).status).toBe(200);
    const refused = await adminOnly(applicant);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('this needs one of the roles ADMIN; you are APPLICANT');

    // An ADMIN (ES256 this time) passes the guard: the 400 is the body's validation.
    const admin = await adminOnly(jwt(ec, claims('oidc-admin')));
    expect(admin.status).toBe(400);
    expect(JSON.stringify(admin.body.message)).toContain('holidays');
    // An audience list naming us will do as well.
    const listed = jwt(rsa, claims('oidc-applicant', { aud: ['account', AUDIENCE] }));
    expect((await questionnaire(listed)).status).toBe(200);
    expect(jwks.hits).toBe(1);
  });

  it('refuses a wrong signature, a tampered payload and another key with 401', async () => {
    const stranger = newKey('RS256', rsa.kid); // same kid, not the issuer's key
    const good = jwt(rsa, claims('oidc-applicant'));
    const [head, , sig] = good.split('.');
    const tampered = `${head}.${b64(claims('oidc-admin'))}.${sig}`;
    const crossed = `${head}.${good.split('.')[1]}.${jwt(ec, claims('oidc-applicant')).split('.')[2]}`;
    for (const token of [jwt(stranger, claims('oidc-applicant')), tampered, crossed]) {
      const res = await questionnaire(token);
      expect(res.status).toBe(401);
      expect(res.body.message).toContain('Authorization: the token is invalid or expired');
    }
  });

  it('refuses an expired or not yet valid token with 401, within a small clock tolerance', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const extra of [{ exp: now - 120 }, { exp: undefined }, { nbf: now + 300 }]) {
      const res = await questionnaire(jwt(rsa, claims('oidc-applicant', extra)));
      expect(res.status).toBe(401);
    }
    const skewed = jwt(rsa, claims('oidc-applicant', { exp: now - 5, nbf: now + 5 }));
    expect((await questionnaire(skewed)).status).toBe(200);
  });

  it('refuses a token for another audience with 401', async () => {
    for (const aud of ['someone-else', ['account'], undefined]) {
      const res = await questionnaire(jwt(rsa, claims('oidc-applicant', { aud })));
      expect(res.status).toBe(401);
      expect(res.body.message).toContain('audience');
    }
  });

  it('refuses alg none and HMAC algorithms for the external issuer with 401', async () => {
    const payload = b64(claims('oidc-admin'));
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    const hsHeader = b64({ alg: 'HS256', typ: 'JWT', kid: rsa.kid });
    const hmac = (secret: string | Buffer) =>
      `${hsHeader}.${payload}.${createHmac('sha256', secret)
        .update(`${hsHeader}.${payload}`)
        .digest('base64url')}`;
    // HS256 keyed with our own secret, or with the issuer's public key (algorithm confusion).
    const publicPem = rsa.publicKey.export({ type: 'spki', format: 'pem' });
    for (const token of [none, hmac(OWN_SECRET), hmac(publicPem)]) {
      const res = await adminOnly(token);
      expect(res.status).toBe(401);
      expect(res.body.message).toContain('is not accepted');
    }
  });

  it('refuses a user the issuer knows but we do not with 401 naming them', async () => {
    const res = await questionnaire(jwt(rsa, claims('oidc-ghost')));
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('the user oidc-ghost is not registered here');
    const nameless = await questionnaire(
      jwt(rsa, claims('oidc-applicant', { preferred_username: undefined })),
    );
    expect(nameless.status).toBe(401);
  });

  it('still accepts its own login tokens, and refuses any other issuer as before', async () => {
    const own = await userToken(h, { username: 'oidc-window', role: 'WINDOW_OFFICER' });
    expect((await questionnaire(own)).status).toBe(200);
    const refused = await adminOnly(own);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('this needs one of the roles ADMIN; you are WINDOW_OFFICER');
    const other = await questionnaire(
      jwt(rsa, claims('oidc-admin', { iss: 'https://evil.example.test' })),
    );
    expect(other.status).toBe(401);
    expect(other.body.message).toBe('Authorization: the token is invalid or expired');
  });

  it('picks up a rotated key by refetching the key set, at most once per 30 s', async () => {
    const rotated = newKey('PS256');
    jwks.keys = [rotated.jwk, ec.jwk];
    const before = jwks.hits;
    const res = await adminOnly(jwt(rotated, claims('oidc-admin')));
    expect(res.status).toBe(400); // past the guard as ADMIN
    expect(jwks.hits).toBe(before + 1);
    // Another unknown kid right after: no second fetch, a plain 401.
    const stranger = await questionnaire(jwt(newKey('RS256'), claims('oidc-applicant')));
    expect(stranger.status).toBe(401);
    expect(stranger.body.message).toContain('unknown key');
    expect(jwks.hits).toBe(before + 1);
    // The cached key set is the new one: the retired key is no longer trusted.
    expect((await questionnaire(jwt(rsa, claims('oidc-applicant')))).status).toBe(401);
  });
});

describe('an external issuer whose key set cannot be fetched', () => {
  const rsa = newKey('RS256');
  const jwks = new JwksServer();
  let h: Harness;

  const questionnaire = (token: string) =>
    request(h.url).get('/api/questionnaire').set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    await jwks.start();
    jwks.keys = [rsa.jwk];
    h = await startHarness(oidcEnv(jwks), { worker: false });
    await h.app
      .get(UsersService)
      .ensure([{ username: 'oidc-officer', password: randomUUID(), role: 'WINDOW_OFFICER' }]);
  });
  afterAll(async () => {
    await h?.close();
    await jwks.stop();
  });

  const expect503 = (res: request.Response) => {
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    expect(res.body.message).toContain('OIDC_JWKS_URL');
  };

  it('answers 503 with Retry-After when the key set times out, fails or the server is gone', async () => {
    const token = jwt(rsa, claims('oidc-officer'));
    jwks.mode = 'hang';
    const started = Date.now();
    expect503(await questionnaire(token));
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_500);

    await sleep(5_200); // failed fetches are not retried for 5 s
    jwks.mode = 'error';
    expect503(await questionnaire(token));
    expect(jwks.hits).toBe(2); // both outages were real fetches, not the back-off

    await sleep(5_200);
    jwks.mode = 'ok';
    expect((await questionnaire(token)).status).toBe(200);

    await jwks.stop();
    // Cached keys keep working; a new kid needs the key set, which is gone: 503, not 401.
    expect((await questionnaire(token)).status).toBe(200);
    expect503(await questionnaire(jwt(newKey('ES256'), claims('oidc-officer'))));
    expect503(await questionnaire(jwt(newKey('ES256'), claims('oidc-officer'))));
    // Our own tokens do not depend on the issuer.
    const own = await userToken(h, { username: 'oidc-outage-window', role: 'WINDOW_OFFICER' });
    expect((await questionnaire(own)).status).toBe(200);
  });
});

describe('users the OIDC issuer vouches for are created from their claims (OIDC_CREATE_USERS)', () => {
  const rsa = newKey('RS256');
  const jwks = new JwksServer();
  let h: Harness;
  const me = (token: string) =>
    request(h.url).get('/api/auth/me').set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    await jwks.start();
    jwks.keys = [rsa.jwk];
    h = await startHarness(
      { ...oidcEnv(jwks), OIDC_CREATE_USERS: 'true', OIDC_ROLE_CLAIM: 'approvals_role' },
      { worker: false },
    );
  });
  afterAll(async () => {
    await h?.close();
    await jwks.stop();
  });

  it('creates an officer of the claimed department at first use, and finds them after', async () => {
    const token = jwt(
      rsa,
      claims('oidc-new-officer', {
        approvals_role: 'REVIEWING_OFFICER',
        department: 'DRC',
        name: '外部 审批人员',
      }),
    );
    const first = await me(token).expect(200);
    expect(first.body).toEqual({
      username: 'oidc-new-officer',
      role: 'REVIEWING_OFFICER',
      department: 'DRC',
    });
    const row = await h.app.get(UsersService).findByUsername('oidc-new-officer');
    expect(row).toMatchObject({ displayName: '外部 审批人员', department: 'DRC' });
    await me(token).expect(200);
  });

  it('refuses claims that make no valid account (401 naming the field), and a disabled user', async () => {
    const orphan = await me(
      jwt(rsa, claims('oidc-orphan', { approvals_role: 'APPLICANT', organisation: 'org-none' })),
    );
    expect(orphan.status).toBe(401);
    expect(orphan.body.message).toContain(
      'organisation: org-none is not a registered organisation',
    );
    expect(await h.app.get(UsersService).findByUsername('oidc-orphan')).toBeNull();

    // No role claim: the default role (APPLICANT) needs an organisation.
    const plain = await me(jwt(rsa, claims('oidc-plain')));
    expect(plain.status).toBe(401);

    await h.app
      .get(UsersService)
      .ensure([{ username: 'oidc-gone', password: randomUUID(), role: 'AGENT' }]);
    const ds = h.app.get(DataSource);
    await ds.query(`UPDATE users SET disabled = true WHERE username = 'oidc-gone'`);
    const gone = await me(jwt(rsa, claims('oidc-gone')));
    expect(gone.status).toBe(401);
    expect(gone.body.message).toContain('disabled');
  });
});
