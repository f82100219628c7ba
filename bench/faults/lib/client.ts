/**
 * The fault tests' record of the shared API client (libs/client): every attempt (status, route,
 * when). A write is retried with the same Idempotency-Key on 5xx, timeouts and refused
 * connections (the client's default `retry`), the way a careful client would. A 500 is retried
 * too, but it stays in the record: the contract says a dependency outage is a 503, never a 500.
 */
import { Answer, ApiClient, Status } from '../../../libs/client/src';

export type { Answer, Status } from '../../../libs/client/src';
export { mapLimit } from '../../lib/runner';

export interface Attempt {
  route: string;
  method: string;
  status: Status;
  start: number;
  end: number;
  key?: string;
}

export interface Failure {
  route: string;
  method: string;
  status: Status;
  body: unknown;
  requestId?: string;
  at: string;
}

/** `/api/projects/<uuid>/stages/PLAN/submission` → `/api/projects/:id/stages/PLAN/submission`. */
export function routeOf(method: string, path: string): string {
  const p = path
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(:[A-Z_]+)?/gi, (m) =>
      m.includes(':') ? ':taskId' : ':id',
    )
    .replace(/\/items\/[A-Z_]+\//, '/items/:code/');
  return `${method} ${p}`;
}

export class FaultClient extends ApiClient {
  readonly attempts: Attempt[] = [];
  /** Every 500 seen (and other unexpected answers the tests flag), with its request id. */
  readonly serverErrors: Failure[] = [];
  /** Per route, how often each error answer (status and message) was seen. */
  readonly errorMessages: Record<string, Record<string, number>> = {};

  /** Per attempt 45 s by default: the API itself gives up on a Temporal Update after 30 s. */
  constructor(baseUrl: () => string) {
    super(baseUrl, { timeoutMs: 45_000, onAnswer: (a, m, p, key) => this.record(a, m, p, key) });
  }

  private record(a: Answer, method: string, path: string, key?: string): void {
    const { status, body, start, end } = a;
    const route = routeOf(method, path);
    this.attempts.push({ route, method, status, start, end, key });
    if (typeof status !== 'number' || status >= 400) {
      const text =
        typeof body === 'object' && body && 'message' in body
          ? JSON.stringify(body.message)
          : (typeof body === 'string' ? body : JSON.stringify(body)).slice(0, 200);
      const msg = `${status} ${text}`;
      const seen = (this.errorMessages[route] ??= {});
      seen[msg] = (seen[msg] ?? 0) + 1;
    }
    if (status === 500) {
      this.serverErrors.push({
        route,
        method,
        status,
        body,
        requestId: a.requestId,
        at: new Date(end).toISOString(),
      });
    }
  }

  /** Attempts whose answer arrived in [from, to], counted by status. */
  countStatuses(from = 0, to = Number.MAX_SAFE_INTEGER, route?: RegExp): Record<string, number> {
    const out: Record<string, number> = {};
    for (const a of this.attempts) {
      if (a.end < from || a.end > to) continue;
      if (route && !route.test(a.route)) continue;
      out[String(a.status)] = (out[String(a.status)] ?? 0) + 1;
    }
    return out;
  }

  /** Status counts per route, for the JSON result. */
  byRoute(from = 0, to = Number.MAX_SAFE_INTEGER): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const a of this.attempts) {
      if (a.end < from || a.end > to) continue;
      const r = (out[a.route] ??= {});
      r[String(a.status)] = (r[String(a.status)] ?? 0) + 1;
    }
    return out;
  }
}
