/**
 * Two API processes on one database (this one in-process, a second one spawned from a build):
 * a lock counted on one holds on the other, a refresh token spent on one is spent on both, and
 * an account disabled through one stops on the other within AUTH_CACHE_SECONDS.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { NodeChild, freePort, projectRoot } from '../libs/embedded/src';
import { Harness, startHarness, userToken } from './app-harness';

const SETTINGS = {
  AUTH_CACHE_SECONDS: '2',
  TRUST_PROXY: 'loopback',
  LOGIN_LOCK_THRESHOLD: '3',
  JWT_TTL_SECONDS: '3600',
  REFRESH_REUSE_GRACE_SECONDS: '1',
};

async function within(ms: number, probe: () => Promise<boolean>): Promise<void> {
  const t0 = Date.now();
  while (!(await probe())) {
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('two API processes share throttling and revocation (real PostgreSQL)', () => {
  let one: Harness;
  let two: NodeChild;
  let twoUrl: string;
  let build: string;

  beforeAll(async () => {
    one = await startHarness(SETTINGS, { worker: false });
    // The second process runs the compiled API, as in production: built here into a scratch
    // folder (inside the project, which the API finds above itself) so that a parallel
    // `npm run build` of dist/ is not disturbed.
    const root = projectRoot();
    const cache = join(root, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    build = mkdtempSync(join(cache, 'approvals-api-'));
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/typescript/bin/tsc'),
        '-p',
        join(root, 'tsconfig.build.json'),
        '--outDir',
        build,
        '--tsBuildInfoFile',
        join(build, '.tsbuildinfo'),
      ],
      { cwd: root, stdio: 'inherit' },
    );
    const port = await freePort();
    twoUrl = `http://127.0.0.1:${port}`;
    two = new NodeChild({
      name: 'api-2',
      entry: join(build, 'apps/api/src/main.js'),
      cwd: root,
      env: {
        ...process.env,
        ...SETTINGS,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        TEMPORAL_TASK_QUEUE: one.taskQueue,
      },
    });
    await within(120_000, async () => {
      if (!two.running()) throw new Error(`api-2 exited: ${two.tail().join('\n')}`);
      return fetch(`${twoUrl}/health`)
        .then((r) => r.status === 200)
        .catch(() => false);
    });
  }, 600_000);
  afterAll(async () => {
    await two?.stop();
    await one?.close();
    if (build) rmSync(build, { recursive: true, force: true });
  });

  const login = (url: string, username: string, password: string) =>
    request(url)
      .post('/api/auth/login')
      .set('X-Forwarded-For', '203.0.113.200')
      .send({ username, password });

  it('locks an account whose failures were spread over both', async () => {
    await userToken(one, { username: 'two-victim', role: 'AGENT', password: 'two-victim-pw' });
    await login(one.url, 'two-victim', 'guess-1').expect(401);
    await login(twoUrl, 'two-victim', 'guess-2').expect(401);
    await login(one.url, 'two-victim', 'guess-3').expect(401);
    const locked = await login(twoUrl, 'two-victim', 'two-victim-pw');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    await login(one.url, 'two-victim', 'two-victim-pw').expect(429);
  });

  it('spends a refresh token once across both, and revokes the family on both', async () => {
    await userToken(one, { username: 'two-refresher', role: 'AGENT', password: 'two-refresh-pw' });
    const first = (await login(one.url, 'two-refresher', 'two-refresh-pw').expect(200)).body;
    const second = (
      await request(twoUrl)
        .post('/api/auth/refresh')
        .send({ refreshToken: first.refreshToken })
        .expect(200)
    ).body;
    await request(one.url)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${second.accessToken}`)
      .expect(200);
    await new Promise((r) => setTimeout(r, 1_500)); // past the grace: a reuse, not a race
    await request(one.url)
      .post('/api/auth/refresh')
      .send({ refreshToken: first.refreshToken })
      .expect(401);
    await within(60_000, async () => {
      const r = await request(twoUrl)
        .get('/api/auth/me')
        .set('Authorization', `Bearer ${second.accessToken}`);
      return r.status === 401;
    });
  });

  it('stops a user disabled through one on the other within 60 s', async () => {
    const admin = await userToken(one, { username: 'two-admin', role: 'ADMIN' });
    await userToken(one, { username: 'two-clerk', role: 'AGENT', password: 'two-clerk-pw' });
    const clerk = (await login(twoUrl, 'two-clerk', 'two-clerk-pw').expect(200)).body
      .accessToken as string;
    const me = () => request(twoUrl).get('/api/auth/me').set('Authorization', `Bearer ${clerk}`);
    await me().expect(200);
    await request(one.url)
      .patch('/api/admin/users/two-clerk')
      .set('Authorization', `Bearer ${admin}`)
      .send({ disabled: true })
      .expect(200);
    await within(60_000, async () => (await me()).status === 401);
  });
});
