import express from 'express';
import pino from 'pino';
import request from 'supertest';
import { requestIdFrom, requestLogging } from './request-id.middleware';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it('keeps an acceptable id and replaces anything else with a UUID', () => {
    expect(requestIdFrom('abc-123._:X')).toBe('abc-123._:X');
    expect(requestIdFrom('a'.repeat(100))).toBe('a'.repeat(100));
    for (const bad of [undefined, '', 'has space', 'a'.repeat(101), 'x\ny', 'ü', ['a', 'b']]) {
      expect(requestIdFrom(bad)).toMatch(UUID);
    }
  });
});

describe('requestLogging (pino-http)', () => {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'debug', base: undefined, formatters: { level: (label) => ({ level: label }) } },
    { write: (l: string) => lines.push(JSON.parse(l) as Record<string, unknown>) },
  );
  const app = express();
  app.use(requestLogging(logger));
  app.use((req, _res, next) => {
    (req as unknown as { user: { username: string } }).user = { username: 'alice' };
    next();
  });
  app.get('/api/projects', (req, res) => {
    (req as unknown as { log: pino.Logger }).log.info({ context: 'inside' }, 'working');
    res.status(201).json({});
  });
  app.get('/api/boom', (_req, res) => void res.status(500).end());
  app.get('/health', (_req, res) => void res.json({ status: 'ok' }));
  // The web app's files and pages, as ServeStaticModule answers them.
  app.get(['/', '/assets/index-abc.js', '/projects/1'], (_req, res) => void res.send('<html/>'));
  const access = (id: string) => lines.find((l) => l.requestId === id && 'status' in l);

  beforeEach(() => lines.splice(0));

  it('answers the id, puts it on every line of the request and writes one access line', async () => {
    const res = await request(app).get('/api/projects?page=2').set('X-Request-Id', 'given-1');
    expect(res.headers['x-request-id']).toBe('given-1');
    expect(lines.find((l) => l.msg === 'working')).toMatchObject({
      requestId: 'given-1',
      context: 'inside',
    });
    expect(lines.filter((l) => 'status' in l)).toEqual([
      {
        level: 'info',
        time: expect.any(Number),
        requestId: 'given-1',
        context: 'http',
        msg: 'GET /api/projects?page=2 201',
        method: 'GET',
        path: '/api/projects?page=2',
        status: 201,
        durationMs: expect.any(Number),
        username: 'alice',
      },
    ]);
  });

  it('logs 5xx as errors and /health at debug, each with a new UUID when none was sent', async () => {
    const boom = await request(app).get('/api/boom');
    const health = await request(app).get('/health');
    expect(boom.headers['x-request-id']).toMatch(UUID);
    expect(access(boom.headers['x-request-id'])).toMatchObject({ level: 'error', status: 500 });
    expect(access(health.headers['x-request-id'])).toMatchObject({ level: 'debug', status: 200 });
  });

  it('logs the web app’s files at debug (a page load is a dozen), the API at info, any error above', async () => {
    const level = async (path: string) =>
      access((await request(app).get(path)).headers['x-request-id'])?.level;
    expect(await level('/')).toBe('debug');
    expect(await level('/assets/index-abc.js')).toBe('debug');
    expect(await level('/projects/1')).toBe('debug');
    expect(await level('/assets/missing.js')).toBe('info'); // a 404 is worth a line
    expect(await level('/api/projects')).toBe('info');
  });
});
