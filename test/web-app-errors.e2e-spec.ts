/**
 * With the web app served (as `npm start` and production serve it), a body the parser refuses on
 * an API route keeps the API's own answer: ServeStaticModule used to turn a malformed gzip body
 * into 404 "Cannot POST" (issue 24). WEB_DIR points at a minimal build of the web app here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Harness } from './app-harness';

describe('API errors with the web app served (real HTTP)', () => {
  let h: Harness;
  const web = mkdtempSync(join(tmpdir(), 'web-app-errors-'));

  beforeAll(async () => {
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>并联审批</title>');
    // The web module reads WEB_DIR when the app module loads: load it after setting it.
    process.env.WEB_DIR = web;
    const { startHarness } = await import('./app-harness');
    h = await startHarness({}, { worker: false });
  });
  afterAll(async () => {
    await h?.close();
    delete process.env.WEB_DIR;
    rmSync(web, { recursive: true, force: true });
  });

  const post = (path: string, body: Buffer, headers: Record<string, string>) =>
    fetch(`${h.url}${path}`, { method: 'POST', headers, body: new Uint8Array(body) });

  it('serves the web app at / and its client routes', async () => {
    const page = await fetch(`${h.url}/projects/some-route`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('并联审批');
  });

  it('answers a malformed gzip body with 400, a well-formed one is read', async () => {
    const json = { 'content-type': 'application/json', 'content-encoding': 'gzip' };
    const gz = gzipSync(JSON.stringify({ username: 'nobody', password: 'x' }));
    for (const [what, body] of [
      ['not gzip', Buffer.from('this is not gzip')],
      ['truncated', gz.subarray(0, 12)],
      ['corrupt', Buffer.concat([gz.subarray(0, 10), Buffer.from('garbage-garbage')])],
    ] as const) {
      const res = await post('/api/auth/login', body, json);
      expect([what, res.status]).toEqual([what, 400]);
      expect(await res.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    }
    const good = await post('/api/auth/login', gz, json);
    expect(good.status).toBe(401); // read, and the password is wrong
  });

  it('keeps the parser’s other refusals: 413 too large, 415 an unknown encoding', async () => {
    const big = await post(
      '/api/auth/login',
      Buffer.from(`{"username":"${'x'.repeat(200_000)}"}`),
      {
        'content-type': 'application/json',
      },
    );
    expect(big.status).toBe(413);
    const enc = await post('/api/auth/login', Buffer.from('{}'), {
      'content-type': 'application/json',
      'content-encoding': 'zstd-nope',
    });
    expect(enc.status).toBe(415);
  });
});
