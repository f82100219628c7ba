/**
 * `npm start`: the whole product on one machine. Without DATABASE_URL it starts an embedded
 * PostgreSQL, without TEMPORAL_ADDRESS a Temporal dev server (each persisting under DATA_DIR),
 * then the worker and the API as child processes. Ctrl-C / SIGTERM stops all of them.
 *
 * `npm run start:cluster` (`--cluster`): the production shape instead of the dev server — a
 * Temporal cluster on the PostgreSQL (frontend, history, matching and worker as separate
 * processes, the Web UI server), two workers and two APIs (PORT and PORT+1). Its default
 * DATA_DIR is .data/cluster, apart from `npm start`'s.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import {
  ConfigError,
  demoOnNetworkWarning,
  isLoopbackHost,
  parseAppConfig,
  parseDatabaseConfig,
  parseTemporalConfig,
  readPort,
  readString,
} from '../libs/config/src';
import { describeStartError } from '../libs/config/src';
import {
  CLUSTER_SERVICES,
  Stack,
  StartupError,
  assertPortFree,
  clusterPorts,
  startS3Proxy,
  type RunningS3Proxy,
  copyUrl,
  projectRoot,
  webDir,
} from '../libs/embedded/src';
import { formatSummary, seedDemo } from './seed-demo';

let stack: Stack | undefined;
let shuttingDown = false;
let s3: RunningS3Proxy | undefined;

const say = (line: string) => process.stdout.write(`${line}\n`);

/**
 * While the demo seed runs, the children's routine lines (a line per request it makes) are held
 * back, so the banner stays on screen; warnings and errors still show.
 */
let quiet = false;
const ROUTINE = /\b(INFO|DEBUG|TRACE):|"level":"(info|debug|trace)"/;
const echo = (name: string) => (line: string) => {
  if (quiet && ROUTINE.test(stripVTControlCharacters(line))) return;
  say(`[${name}] ${line}`);
};

async function shutdown(code: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  await stack?.stop();
  await s3?.stop();
  process.exit(code);
}

/**
 * The first start of the embedded default seeds demo projects through the API, once: the marker
 * file <DATA_DIR>/demo-seeded remembers it. DEMO_SEED=0 skips it; a failure is one line, and the
 * product runs on (`npm run seed:demo` retries; it skips the projects already made).
 */
async function seedOnFirstStart(apiUrl: string, dataDir: string, banner: string): Promise<void> {
  const marker = join(dataDir, 'demo-seeded');
  if (process.env.DEMO_SEED?.trim() === '0' || existsSync(marker)) return;
  say('Seeding demo projects through the API (first start only; DEMO_SEED=0 skips it) ...');
  quiet = true;
  try {
    const summary = await seedDemo({ apiUrl });
    // The access lines of its last requests are still in the children's pipes.
    await new Promise((r) => setTimeout(r, 1000));
    quiet = false;
    if (shuttingDown) return;
    say(
      [
        `Demo projects (${summary.created} created, ${summary.existing} already there):`,
        ...formatSummary(summary).map((l) => `  ${l}`),
        'Sign in with password "demo" as applicant, applicant2, agent, window, supervisor, admin,',
        'officer.<DEPT> or head.<DEPT> (e.g. officer.DRC). `npm run seed:demo` runs it again.',
        // The banner again, last: the one address to open stays on screen.
        banner,
      ].join('\n'),
    );
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(
      marker,
      `${new Date().toISOString()}\n${summary.projects.map((p) => `${p.key} ${p.id}`).join('\n')}\n`,
    );
  } catch (err) {
    quiet = false;
    if (shuttingDown) return;
    say(
      `start: the demo seed failed (the product runs on; \`npm run seed:demo\` retries): ${(err as Error).message}`,
    );
  }
}

/** A random secret kept in DATA_DIR across restarts (the JWT secret, the metrics token). */
function localSecret(dataDir: string, name = 'jwt-secret'): string {
  const file = join(dataDir, name);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

async function main() {
  const env = process.env;
  const root = projectRoot();
  const cluster = process.argv.includes('--cluster');
  const dataDir = resolve(root, readString(env, 'DATA_DIR', cluster ? '.data/cluster' : '.data'));
  const embeddedDb = !env.DATABASE_URL?.trim();
  const embeddedTemporal = !env.TEMPORAL_ADDRESS?.trim();
  // As the API will read it: with both embedded it makes demo accounts, and listens on loopback.
  const app = parseAppConfig({
    ...env,
    ...(embeddedDb && embeddedTemporal ? { APPROVALS_EMBEDDED: '1' } : {}),
  });
  // Validate what the user did set before starting anything.
  if (!embeddedDb) parseDatabaseConfig(env);
  if (!embeddedTemporal) parseTemporalConfig(env);
  if (cluster && !embeddedTemporal)
    throw new StartupError('--cluster starts its own Temporal cluster: unset TEMPORAL_ADDRESS');
  const pgPort = readPort(env, 'EMBEDDED_PG_PORT', 5433);
  const temporalPort = readPort(env, 'TEMPORAL_PORT', 7233);
  const uiPort = readPort(env, 'TEMPORAL_UI_PORT', 8233);
  await assertPortFree(app.port, app.host, 'API', 'PORT');
  if (cluster) await assertPortFree(app.port + 1, app.host, 'second API (PORT+1)', 'PORT');

  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  stack = new Stack({
    dir: dataDir,
    postgres: embeddedDb && { port: pgPort, folder: 'postgres' },
    temporal: embeddedTemporal && {
      port: temporalPort,
      uiPort,
      namespace: readString(env, 'TEMPORAL_NAMESPACE', 'default'),
      cluster,
      databaseUrl: env.DATABASE_URL?.trim(),
    },
    log: say,
    onUnexpectedExit: (exit) => {
      if (shuttingDown) return;
      say(`start: the ${exit.name} exited unexpectedly (${exit.how}); stopping everything`);
      void shutdown(1);
    },
  });
  await stack.start();
  // The user's own settings, pointed at what the stack runs.
  const childEnv = stack.productEnv({}, env);
  const lines: string[] = [];
  if (stack.postgres) {
    const pg = stack.postgres;
    lines.push(
      `PostgreSQL  ${pg.url.replace(/:[^:@/]+@/, ':***@')}  (embedded, data in ${pg.dataDir})`,
    );
  } else {
    lines.push(`PostgreSQL  DATABASE_URL (external)`);
  }
  lines.push(
    childEnv.EXCHANGE_DATABASE_URL
      ? `Exchange    SPGL tables in ${childEnv.EXCHANGE_DATABASE_URL.replace(/:[^:@/]+@/, ':***@')}  (staging database of the provincial platform)`
      : 'Exchange    off (EXCHANGE_DATABASE_URL not set)',
  );
  if (stack.cluster) {
    const c = stack.cluster;
    const p = clusterPorts(stack.temporalPort);
    lines.push(
      `Temporal    ${c.address}  (cluster ${c.binaries.serverVersion} on PostgreSQL, databases temporal + temporal_visibility)`,
    );
    for (const s of CLUSTER_SERVICES)
      lines.push(
        `  ${s.padEnd(9)} gRPC :${p.grpc[s]}, membership :${p.membership[s]}, metrics http://127.0.0.1:${p.metrics[s]}/metrics  (log ${join(dataDir, `temporal-${s}.log`)})`,
      );
    lines.push(`Temporal UI ${c.uiUrl}  (ui-server ${c.binaries.uiVersion})`);
  } else if (stack.temporal) {
    lines.push(`Temporal    ${stack.temporal.address}  (dev server, ${stack.sqliteFile})`);
    lines.push(`Temporal UI ${stack.temporal.uiUrl}`);
  } else {
    lines.push(`Temporal    ${env.TEMPORAL_ADDRESS} (external)`);
  }
  // Tokens survive a restart: a random signing secret kept with the embedded data.
  if (!childEnv.JWT_SECRET && childEnv.NODE_ENV !== 'production')
    childEnv.JWT_SECRET = localSecret(dataDir);
  // Uploaded materials: the production shape keeps them in an S3-compatible store (S3Proxy on
  // loopback, its buckets in DATA_DIR) as a deployment would; the embedded default in a folder.
  if (cluster && !childEnv.S3_BUCKET?.trim()) {
    s3 = await startS3Proxy({
      dataDir: join(dataDir, 's3'),
      port: readPort(env, 'S3PROXY_PORT', app.port + 20),
    });
    Object.assign(childEnv, {
      S3_BUCKET: 'materials',
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    });
  }
  if (!childEnv.S3_BUCKET?.trim()) childEnv.FILES_DIR ??= join(dataDir, 'files');
  lines.push(
    childEnv.S3_BUCKET?.trim()
      ? `Files       S3 bucket ${childEnv.S3_BUCKET}${s3 ? ` (S3Proxy ${s3.endpoint}, ${join(dataDir, 's3')})` : ''}`
      : `Files       ${childEnv.FILES_DIR}`,
  );
  // A terminal reads text, not JSON (the children's output is a pipe to this process).
  if (process.stdout.isTTY) childEnv.LOG_FORMAT ??= 'text';
  // Metrics: the API's /metrics behind a token kept with the data; each worker on its own port.
  if (!childEnv.METRICS_TOKEN && childEnv.NODE_ENV !== 'production')
    childEnv.METRICS_TOKEN = localSecret(dataDir, 'metrics-token');
  const workerMetricsPort = readPort(env, 'WORKER_METRICS_PORT', 9464);
  // Without SMTP_URL the worker catches notice mails on loopback and keeps each as a file here.
  if (!childEnv.SMTP_URL?.trim()) childEnv.MAIL_CATCHER_DIR ??= join(dataDir, 'mail');
  lines.push(
    childEnv.SMTP_URL?.trim()
      ? `Mail        SMTP_URL (external)`
      : childEnv.APPROVALS_EMBEDDED === '1'
        ? `Mail        caught by the worker, one .eml file per mail in ${childEnv.MAIL_CATCHER_DIR}`
        : `Mail        OFF (no SMTP_URL): notices reach the web inbox only`,
  );
  // Now the children's configuration is complete: validate it here, once, with the variable named.
  parseDatabaseConfig(childEnv);
  const temporal = parseTemporalConfig(childEnv);

  const host = app.host === '0.0.0.0' ? 'localhost' : app.host;
  const apiUrl = `http://${host}:${app.port}`;
  const copies = cluster ? 2 : 1;
  await stack.startProduct({
    env: childEnv,
    apiUrl,
    copies,
    envOf: (name, n) =>
      name === 'worker' && workerMetricsPort
        ? { WORKER_METRICS_PORT: String(workerMetricsPort + n - 1) }
        : {},
    echo,
  });
  lines.push(
    `Worker${copies > 1 ? `s × ${copies}` : '     '} task queue "${temporal.taskQueue}", namespace "${temporal.namespace}"`,
  );
  for (let n = 1; n <= copies; n++) {
    const url = copyUrl(apiUrl, n);
    lines.push(
      `API${copies > 1 ? ` ${n}  ` : '     '}   ${url}/api  (docs: ${url}/docs, health: ${url}/health)`,
    );
  }
  if (childEnv.METRICS_TOKEN)
    lines.push(
      `Metrics     ${apiUrl}/metrics  (bearer token: METRICS_TOKEN${env.METRICS_TOKEN ? '' : `, kept in ${join(dataDir, 'metrics-token')}`})${workerMetricsPort ? `; worker${copies > 1 ? 's' : ''} http://${host}:${workerMetricsPort}${copies > 1 ? `-${workerMetricsPort + copies - 1}` : ''}/metrics` : ''}`,
    );
  if (childEnv.OTEL_EXPORTER_OTLP_ENDPOINT)
    lines.push(`Traces      OTLP to ${childEnv.OTEL_EXPORTER_OTLP_ENDPOINT}`);
  const web = existsSync(join(webDir(), 'index.html'))
    ? `Web app     ${apiUrl}  ← open this; sign in as applicant, officer.NRP, window … (password demo)`
    : `Web app     not built (npm run build); the API runs without it`;
  const exposed = app.embedded && !isLoopbackHost(app.host);
  const banner = [
    '',
    ...(exposed ? ['', `WARNING: ${demoOnNetworkWarning(app.host)}`, ''] : []),
    'Parallel approvals is running:',
    `  ${web}`,
    ...lines.map((l) => `  ${l}`),
    'Ctrl-C stops everything.',
    '',
  ].join('\n');
  say(banner);
  if (embeddedDb && embeddedTemporal) await seedOnFirstStart(apiUrl, dataDir, banner);
}

main().catch(async (err: unknown) => {
  if (shuttingDown) return;
  const known = err instanceof StartupError || err instanceof ConfigError;
  say(`start: ${describeStartError(err)}`);
  if (!known && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  await shutdown(1);
});
