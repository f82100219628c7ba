/**
 * Prometheus metrics with prom-client: one registry per process, with Node's own (CPU, memory,
 * event-loop lag, GC) under the `approvals_` prefix, and the HTTP histogram of the API.
 */
import type { NextFunction, Request, Response } from 'express';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { routeOf } from './route';

export const METRIC_PREFIX = 'approvals_';

/** A registry with the process's default metrics, labelled with the process kind. */
export function createRegistry(process: 'api' | 'worker'): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ process });
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  return registry;
}

/**
 * Counts and times every request by method, route template and status when the response is
 * done (a request the client abandoned too).
 */
export function httpMetrics(registry: Registry) {
  const duration = new Histogram({
    name: `${METRIC_PREFIX}http_request_duration_seconds`,
    help: 'HTTP requests by method, route template and status: count (rate) and latency',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    const end = duration.startTimer();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      end({ method: req.method, route: routeOf(req), status: String(res.statusCode) });
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };
}
