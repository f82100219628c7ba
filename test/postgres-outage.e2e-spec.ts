import request from 'supertest';
import { Harness, startHarness, userToken } from './app-harness';
import { TcpProxy } from './tcp-proxy';

describe('PostgreSQL becomes unreachable while the API runs', () => {
  let h: Harness;
  let proxy: TcpProxy;
  let admin: string;
  /** A read that needs PostgreSQL: a project nobody made (404 while the database answers). */
  const missing = '/api/projects/5b3c1f0e-7a8d-4c1e-9f00-000000000000';

  beforeAll(async () => {
    const url = new URL(process.env.DATABASE_URL!);
    proxy = await new TcpProxy(url.hostname, Number(url.port)).start();
    url.port = String(proxy.port);
    h = await startHarness(
      { DATABASE_URL: url.toString(), DATABASE_CONNECT_TIMEOUT_MS: '1000' },
      { worker: false },
    );
    admin = `Bearer ${await userToken(h, { username: 'outage-admin', role: 'ADMIN' })}`;
  });
  afterAll(async () => {
    await proxy?.restore().catch(() => undefined);
    await h?.close();
    await proxy?.cut();
  });

  it('answers 503 on /health and on a read while it is down, and recovers when it returns', async () => {
    await request(h.url).get(missing).set('Authorization', admin).expect(404);
    await proxy.cut();

    const health = await request(h.url).get('/health').expect(503);
    expect(health.body.error.postgres.status).toBe('down');
    const read = await request(h.url).get(missing).set('Authorization', admin).expect(503);
    expect(read.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    expect(read.body.message).toContain('PostgreSQL');
    expect(read.headers['retry-after']).toBe('5');

    await proxy.restore();
    await request(h.url).get(missing).set('Authorization', admin).expect(404);
    await request(h.url).get('/health').expect(200);
  });
});
