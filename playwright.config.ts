/**
 * Browser tests of the web app (`npm run test:browser`, part of `npm test`): Debian's Chromium
 * drives the built app served by the real stack — `npm start`'s own launcher with an embedded
 * PostgreSQL, the Temporal dev server, the worker and the API, in a throw-away DATA_DIR, seeded
 * with the demo projects. Playwright's own browser download cannot work here, so the browser is
 * the system's (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import { defineConfig } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.BROWSER_TEST_PORT ?? 3900);
export const dataDir = join(tmpdir(), `approvals-browser-${port}`);
/** The stack's embedded PostgreSQL (a test that must set a day it cannot wait for reaches it). */
export const embeddedPgPort = port + 1;

export default defineConfig({
  testDir: 'test/browser',
  testMatch: '**/*.pw.ts',
  outputDir: 'test-results/browser',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'test-results/browser-report' }]],
  globalSetup: './test/browser/global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox'],
    },
  },
  webServer: {
    // The product's own launcher, on ports of its own, from a clean folder every run.
    command: `rm -rf ${dataDir} && exec node dist/scripts/start.js`,
    url: `http://127.0.0.1:${port}/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGINT', timeout: 30_000 },
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      EMBEDDED_PG_PORT: String(embeddedPgPort),
      TEMPORAL_PORT: String(port + 2),
      TEMPORAL_UI_PORT: String(port + 3),
      DATA_DIR: dataDir,
      WORKER_METRICS_PORT: '0', // no worker metrics port: nothing to clash with npm start's
      LOG_LEVEL: 'warn',
      // Every test signs in through the page; the per-address limit would lock the suite out.
      LOGIN_RATE_LIMIT: '10000',
      // The journey holds API tokens (test/browser/api.ts) longer than 15 minutes; the page
      // itself refreshes its tokens (accounts.pw.ts tests that).
      JWT_TTL_SECONDS: '3600',
    },
  },
});
