import { Injectable, Logger } from '@nestjs/common';
import { Gauge, type Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { METRIC_PREFIX, createRegistry } from '../../../../libs/observability/src';
import { operationsSnapshot, type OperationsSnapshot } from '../../../../libs/persistence/src';

/** A scrape every few seconds from several Prometheus servers costs one round of SQL. */
const CACHE_MS = 10_000;

/**
 * The API's registry: Node's process metrics, the HTTP histogram (httpMetrics in app.setup.ts)
 * and what an operator watches of the product, counted in SQL on scrape
 * (libs/persistence/src/read-model/operations.ts). Every API instance reports the same
 * product figures: aggregate them with max(), not sum().
 */
@Injectable()
export class MetricsService {
  readonly registry: Registry = createRegistry('api');
  private readonly log = new Logger('metrics');
  private cached?: { at: number; snapshot: Promise<OperationsSnapshot | undefined> };

  constructor(private readonly dataSource: DataSource) {
    const gauge = (
      name: string,
      help: string,
      labelNames: string[],
      set: (g: Gauge, s: OperationsSnapshot) => void,
    ) =>
      new Gauge({
        name: `${METRIC_PREFIX}${name}`,
        help,
        labelNames,
        registers: [this.registry],
        collect: async function (this: Gauge) {
          const s = await self.snapshot();
          if (!s) return;
          this.reset();
          set(this, s);
        },
      });
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- prom-client binds collect to the gauge
    const self = this;
    gauge('projects_running', 'Running projects by stage and risk', ['stage', 'risk'], (g, s) => {
      for (const r of s.running) g.set({ stage: r.stage, risk: r.risk }, r.n);
    });
    gauge(
      'items_overdue',
      'Open items of running projects overdue today, by department',
      ['department'],
      (g, s) => {
        for (const r of s.overdueItems) g.set({ department: r.department }, r.n);
      },
    );
    gauge(
      'deadline_sweep_backlog',
      "Running projects whose warning or overdue instant has passed and is not written yet (the deadline sweep's work)",
      [],
      (g, s) => g.set(s.sweepBacklog.n),
    );
    gauge(
      'deadline_sweep_backlog_oldest_seconds',
      'How long ago the oldest unwritten warning or overdue instant passed (0: none)',
      [],
      (g, s) => g.set(s.sweepBacklog.oldestSeconds),
    );
    gauge('mail_outbox_pending', 'Notice mails neither sent nor given up on', [], (g, s) =>
      g.set(s.mailOutbox.n),
    );
    gauge(
      'mail_outbox_oldest_seconds',
      'Age of the oldest notice mail still to send (0: none)',
      [],
      (g, s) => g.set(s.mailOutbox.oldestSeconds),
    );
    new Gauge({
      name: `${METRIC_PREFIX}metrics_snapshot_up`,
      help: '1 when the product figures above could be read from PostgreSQL at this scrape, else 0',
      registers: [this.registry],
      collect: async function (this: Gauge) {
        this.set((await self.snapshot()) ? 1 : 0);
      },
    });
  }

  /** The product figures, at most CACHE_MS old; undefined while PostgreSQL does not answer. */
  private snapshot(): Promise<OperationsSnapshot | undefined> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > CACHE_MS) {
      const snapshot = operationsSnapshot(this.dataSource).catch((err: Error) => {
        this.log.warn(`product metrics unavailable: ${err.message}`);
        return undefined;
      });
      this.cached = { at: now, snapshot };
    }
    return this.cached.snapshot;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
