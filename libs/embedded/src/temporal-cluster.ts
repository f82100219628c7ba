/**
 * The parts of a real Temporal cluster on PostgreSQL, as production runs it: the server's
 * frontend, history, matching and worker services as separate processes of one release (built
 * by `node scripts/setup.js cluster`), the Web UI server, and the schemas set up with the
 * release's own SQL tool. The Stack (stack.ts) supervises the processes; this file knows the
 * binaries, the processes and the order they start in; temporal-cluster-config.ts their ports
 * and configuration files, temporal-cluster-schema.ts the schemas, the namespace and the search
 * attributes. Every port derives from the frontend's (TEMPORAL_PORT), which clients use exactly
 * as they use the dev server's.
 */
import { join } from 'node:path';
import type { NodeChild, NodeChildSpec } from './node-child';
import { setupScript, type ClusterBinaries } from './temporal-binaries';
import { StartupError, tcpOpen } from './ports';
import { withoutProductSettings } from './stack-options';
import {
  CLUSTER_SERVICES,
  type ClusterPorts,
  type ClusterService,
  assertClusterPortsFree,
  clusterDatabase,
  clusterPorts,
  serviceChild,
  writeClusterConfig,
  writeUiConfig,
} from './temporal-cluster-config';
import { prepareClusterNamespace, setupClusterSchema } from './temporal-cluster-schema';

export * from './temporal-cluster-config';
export * from './temporal-cluster-schema';

/** The cluster's binaries, built on first use (see scripts/setup.js). */
export function clusterBinaries(): ClusterBinaries {
  try {
    return setupScript().ensureCluster();
  } catch (err) {
    throw new StartupError(`the Temporal cluster's binaries: ${(err as Error).message}`);
  }
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
