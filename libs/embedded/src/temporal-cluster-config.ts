/**
 * The Temporal cluster's ports and configuration files: every port derives from the frontend's
 * (TEMPORAL_PORT), one server config per service, the Web UI server's config (see
 * temporal-cluster.ts for how they are started).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError, assertPortFree } from './ports';

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
