/** The metric names docs/ops (the Grafana dashboard and the alert rules) query. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

const OPS = join(__dirname, '..', 'docs', 'ops');

export interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels: { severity: string };
  annotations: { summary: string; description?: string };
}

export function alertRules(): AlertRule[] {
  const doc = load(readFileSync(join(OPS, 'alerts.yml'), 'utf8')) as {
    groups: { name: string; rules: AlertRule[] }[];
  };
  return doc.groups.flatMap((g) => g.rules);
}

export function dashboardExprs(): string[] {
  const dash = JSON.parse(readFileSync(join(OPS, 'grafana-dashboard.json'), 'utf8')) as {
    panels: { targets?: { expr: string }[] }[];
  };
  return dash.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
}

/** Every `approvals_…` or `temporal_…` series name in the expressions. */
export function opsMetricNames(prefix: 'approvals_' | 'temporal_'): string[] {
  const exprs = [...dashboardExprs(), ...alertRules().map((r) => r.expr)];
  const names = exprs.flatMap((e) => e.match(new RegExp(`\\b${prefix}[a-z0-9_]+`, 'g')) ?? []);
  return [...new Set(names)].sort();
}
