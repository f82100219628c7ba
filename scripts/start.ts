/**
 * `npm start`: the whole product on one machine. Without DATABASE_URL it starts an embedded
 * PostgreSQL, without TEMPORAL_ADDRESS a Temporal dev server (each persisting under DATA_DIR),
 * then the worker and the API as child processes. Ctrl-C / SIGTERM stops all of them.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ConfigError,
  parseAppConfig,
  parseDatabaseConfig,
  parseTemporalConfig,
  readPort,
  readString,
} from '../libs/config/src';
import { describeStartError } from '../libs/config/src/start-error';
import {
  RunningDevServer,
  RunningPostgres,
  StartupError,
  assertPortFree,
  projectRoot,
  startEmbeddedPostgres,
  startTemporalDevServer,
  waitFor,
} from '../libs/embedded/src';
import { formatSummary, seedDemo } from './seed-demo';

type Stop = { name: string; stop: () => Promise<void> };
const stops: Stop[] = [];
let shuttingDown = false;

const say = (line: string) => process.stdout.write(`${line}\n`);

function prefixed(name: string, child: ChildProcess) {
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream?.on('data', (b: Buffer) => {
      buf += b.toString('utf8');
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const l of lines) process.stdout.write(`[${name}] ${l}\n`);
    });
  }
}

function startNode(name: string, entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', entry], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  prefixed(name, child);
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  child.once('exit', (code, signal) => {
    if (!shuttingDown) {
      say(`start: the ${name} exited unexpectedly (${code ?? signal}); stopping everything`);
      void shutdown(1);
    }
  });
  stops.push({
    name,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(t);
    },
  });
  return child;
}

async function shutdown(code: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const s of [...stops].reverse()) {
    try {
      await s.stop();
      say(`stopped ${s.name}`);
    } catch (err) {
      say(`start: stopping ${s.name} failed: ${(err as Error).message}`);
    }
  }
  process.exit(code);
}

/**
 * The first start of the embedded default seeds demo projects through the API, once: the marker
 * file <DATA_DIR>/demo-seeded remembers it. DEMO_SEED=0 skips it; a failure is one line, and the
 * product runs on (`npm run seed:demo` retries; it skips the projects already made).
 */
async function seedOnFirstStart(apiUrl: string, dataDir: string): Promise<void> {
  const marker = join(dataDir, 'demo-seeded');
  if (process.env.DEMO_SEED?.trim() === '0' || existsSync(marker)) return;
  say('Seeding demo projects through the API (first start only; DEMO_SEED=0 skips it) ...');
  try {
    const summary = await seedDemo({ apiUrl });
    if (shuttingDown) return;
    say(
      [
        `Demo projects (${summary.created} created, ${summary.existing} already there):`,
        ...formatSummary(summary).map((l) => `  ${l}`),
        'Sign in with password "demo" as applicant, applicant2, agent, window, supervisor, admin,',
        'officer.<DEPT> or head.<DEPT> (e.g. officer.DRC). `npm run seed:demo` runs it again.',
        '',
      ].join('\n'),
    );
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(
      marker,
      `${new Date().toISOString()}\n${summary.projects.map((p) => `${p.key} ${p.id}`).join('\n')}\n`,
    );
  } catch (err) {
    if (shuttingDown) return;
    say(
      `start: the demo seed failed (the product runs on; \`npm run seed:demo\` retries): ${(err as Error).message}`,
    );
  }
}

function localSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

async function main() {
  const env = process.env;
  const root = projectRoot();
  const dataDir = resolve(root, readString(env, 'DATA_DIR', '.data'));
  const app = parseAppConfig(env);
  const embeddedDb = !env.DATABASE_URL?.trim();
  const embeddedTemporal = !env.TEMPORAL_ADDRESS?.trim();
  // Validate what the user did set before starting anything.
  if (!embeddedDb) parseDatabaseConfig(env);
  if (!embeddedTemporal) parseTemporalConfig(env);
  const pgPort = readPort(env, 'EMBEDDED_PG_PORT', 5433);
  const temporalPort = readPort(env, 'TEMPORAL_PORT', 7233);
  const uiPort = readPort(env, 'TEMPORAL_UI_PORT', 8233);
  await assertPortFree(app.port, app.host, 'API', 'PORT');

  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  const childEnv: NodeJS.ProcessEnv = { ...env };
  const lines: string[] = [];
  if (embeddedDb) {
    const pg: RunningPostgres = await startEmbeddedPostgres({
      dataDir: join(dataDir, 'postgres'),
      port: pgPort,
    });
    stops.push({ name: 'PostgreSQL', stop: () => pg.stop() });
    childEnv.DATABASE_URL = pg.url;
    lines.push(
      `PostgreSQL  ${pg.url.replace(/:[^:@/]+@/, ':***@')}  (embedded, data in ${pg.dataDir})`,
    );
  } else {
    lines.push(`PostgreSQL  DATABASE_URL (external)`);
  }
  if (embeddedTemporal) {
    const t: RunningDevServer = await startTemporalDevServer({
      dbFile: join(dataDir, 'temporal.sqlite'),
      port: temporalPort,
      uiPort,
      namespace: readString(env, 'TEMPORAL_NAMESPACE', 'default'),
    });
    stops.push({ name: 'Temporal dev server', stop: () => t.stop() });
    childEnv.TEMPORAL_ADDRESS = t.address;
    lines.push(`Temporal    ${t.address}  (dev server, ${join(dataDir, 'temporal.sqlite')})`);
    lines.push(`Temporal UI ${t.uiUrl}`);
  } else {
    lines.push(`Temporal    ${env.TEMPORAL_ADDRESS} (external)`);
  }
  if (embeddedDb && embeddedTemporal) childEnv.APPROVALS_EMBEDDED = '1';
  // Tokens survive a restart: a random signing secret kept with the embedded data.
  if (!childEnv.JWT_SECRET && childEnv.NODE_ENV !== 'production')
    childEnv.JWT_SECRET = localSecret(dataDir);
  // Now the children's configuration is complete: validate it here, once, with the variable named.
  parseDatabaseConfig(childEnv);
  const temporal = parseTemporalConfig(childEnv);

  const dist = resolve(__dirname, '..');
  startNode('worker', join(dist, 'apps/worker/src/main.js'), childEnv);
  startNode('api', join(dist, 'apps/api/src/main.js'), childEnv);
  lines.push(`Worker      task queue "${temporal.taskQueue}", namespace "${temporal.namespace}"`);

  const host = app.host === '0.0.0.0' ? 'localhost' : app.host;
  const apiUrl = `http://${host}:${app.port}`;
  await waitFor('the API', async () => (await fetch(`${apiUrl}/health`)).ok, {
    timeoutMs: 180_000,
    intervalMs: 500,
  });
  lines.push(`API         ${apiUrl}  (health: ${apiUrl}/health)`);
  say(
    [
      '',
      'Parallel approvals is running:',
      ...lines.map((l) => `  ${l}`),
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
  if (embeddedDb && embeddedTemporal) await seedOnFirstStart(apiUrl, dataDir);
}

main().catch(async (err: unknown) => {
  if (shuttingDown) return;
  const known = err instanceof StartupError || err instanceof ConfigError;
  say(`start: ${describeStartError(err)}`);
  if (!known && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  await shutdown(1);
});
