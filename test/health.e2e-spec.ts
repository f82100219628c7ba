import request from 'supertest';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
import { freePort } from '../libs/embedded/src';
import { Harness, startHarness, userToken } from './app-harness';

describe('/health with the whole stack up (real stack)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({}, { worker: false });
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
});

describe('Temporal unreachable', () => {
  let h: Harness;
  let applicant: string;
  beforeAll(async () => {
    // A port nothing listens on: the API still starts (lazy connection) and says what is down.
    h = await startHarness(
      { TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` },
      { worker: false },
    );
    applicant = `Bearer ${await userToken(h, {
      username: 'down-applicant',
      role: 'APPLICANT',
      organisation: 'org-down',
    })}`;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reports Temporal down on /health with 503', async () => {
    const res = await request(h.url).get('/health').expect(503);
    expect(res.body.error.temporal.status).toBe('down');
    expect(res.body.info.postgres.status).toBe('up');
  });

  it('answers a command with 503, not 500, and keeps no project it could not start', async () => {
    const name = `无法启动-${Date.now()}`;
    const res = await request(h.url)
      .post('/api/projects')
      .set('Authorization', applicant)
      .send({ name, answers: EXAMPLE_ANSWERS.warehouse })
      .expect(503);
    expect(res.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    expect(res.body.message).toContain('Temporal');
    const list = await request(h.url)
      .get(`/api/projects?q=${encodeURIComponent(name)}`)
      .set('Authorization', applicant)
      .expect(200);
    expect(list.body.total).toBe(0);
  });
});
