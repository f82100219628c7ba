/**
 * The parts of a real Temporal cluster on PostgreSQL, as production runs it: the server's
 * frontend, history, matching and worker services as separate processes of one release (built
 * by `node scripts/setup.js cluster`), the Web UI server, and the schemas set up with the
 * release's own SQL tool. The Stack (stack.ts) supervises the processes; this file knows their
 * ports, configuration, schema and namespace. Every port derives from the frontend's
 * (TEMPORAL_PORT), which clients use exactly as they use the dev server's.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { Client as PgClient } from 'pg';
import { PROJECT_SEARCH_ATTRIBUTES } from '../../temporal/src/search-attributes';
import type { NodeChild, NodeChildSpec } from './node-child';
import { setupScript } from './project-root';
import { StartupError, assertPortFree, tcpOpen } from './ports';
import { withoutProductSettings } from './stack-options';

const run = promisify(execFile);

/** Started in this order (history and matching first: the frontend routes to them). */
export const CLUSTER_SERVICES = ['history', 'matching', 'frontend', 'worker'] as const;
export type ClusterService = (typeof CLUSTER_SERVICES)[number];

/** The Stack's child name of a service: `temporal history`, …, `temporal ui`. */
export const serviceChild = (s: ClusterService | 'ui') => `temporal ${s}`;

/** Ports taken from TEMPORAL_PORT on: gRPC 0–3, membership 4–7, frontend HTTP 8, metrics 9–12. */
export const CLUSTER_PORT_SPAN = 13;

export interface ClusterPorts {
  grpc: Record<ClusterService, number>;
  membership: Record<ClusterService, number>;
  http: number;
  metrics: Record<ClusterService, number>;
}

const ORDER: Record<ClusterService, number> = { frontend: 0, history: 1, matching: 2, worker: 3 };

export function clusterPorts(frontend: number): ClusterPorts {
  // The server keeps its services' ports in a SMALLINT column (cluster_membership.rpc_port).
  if (frontend + CLUSTER_PORT_SPAN - 1 > 32_767) {
    throw new StartupError(
      `TEMPORAL_PORT=${frontend}: the cluster takes ${CLUSTER_PORT_SPAN} ports from it and the Temporal server needs them below 32768`,
    );
  }
  const by = (offset: number) =>
    Object.fromEntries(CLUSTER_SERVICES.map((s) => [s, frontend + offset + ORDER[s]])) as Record<
      ClusterService,
      number
    >;
  return { grpc: by(0), membership: by(4), http: frontend + 8, metrics: by(9) };
}

export interface ClusterBinaries {
  server: string;
  sql: string;
  ui: string;
  /** The release's schema/ folder. */
  schemaDir: string;
  serverVersion: string;
  uiVersion: string;
}

/** The cluster's binaries, built on first use (see scripts/setup.js). */
export function clusterBinaries(): ClusterBinaries {
  try {
    return setupScript().ensureCluster();
  } catch (err) {
    throw new StartupError(`the Temporal cluster's binaries: ${(err as Error).message}`);
  }
}

export interface ClusterDatabase {
  host: string;
  port: number;
  user: string;
  password: string;
}

/** The PostgreSQL server of a database URL: the cluster keeps its own two databases there. */
export function clusterDatabase(url: string): ClusterDatabase {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  };
}

export const CLUSTER_DATABASES = { temporal: 'temporal', visibility: 'temporal_visibility' };

export interface ClusterConfigOptions {
  /** Where the config files go (`<stack dir>/temporal-cluster`). */
  dir: string;
  port: number;
  db: ClusterDatabase;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

/** Fails early, naming the variable, when a port the cluster needs is taken. */
export async function assertClusterPortsFree(port: number, uiPort: number): Promise<void> {
  for (let p = port; p < port + CLUSTER_PORT_SPAN; p++)
    await assertPortFree(
      p,
      '127.0.0.1',
      `Temporal cluster (TEMPORAL_PORT+${p - port})`,
      'TEMPORAL_PORT',
    );
  if (uiPort) await assertPortFree(uiPort, '127.0.0.1', 'Temporal Web UI', 'TEMPORAL_UI_PORT');
}

/**
 * One config file per service: the same cluster, each with its own metrics port (the services
 * of one machine cannot share it). Returns the file of each service.
 */
export function writeClusterConfig(opts: ClusterConfigOptions): Record<ClusterService, string> {
  mkdirSync(opts.dir, { recursive: true });
  const ports = clusterPorts(opts.port);
  const dynamic = join(opts.dir, 'dynamicconfig.yaml');
  writeFileSync(
    dynamic,
    toYaml({
      // The project workflow's commands are Updates.
      'frontend.enableUpdateWorkflowExecution': [{ value: true }],
      'frontend.enableUpdateWorkflowExecutionAsyncAccepted': [{ value: true }],
      // A create is an Update-with-Start (the API's ProjectsService.create).
      'frontend.enableExecuteMultiOperation': [{ value: true }],
      'limit.maxIDLength': [{ value: 255 }],
    }),
  );
  const store = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${opts.db.host}:${opts.db.port}`,
      connectProtocol: 'tcp',
      user: opts.db.user,
      password: opts.db.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const files = {} as Record<ClusterService, string>;
  for (const service of CLUSTER_SERVICES) {
    const config = {
      log: { stdout: true, level: opts.logLevel ?? 'warn', format: 'json' },
      persistence: {
        defaultStore: 'default',
        visibilityStore: 'visibility',
        // Fixed for the life of the cluster's data: a changed count cannot read old shards.
        numHistoryShards: 4,
        datastores: {
          default: store(CLUSTER_DATABASES.temporal, 15),
          visibility: store(CLUSTER_DATABASES.visibility, 5),
        },
      },
      global: {
        membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' },
        metrics: {
          prometheus: {
            framework: 'tally',
            timerType: 'histogram',
            listenAddress: `127.0.0.1:${ports.metrics[service]}`,
          },
        },
      },
      services: Object.fromEntries(
        CLUSTER_SERVICES.map((s) => [
          s,
          {
            rpc: {
              grpcPort: ports.grpc[s],
              membershipPort: ports.membership[s],
              bindOnLocalHost: true,
              ...(s === 'frontend' ? { httpPort: ports.http } : {}),
            },
          },
        ]),
      ),
      clusterMetadata: {
        enableGlobalNamespace: false,
        failoverVersionIncrement: 10,
        masterClusterName: 'active',
        currentClusterName: 'active',
        clusterInformation: {
          active: {
            enabled: true,
            initialFailoverVersion: 1,
            rpcName: 'frontend',
            rpcAddress: `127.0.0.1:${ports.grpc.frontend}`,
            httpAddress: `127.0.0.1:${ports.http}`,
          },
        },
      },
      dcRedirectionPolicy: { policy: 'noop' },
      publicClient: { hostPort: `127.0.0.1:${ports.grpc.frontend}` },
      dynamicConfigClient: { filepath: dynamic, pollInterval: '10s' },
    };
    files[service] = join(opts.dir, `${service}.yaml`);
    writeFileSync(files[service], toYaml(config));
  }
  return files;
}

/** The Web UI server's config folder (it reads `base.yaml` there). */
export function writeUiConfig(dir: string, port: number, uiPort: number, namespace: string) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'base.yaml'),
    toYaml({
      temporalGrpcAddress: `127.0.0.1:${port}`,
      host: '127.0.0.1',
      port: uiPort,
      enableUi: true,
      defaultNamespace: namespace,
      notifyOnNewVersion: false,
      refreshInterval: '1m',
      cors: { allowOrigins: [`http://127.0.0.1:${uiPort}`, `http://localhost:${uiPort}`] },
    }),
  );
  return dir;
}

/**
 * The two databases and their schemas, with the release's SQL tool: created when missing, set
 * up from version 0 the first time, then brought to the release's version (a no-op once there).
 */
export async function setupClusterSchema(
  bin: ClusterBinaries,
  db: ClusterDatabase,
  log: (line: string) => void = () => {},
): Promise<void> {
  const admin = new PgClient({ ...db, database: 'postgres' });
  await admin.connect();
  try {
    for (const name of Object.values(CLUSTER_DATABASES)) {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        name,
      ]);
      if (!rowCount) await admin.query(`CREATE DATABASE "${name}"`);
    }
  } finally {
    await admin.end();
  }
  for (const [kind, name] of Object.entries(CLUSTER_DATABASES)) {
    const conn = new PgClient({ ...db, database: name });
    await conn.connect();
    const fresh = await conn
      .query(`SELECT to_regclass('schema_version') IS NULL AS fresh`)
      .then((r) => (r.rows[0] as { fresh: boolean }).fresh)
      .finally(() => conn.end());
    const common = [
      '--plugin',
      'postgres12',
      '--endpoint',
      db.host,
      '--port',
      String(db.port),
      '--user',
      db.user,
      '--password',
      db.password,
      '--database',
      name,
    ];
    const tool = async (args: string[]) => {
      try {
        await run(bin.sql, [...common, ...args], { maxBuffer: 16 << 20 });
      } catch (err) {
        const e = err as { stderr?: string; message: string };
        throw new StartupError(
          `temporal-sql-tool ${args[0]} on ${name} failed: ${(e.stderr || e.message).trim().split('\n').slice(-3).join(' | ')}`,
        );
      }
    };
    if (fresh) await tool(['setup-schema', '-v', '0.0']);
    await tool([
      'update-schema',
      '-d',
      join(bin.schemaDir, 'postgresql', 'v12', kind, 'versioned'),
    ]);
    log(`Temporal schema ${kind} ready in database ${name}${fresh ? ' (new)' : ''}`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The namespace (registered once, kept on restarts) with the project's search attributes,
 * ready once a visibility query on them succeeds. The services' namespace caches refresh every
 * 10 s, so a namespace or attribute just added is given that long to reach every service.
 */
export async function prepareClusterNamespace(
  address: string,
  namespace: string,
  {
    timeoutMs = 120_000,
    searchAttributes = PROJECT_SEARCH_ATTRIBUTES,
    dead = (): string | undefined => undefined,
  } = {},
): Promise<{ created: boolean }> {
  const deadline = Date.now() + timeoutMs;
  const retry = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    for (let delay = 200; ; delay = Math.min(delay * 2, 2000)) {
      const died = dead();
      if (died) throw new StartupError(`Temporal cluster: ${what}: ${died}`);
      try {
        return await fn();
      } catch (err) {
        if (Date.now() > deadline)
          throw new StartupError(`Temporal cluster: ${what}: ${(err as Error).message}`);
        await sleep(delay);
      }
    }
  };
  const connection = await retry('connect', () =>
    Connection.connect({ address, connectTimeout: 5000 }),
  );
  try {
    const svc = connection.workflowService;
    await retry('system info', () => svc.getSystemInfo({}));
    let created = false;
    const exists = await svc.describeNamespace({ namespace }).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await retry('register namespace', () =>
        svc
          .registerNamespace({
            namespace,
            workflowExecutionRetentionPeriod: msToTs('7 days'),
          })
          .catch((err: { code?: number }) => {
            if (err.code !== 6) throw err; // ALREADY_EXISTS: another start was first
          }),
      );
      created = true;
    }
    await retry('describe namespace', () => svc.describeNamespace({ namespace }));
    if (
      await retry('add search attributes', () =>
        registerSearchAttributes(connection, namespace, searchAttributes),
      )
    )
      created = true;
    const query = Object.keys(searchAttributes)
      .filter((n) => searchAttributes[n] === 'Keyword')
      .map((n) => `${n} = 'ready'`)
      .join(' OR ');
    await retry('a visibility query on the search attributes', () =>
      svc.countWorkflowExecutions({ namespace, query }),
    );
    if (created) await sleep(11_000);
    return { created };
  } finally {
    await connection.close();
  }
}

/**
 * Registers the search attributes the namespace lacks (the cluster, or Temporal's time-skipping
 * test server, which refuses an upsert of an unknown one); true when it added any.
 */
export async function registerSearchAttributes(
  connection: Pick<Connection, 'operatorService'>,
  namespace: string,
  searchAttributes: Record<string, 'Keyword' | 'Datetime'> = PROJECT_SEARCH_ATTRIBUTES,
): Promise<boolean> {
  const Type = temporal.api.enums.v1.IndexedValueType;
  // The time-skipping test server implements add but not list: there, add them all.
  const have: { customAttributes?: Record<string, unknown> | null } =
    await connection.operatorService
      .listSearchAttributes({ namespace })
      .catch((err: { code?: number }) => {
        if (err.code === 12) return { customAttributes: {} }; // UNIMPLEMENTED
        throw err;
      });
  const missing = Object.fromEntries(
    Object.entries(searchAttributes)
      .filter(([name]) => !have.customAttributes?.[name])
      .map(([name, type]) => [
        name,
        type === 'Datetime' ? Type.INDEXED_VALUE_TYPE_DATETIME : Type.INDEXED_VALUE_TYPE_KEYWORD,
      ]),
  );
  if (!Object.keys(missing).length) return false;
  await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
  return true;
}

/** Enough YAML for the configs above: maps, lists of maps or scalars, strings, numbers, booleans. */
export function toYaml(value: unknown, indent = ''): string {
  const scalar = (v: unknown) =>
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
      ? JSON.stringify(v)
      : 'null';
  const isObj = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(value)) {
    return value
      .map((v) =>
        isObj(v) || Array.isArray(v)
          ? `${indent}-\n${toYaml(v, `${indent}  `)}`
          : `${indent}- ${scalar(v)}\n`,
      )
      .join('');
  }
  if (isObj(value)) {
    return Object.entries(value)
      .map(([k, v]) =>
        (isObj(v) && Object.keys(v).length) || (Array.isArray(v) && v.length)
          ? `${indent}${k}:\n${toYaml(v, `${indent}  `)}`
          : `${indent}${k}: ${Array.isArray(v) ? '[]' : isObj(v) ? '{}' : scalar(v)}\n`,
      )
      .join('');
  }
  return `${indent}${scalar(value)}\n`;
}

/** What the cluster needs of the Stack: its child supervision. */
export interface ClusterSupervisor {
  startNode(spec: NodeChildSpec): NodeChild;
  waitUntil(
    what: string,
    probe: () => Promise<boolean>,
    opts?: { timeoutMs?: number; intervalMs?: number },
  ): Promise<void>;
  deadChild(): string | undefined;
}

export interface ClusterStartOptions {
  /** The cluster's folder: configs, and the services' logs beside the stack's. */
  dir: string;
  port: number;
  /** 0: no Web UI. */
  uiPort: number;
  namespace: string;
  /** A URL on the PostgreSQL server the cluster keeps its two databases on. */
  databaseUrl: string;
  log?: (line: string) => void;
}

export interface RunningCluster {
  address: string;
  uiUrl?: string;
  ports: ClusterPorts;
  binaries: ClusterBinaries;
  configs: Record<ClusterService, string>;
}

/** The Stack's child spec of a service (the same for its restart). */
function serviceSpec(bin: ClusterBinaries, service: ClusterService, config: string): NodeChildSpec {
  return {
    name: serviceChild(service),
    entry: bin.server,
    args: ['--config-file', config, '--allow-no-auth', 'start', '--service', service],
    env: withoutProductSettings(),
  };
}

/** Schema, config, the four services, the namespace, the Web UI; resolves once all serve. */
export async function startCluster(
  sup: ClusterSupervisor,
  opts: ClusterStartOptions,
): Promise<RunningCluster> {
  const log = opts.log ?? (() => {});
  const bin = clusterBinaries();
  await assertClusterPortsFree(opts.port, opts.uiPort);
  const db = clusterDatabase(opts.databaseUrl);
  await setupClusterSchema(bin, db, log);
  const configs = writeClusterConfig({ dir: opts.dir, port: opts.port, db });
  const ports = clusterPorts(opts.port);
  for (const service of CLUSTER_SERVICES) {
    sup.startNode(serviceSpec(bin, service, configs[service]));
    await waitForService(sup, service, ports);
  }
  const address = `127.0.0.1:${opts.port}`;
  const { created } = await prepareClusterNamespace(address, opts.namespace, {
    dead: () => sup.deadChild(),
  });
  log(`Temporal namespace "${opts.namespace}" ${created ? 'registered' : 'ready'}`);
  let uiUrl: string | undefined;
  if (opts.uiPort) {
    writeUiConfig(join(opts.dir, 'ui'), opts.port, opts.uiPort, opts.namespace);
    sup.startNode({
      name: serviceChild('ui'),
      entry: bin.ui,
      args: ['--root', opts.dir, '--config', 'ui', '--env', 'cluster', 'start'],
      env: withoutProductSettings(),
    });
    await sup.waitUntil('Temporal Web UI', () => tcpOpen('127.0.0.1', opts.uiPort), {
      timeoutMs: 60_000,
    });
    uiUrl = `http://127.0.0.1:${opts.uiPort}`;
  }
  return { address, uiUrl, ports, binaries: bin, configs };
}

/** Until the service's gRPC port accepts connections; its death fails the wait at once. */
export function waitForService(
  sup: ClusterSupervisor,
  service: ClusterService,
  ports: ClusterPorts,
): Promise<void> {
  return sup.waitUntil(
    `Temporal ${service} service on :${ports.grpc[service]}`,
    () => tcpOpen('127.0.0.1', ports.grpc[service]),
    { timeoutMs: 120_000, intervalMs: 200 },
  );
}
