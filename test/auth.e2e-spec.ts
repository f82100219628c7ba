import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { Harness, startHarness, userToken } from './app-harness';

describe('sign-in and the global guard (real HTTP, real PostgreSQL)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({}, { worker: false });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('issues a bearer token for a right password and refuses a wrong one alike for unknown users', async () => {
    const token = await userToken(h, {
      username: 'auth-applicant',
      role: 'APPLICANT',
      organisation: 'org-x',
    });
    expect(token.split('.')).toHaveLength(3);
    const me = await request(h.url)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(me.body).toEqual({
      username: 'auth-applicant',
      role: 'APPLICANT',
      // No name given: the login stands for it; no organisation registered: its code.
      displayName: 'auth-applicant',
      organisation: 'org-x',
      organisationName: 'org-x',
    });
    const wrong = await request(h.url)
      .post('/api/auth/login')
      .send({ username: 'auth-applicant', password: 'nope' });
    const unknown = await request(h.url)
      .post('/api/auth/login')
      .send({ username: 'nobody', password: 'nope' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, message: 'username or password is wrong' });
    }
  });

  it('refuses a missing or forged token with 401, and a wrong role with 403 naming the roles', async () => {
    // An administrator's route: loading a calendar year.
    const none = await request(h.url).put('/api/calendar/years/2030').send({});
    expect(none.status).toBe(401);
    expect(none.body.message).toContain('bearer token');
    const forged = await request(h.url)
      .put('/api/calendar/years/2030')
      .set('Authorization', 'Bearer a.b.c')
      .send({});
    expect(forged.status).toBe(401);
    const token = await userToken(h, { username: 'auth-window', role: 'WINDOW_OFFICER' });
    const res = await request(h.url)
      .put('/api/calendar/years/2030')
      .set('Authorization', `Bearer ${token}`)
      .send({});
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('ADMIN');
  });

  it('validates the login body, naming the field', async () => {
    const res = await request(h.url).post('/api/auth/login').send({ username: 'x' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toContain('password');
  });

  it('sets security headers', async () => {
    const res = await request(h.url).get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('rate limits login attempts per client address with 429 and Retry-After', async () => {
    // Counters are shared by every API on the database (and every e2e file signs in from
    // 127.0.0.1): this client is a made-up address a trusted proxy reports.
    const limited = await startHarness(
      { LOGIN_RATE_LIMIT: '5', TRUST_PROXY: 'loopback' },
      { worker: false },
    );
    try {
      const client = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
      const statuses: number[] = [];
      let retryAfter: string | undefined;
      for (let i = 0; i < 8; i++) {
        const res = await request(limited.url)
          .post('/api/auth/login')
          .set('X-Forwarded-For', client)
          .send({ username: `rl-${i}`, password: 'x' });
        statuses.push(res.status);
        if (res.status === 429) retryAfter = res.headers['retry-after'];
      }
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    } finally {
      await limited.close();
    }
  });
});

describe('demo accounts', () => {
  it('the embedded default (demo accounts) listens on 127.0.0.1 only; HOST opens it, with a warning', async () => {
    const warnings: string[] = [];
    const logger = {
      log: () => undefined,
      error: () => undefined,
      warn: (m: unknown) => void warnings.push(String(m)),
    };
    const local = await startHarness(
      { APPROVALS_EMBEDDED: '1', PORT: '0' },
      { worker: false, listenAsConfigured: true, logger },
    );
    try {
      const bound = local.app.getHttpServer().address() as AddressInfo;
      expect(bound.address).toBe('127.0.0.1');
      await request(`http://127.0.0.1:${bound.port}`).get('/health').expect(200);
      expect(warnings.filter((w) => w.includes('demo accounts'))).toEqual([]);
    } finally {
      await local.close();
    }
    const open = await startHarness(
      { APPROVALS_EMBEDDED: '1', PORT: '0', HOST: '0.0.0.0' },
      { worker: false, listenAsConfigured: true, logger },
    );
    try {
      expect((open.app.getHttpServer().address() as AddressInfo).address).toBe('0.0.0.0');
      expect(warnings).toContainEqual(
        expect.stringContaining(
          'HOST=0.0.0.0: the demo accounts (password "demo", admin among them) can be reached from the network',
        ),
      );
    } finally {
      await open.close();
    }
  });

  it('exist in the embedded default, and a production start refuses to run while they do', async () => {
    const embedded = await startHarness({ APPROVALS_EMBEDDED: '1' }, { worker: false });
    try {
      const res = await request(embedded.url)
        .post('/api/auth/login')
        .send({ username: 'officer.NRP', password: 'demo' });
      expect(res.status).toBe(200);
      expect(res.body.role).toBe('REVIEWING_OFFICER');
    } finally {
      await embedded.close();
    }
    await expect(
      startHarness(
        { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), JWT_TTL_SECONDS: '900' },
        { worker: false },
      ),
    ).rejects.toThrow(/demo accounts/);
  });
});
