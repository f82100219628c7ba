import { Logger } from '@nestjs/common';
import request from 'supertest';
import { UsersService } from '../apps/api/src/auth/users.service';
import { createLogger, nestLogger, useRootLogger } from '../libs/observability/src';
import { Harness, startHarness, userToken } from './app-harness';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type LogRecord = Record<string, unknown>;

describe('request ids and access logs (real HTTP, real PostgreSQL)', () => {
  let h: Harness;
  const lines: string[] = [];
  const records = (): LogRecord[] => lines.map((l) => JSON.parse(l) as LogRecord);

  /** The access-log line is written when the response finishes, which may trail the client. */
  async function accessLine(requestId: string): Promise<LogRecord> {
    for (let i = 0; i < 100; i++) {
      const found = records().find((r) => r.requestId === requestId && 'status' in r);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no access-log line for ${requestId} in:\n${lines.join('')}`);
  }

  beforeAll(async () => {
    // The process's pino logger, writing here: pino-http's access lines and Nest's through it.
    useRootLogger(
      createLogger({ level: 'log', format: 'json', destination: { write: (l) => lines.push(l) } }),
    );
    h = await startHarness({}, { worker: false, logger: nestLogger() });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('gives a request without an id a new UUID, in the header and in its access-log line', async () => {
    const res = await request(h.url).get('/api/questionnaire');
    expect(res.status).toBe(401);
    const id = res.headers['x-request-id'];
    expect(id).toMatch(UUID);
    const line = await accessLine(id);
    expect(line).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      level: 'info',
      context: 'http',
      requestId: id,
      msg: 'GET /api/questionnaire 401',
      method: 'GET',
      path: '/api/questionnaire',
      status: 401,
      durationMs: expect.any(Number),
    });
  });

  it("echoes a caller's valid id and logs who was signed in", async () => {
    const token = await userToken(h, {
      username: 'log-applicant',
      role: 'APPLICANT',
      organisation: 'org-log',
    });
    const res = await request(h.url)
      .get('/api/questionnaire?lang=zh')
      .set('Authorization', `Bearer ${token}`)
      .set('X-Request-Id', 'client-42.a:b_c');
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe('client-42.a:b_c');
    expect(await accessLine('client-42.a:b_c')).toMatchObject({
      level: 'info',
      method: 'GET',
      path: '/api/questionnaire?lang=zh',
      status: 200,
      username: 'log-applicant',
    });
  });

  it('replaces an id it will not echo (spaces, too long) with a new UUID', async () => {
    for (const bad of ['has spaces in it', 'x'.repeat(101)]) {
      const res = await request(h.url).get('/api/questionnaire').set('X-Request-Id', bad);
      const id = res.headers['x-request-id'];
      expect(id).toMatch(UUID);
      expect(await accessLine(id)).toMatchObject({ status: 401, method: 'GET' });
      expect(lines.join('')).not.toContain(bad);
    }
  });

  it('carries the id into the lines logged inside the request and into the 500 it logs, not into the body', async () => {
    const users = h.app.get(UsersService);
    const spy = jest.spyOn(users, 'verify').mockImplementation(async () => {
      new Logger('auth').log('checking the password');
      throw new Error('verify exploded');
    });
    try {
      const res = await request(h.url)
        .post('/api/auth/login')
        .set('X-Request-Id', 'login-500')
        .send({ username: 'someone', password: 'pw' });
      expect(res.status).toBe(500);
      expect(res.headers['x-request-id']).toBe('login-500');
      expect(res.body).toEqual({
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'internal error',
      });
    } finally {
      spy.mockRestore();
    }
    // A line logged deep inside the request (after body parsing and guards) carries its id.
    expect(records().find((r) => r.msg === 'checking the password')).toMatchObject({
      requestId: 'login-500',
      context: 'auth',
      level: 'info',
    });
    expect(await accessLine('login-500')).toMatchObject({
      level: 'error',
      method: 'POST',
      path: '/api/auth/login',
      status: 500,
    });
    const errorLine = records().find(
      (r) => r.requestId === 'login-500' && r.level === 'error' && !('status' in r),
    );
    expect(errorLine).toMatchObject({
      level: 'error',
      context: 'http',
      msg: 'unexpected error: verify exploded',
      method: 'POST',
      err: expect.objectContaining({ stack: expect.stringContaining('verify exploded') }),
    });
  });
});
