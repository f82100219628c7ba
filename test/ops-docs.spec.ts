/**
 * docs/ops queries only what the product exports: every `approvals_…` series of the Grafana
 * dashboard and the alert rules is in the API's or the worker's registry (the Temporal SDK's
 * `temporal_…` ones are checked against a live worker in tracing.e2e-spec.ts), and every alert
 * says how bad it is and what happened.
 */
import { Histogram, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { MetricsService } from '../apps/api/src/observability/metrics.service';
import { WorkerMetrics } from '../apps/worker/src/observability';
import { httpMetrics } from '../libs/observability/src';
import { alertRules, dashboardExprs, opsMetricNames } from './ops-docs';

/** The series a registry writes: a histogram's with _bucket, _sum and _count. */
function seriesNames(registries: Registry[]) {
  const names = new Set<string>();
  for (const r of registries)
    for (const m of r.getMetricsAsArray()) {
      const { name } = m as unknown as { name: string };
      names.add(name);
      if (m instanceof Histogram)
        for (const x of ['_bucket', '_sum', '_count']) names.add(name + x);
    }
  return names;
}

describe('docs/ops: the dashboard and the alerts', () => {
  it('query only series the API and the worker export', () => {
    const api = new MetricsService({} as DataSource);
    httpMetrics(api.registry);
    const exported = seriesNames([api.registry, new WorkerMetrics().registry]);
    const queried = opsMetricNames('approvals_');
    expect(queried.length).toBeGreaterThan(8);
    expect(queried.filter((n) => !exported.has(n))).toEqual([]);
    expect(dashboardExprs().length).toBeGreaterThanOrEqual(16);
  });

  it('cover overdue growth, a stale mail outbox, a sweep behind and 5xx answers, each with a severity and a summary', () => {
    const rules = alertRules();
    for (const r of rules) {
      expect(['warning', 'critical']).toContain(r.labels.severity);
      expect(r.annotations.summary.length).toBeGreaterThan(10);
    }
    const exprs = rules.map((r) => r.expr).join('\n');
    for (const series of [
      'approvals_items_overdue',
      'approvals_mail_outbox_oldest_seconds',
      'approvals_deadline_sweep_backlog_oldest_seconds',
      'status=~"5.."',
    ])
      expect(exprs).toContain(series);
  });
});
