import request from 'supertest';
import { Client, Connection } from '@temporalio/client';
import { Harness, startHarness, userToken } from './app-harness';
import { freePort } from '../libs/embedded/src';

describe('foundation: HTTP → workflow → activity → PostgreSQL (real stack)', () => {
  let h: Harness;
  let admin: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = `Bearer ${await userToken(h, { username: 'smoke-admin', role: 'ADMIN' })}`;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reports the API, PostgreSQL and Temporal up on /health', async () => {
    const res = await request(h.url).get('/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info).toMatchObject({
      api: { status: 'up' },
      postgres: { status: 'up' },
      temporal: { status: 'up' },
    });
  });

  it('runs the smoke workflow whose activity writes a row, readable over HTTP', async () => {
    const key = `e2e-${Date.now()}`;
    const res = await request(h.url)
      .post('/api/smoke')
      .set('Authorization', admin)
      .set('Idempotency-Key', key)
      .send({ message: 'hello 审批' })
      .expect(201);
    expect(res.body).toMatchObject({ workflowId: `smoke-${key}`, message: 'hello 审批' });
    expect(Date.parse(res.body.recordedAt)).not.toBeNaN();

    const row = await request(h.url)
      .get(`/api/smoke/smoke-${key}`)
      .set('Authorization', admin)
      .expect(200);
    expect(row.body).toMatchObject({ workflowId: `smoke-${key}`, message: 'hello 审批' });
    expect(new Date(row.body.recordedAt).toISOString()).toBe(res.body.recordedAt);
  });

  it('gives the same result and starts no second workflow for a repeated Idempotency-Key', async () => {
    const key = `dup-${Date.now()}`;
    const [a, b] = await Promise.all([
      request(h.url)
        .post('/api/smoke')
        .set('Authorization', admin)
        .set('Idempotency-Key', key)
        .send({ message: 'once' }),
      request(h.url)
        .post('/api/smoke')
        .set('Authorization', admin)
        .set('Idempotency-Key', key)
        .send({ message: 'once' }),
    ]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.recordedAt).toBe(a.body.recordedAt);

    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    try {
      const client = new Client({ connection });
      const runs: string[] = [];
      for await (const wf of client.workflow.list({ query: `WorkflowId = "smoke-${key}"` }))
        runs.push(wf.runId);
      expect(runs).toHaveLength(1);
    } finally {
      await connection.close();
    }
  });

  it('refuses bad input with 400 naming the field, and unknown fields', async () => {
    const missing = await request(h.url)
      .post('/api/smoke')
      .set('Authorization', admin)
      .send({})
      .expect(400);
    expect(JSON.stringify(missing.body.message)).toContain('message');
    const extra = await request(h.url)
      .post('/api/smoke')
      .set('Authorization', admin)
      .send({ message: 'x', admin: true })
      .expect(400);
    expect(extra.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(JSON.stringify(extra.body.message)).toContain('admin');
    const badKey = await request(h.url)
      .post('/api/smoke')
      .set('Authorization', admin)
      .set('Idempotency-Key', 'a b')
      .send({ message: 'x' });
    expect(badKey.status).toBe(400);
    expect(badKey.body.message).toContain('Idempotency-Key');
  });

  it('answers 404 for an unknown record', async () => {
    const res = await request(h.url)
      .get('/api/smoke/smoke-never')
      .set('Authorization', admin)
      .expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});

describe('Temporal unreachable', () => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    // A port nothing listens on: the API still starts (lazy connection) and says what is down.
    h = await startHarness(
      { TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` },
      { worker: false },
    );
    admin = `Bearer ${await userToken(h, { username: 'smoke-admin2', role: 'ADMIN' })}`;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reports Temporal down on /health with 503', async () => {
    const res = await request(h.url).get('/health').expect(503);
    expect(res.body.error.temporal.status).toBe('down');
    expect(res.body.info.postgres.status).toBe('up');
  });

  it('answers a command with 503, not 500', async () => {
    const res = await request(h.url)
      .post('/api/smoke')
      .set('Authorization', admin)
      .send({ message: 'x' })
      .expect(503);
    expect(res.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    expect(res.body.message).toContain('Temporal');
  });
});
