import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require('js-yaml') as { load(text: string): unknown };
import {
  CLUSTER_PORT_SPAN,
  CLUSTER_SERVICES,
  clusterDatabase,
  clusterPorts,
  writeClusterConfig,
} from './temporal-cluster';

describe('the Temporal cluster configuration', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cluster-spec-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('derives every port from TEMPORAL_PORT, none twice, all within the span', () => {
    const p = clusterPorts(7233);
    expect(p.grpc.frontend).toBe(7233);
    const all = [
      ...Object.values(p.grpc),
      ...Object.values(p.membership),
      p.http,
      ...Object.values(p.metrics),
    ];
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(CLUSTER_PORT_SPAN);
    expect(Math.max(...all)).toBe(7233 + CLUSTER_PORT_SPAN - 1);
  });

  it('writes one parseable config per service: the same cluster, its own metrics port', () => {
    const db = clusterDatabase('postgres://pg:s%40cret@127.0.0.1:5433/approvals');
    expect(db).toEqual({ host: '127.0.0.1', port: 5433, user: 'pg', password: 's@cret' });
    const files = writeClusterConfig({ dir, port: 7233, db });
    type Config = {
      persistence: { datastores: { default: { sql: { connectAddr: string; password: string } } } };
      services: Record<string, { rpc: { grpcPort: number } }>;
      global: { metrics: { prometheus: { listenAddress: string } } };
    };
    const configs = CLUSTER_SERVICES.map(
      (s) => yaml.load(readFileSync(files[s], 'utf8')) as Config,
    );
    const metrics = configs.map((c) => c.global.metrics.prometheus.listenAddress);
    expect(new Set(metrics).size).toBe(4);
    for (const c of configs) {
      expect(c.persistence.datastores.default.sql).toMatchObject({
        connectAddr: '127.0.0.1:5433',
        password: 's@cret',
      });
      expect(c.services.frontend.rpc.grpcPort).toBe(7233);
      expect(c.services.history.rpc.grpcPort).toBe(7234);
    }
  });
});
