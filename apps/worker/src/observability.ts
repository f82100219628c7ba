/**
 * The worker's telemetry: the Temporal SDK's runtime (its logger into pino; its own Prometheus
 * exporter of worker metrics — task slots, poll latencies, schedule-to-start, sticky cache —
 * when WORKER_METRICS_PORT is set) and the `/metrics` the worker serves on that port: Node's
 * process metrics and the deadline sweep's, from prom-client, followed by the SDK's.
 */
import { Logger } from '@nestjs/common';
import { Runtime } from '@temporalio/worker';
import { createServer, type Server } from 'node:http';
import { AddressInfo, createServer as createTcpServer } from 'node:net';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { LogThreshold } from '../../../libs/observability/src';
import { rootLogger } from '../../../libs/observability/src';
import { METRIC_PREFIX, createRegistry } from '../../../libs/observability/src';
import { temporalLogger } from './temporal-log';

/** A free loopback port for the SDK's own exporter, which the worker's `/metrics` reads. */
function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createTcpServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Installs the SDK's runtime once per process, before the first connection: the logger always,
 * the Prometheus exporter when asked for (answers its loopback address). A second worker in the
 * same process (tests) keeps the first runtime.
 */
export async function installRuntime(
  level: LogThreshold,
  withMetrics: boolean,
): Promise<string | undefined> {
  const sdkMetrics = withMetrics ? `127.0.0.1:${await freeLoopbackPort()}` : undefined;
  try {
    Runtime.install({
      logger: temporalLogger(rootLogger(), level),
      telemetryOptions: sdkMetrics
        ? {
            metrics: {
              prometheus: {
                bindAddress: sdkMetrics,
                countersTotalSuffix: true,
                useSecondsForDurations: true,
              },
            },
          }
        : undefined,
    });
    return sdkMetrics;
  } catch {
    return undefined; // already installed
  }
}

/** The deadline sweep's runs, as the worker records them. */
export interface SweepMetrics {
  observe(seconds: number, result: 'swept' | 'idle' | 'busy' | 'failed', projects: number): void;
}

export class WorkerMetrics implements SweepMetrics {
  readonly registry: Registry = createRegistry('worker');
  private server?: Server;
  private readonly runs = new Counter({
    name: `${METRIC_PREFIX}deadline_sweep_runs_total`,
    help: 'Deadline sweep rounds by result: swept, idle (nothing due), busy (another worker had it), failed',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  private readonly swept = new Counter({
    name: `${METRIC_PREFIX}deadline_sweep_projects_total`,
    help: 'Projects whose warning or overdue the deadline sweep wrote',
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: `${METRIC_PREFIX}deadline_sweep_duration_seconds`,
    help: 'How long one deadline sweep round took',
    buckets: [0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 120, 300],
    registers: [this.registry],
  });

  observe(seconds: number, result: 'swept' | 'idle' | 'busy' | 'failed', projects: number) {
    this.runs.inc({ result });
    this.swept.inc(projects);
    if (result !== 'busy') this.duration.observe(seconds);
  }

  /** Serves `/metrics` on host:port: ours, then the SDK's exporter's (when it runs). */
  listen(host: string, port: number, sdkMetrics: string | undefined): Promise<void> {
    const log = new Logger('metrics');
    this.server = createServer((req, res) => {
      if (req.method !== 'GET' || !req.url?.startsWith('/metrics')) {
        res.writeHead(404).end('only GET /metrics here\n');
        return;
      }
      void this.text(sdkMetrics).then(
        (body) => res.writeHead(200, { 'content-type': this.registry.contentType }).end(body),
        (err: Error) => res.writeHead(503).end(`metrics unavailable: ${err.message}\n`),
      );
    });
    return new Promise((resolve, reject) => {
      this.server!.once('error', (err) =>
        reject(new Error(`WORKER_METRICS_PORT ${port}: ${err.message}`)),
      );
      this.server!.listen(port, host, () => {
        log.log(`worker metrics on http://${host}:${port}/metrics`);
        resolve();
      });
    });
  }

  private async text(sdkMetrics: string | undefined): Promise<string> {
    const ours = await this.registry.metrics();
    if (!sdkMetrics) return ours;
    const sdk = await fetch(`http://${sdkMetrics}/metrics`, { signal: AbortSignal.timeout(2000) });
    return `${ours}\n${await sdk.text()}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
