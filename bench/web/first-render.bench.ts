/**
 * `npm run bench:web`: how much JavaScript the first page needs and how fast it renders. Serves
 * the built app (dist/web; `npm run build` first) with Vite's preview server, loads the sign-in
 * page cold in Debian's Chromium N times (BENCH_RUNS, default 10), and records the JavaScript it
 * fetched (gzipped, as the API's clients get it behind a compressing proxy), first contentful
 * paint and the moment the sign-in form is on screen. The API is not running: the page renders
 * without its data (the demo-account list), which is what "first render" means here.
 */
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawn } from 'node:child_process';
import { freePort } from '../../libs/embedded/src';
import { machineInfo } from '../lib/machine';
import { writeResults } from '../lib/results';
import { summarize } from '../lib/stats';

const ROOT = resolve(__dirname, '..', '..');
const DIST = join(ROOT, 'dist', 'web');
const runs = Number(process.env.BENCH_RUNS ?? 10);

async function main() {
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'preview',
      '--config',
      join(ROOT, 'apps', 'web', 'vite.config.ts'),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 100) throw new Error('vite preview did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  const fcp: number[] = [];
  const form: number[] = [];
  let scripts: string[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const ctx = await browser.newContext(); // a cold cache every time
      const page = await ctx.newPage();
      const js = new Set<string>();
      page.on('request', (r) => {
        if (r.resourceType() === 'script') js.add(new URL(r.url()).pathname);
      });
      const t0 = Date.now();
      await page.goto(`${url}login`);
      await page.getByRole('button', { name: '登录', exact: true }).waitFor();
      form.push(Date.now() - t0);
      fcp.push(
        await page.evaluate(
          () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        ),
      );
      scripts = [...js];
      await ctx.close();
      process.stdout.write(`\rrun ${i + 1}/${runs}: form on screen after ${form.at(-1)} ms`);
    }
  } finally {
    await browser.close();
    server.kill();
  }
  const files = scripts.map((p) => {
    const raw = readFileSync(join(DIST, p));
    return { path: p, bytes: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });
  const total = files.reduce((a, f) => ({ bytes: a.bytes + f.bytes, gzip: a.gzip + f.gzip }), {
    bytes: 0,
    gzip: 0,
  });
  const result = {
    when: new Date().toISOString(),
    machine: machineInfo(),
    runs,
    initialJs: { files, total },
    firstContentfulPaintMs: summarize(fcp),
    signInFormMs: summarize(form),
  };
  process.stdout.write(
    `\n\nInitial JavaScript of the sign-in page: ${files.length} files, ${(total.bytes / 1024).toFixed(0)} KiB, ${(total.gzip / 1024).toFixed(0)} KiB gzipped\n` +
      `First contentful paint: p50 ${result.firstContentfulPaintMs.p50Ms.toFixed(0)} ms, p90 ${result.firstContentfulPaintMs.p90Ms.toFixed(0)} ms\n` +
      `Sign-in form on screen: p50 ${result.signInFormMs.p50Ms.toFixed(0)} ms, p90 ${result.signInFormMs.p90Ms.toFixed(0)} ms\n` +
      `Wrote ${writeResults('web-first-render', result).join(', ')}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:web: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
