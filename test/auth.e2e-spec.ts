import request from 'supertest';
import { Harness, startHarness, userToken } from './app-harness';

describe('sign-in and the global guard (real HTTP, real PostgreSQL)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ LOGIN_RATE_LIMIT: '5' }, { worker: false });
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
      organisation: 'org-x',
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

  it('rate limits login attempts per client with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push(
        (await request(h.url).post('/api/auth/login').send({ username: 'rl', password: 'x' }))
          .status,
      );
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
  });
});

describe('demo accounts', () => {
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
      startHarness({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }, { worker: false }),
    ).rejects.toThrow(/demo accounts/);
  });
});
