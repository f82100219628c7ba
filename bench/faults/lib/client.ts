/**
 * The HTTP client of the fault tests: every attempt is recorded (status, route, when), and a
 * write is retried with the same Idempotency-Key on 5xx, timeouts and refused connections, the
 * way a careful client would. A 500 is retried too, but it stays in the record: the contract
 * says a dependency outage is a 503, never a 500.
 */
import { sleep } from './progress';

export type Status = number | 'timeout' | 'network';

export interface Attempt {
  route: string;
  method: string;
  status: Status;
  start: number;
  end: number;
  key?: string;
}

export interface Answer<T = unknown> {
  status: Status;
  body: T;
  requestId?: string;
  ms: number;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  key?: string;
  /** Per attempt; the API itself gives up on a Temporal Update after 30 s. */
  timeoutMs?: number;
}

export interface RetryOptions extends CallOptions {
  /** Give up retrying after this long (the last answer is returned). */
  deadlineMs?: number;
}

export interface Failure {
  route: string;
  method: string;
  status: Status;
  body: unknown;
  requestId?: string;
  at: string;
}

const RETRYABLE = (s: Status) => typeof s !== 'number' || s >= 500;

/** `/api/projects/<uuid>/stages/PLAN/submission` → `/api/projects/:id/stages/PLAN/submission`. */
export function routeOf(method: string, path: string): string {
  const p = path
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(:[A-Z_]+)?/gi, (m) =>
      m.includes(':') ? ':taskId' : ':id',
    )
    .replace(/\/items\/[A-Z_]+\//, '/items/:code/');
  return `${method} ${p}`;
}

export class ApiClient {
  readonly attempts: Attempt[] = [];
  /** Every 500 seen (and other unexpected answers the tests flag), with its request id. */
  readonly serverErrors: Failure[] = [];
  /** Per route, how often each error answer (status and message) was seen. */
  readonly errorMessages: Record<string, Record<string, number>> = {};

  constructor(private readonly baseUrl: () => string) {}

  async once<T = unknown>(
    method: string,
    path: string,
    opts: CallOptions = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.key) headers['idempotency-key'] = opts.key;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const start = Date.now();
    let status: Status;
    let body: unknown;
    let requestId: string | undefined;
    try {
      const res = await fetch(`${this.baseUrl()}${path}`, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 45_000),
      });
      status = res.status;
      requestId = res.headers.get('x-request-id') ?? undefined;
      const text = await res.text();
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
    } catch (err) {
      const name = (err as Error).name;
      status = name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network';
      body = String((err as Error).cause ?? err);
    }
    const end = Date.now();
    const route = routeOf(method, path);
    this.attempts.push({ route, method, status, start, end, key: opts.key });
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
        requestId,
        at: new Date(end).toISOString(),
      });
    }
    return { status, body: body as T, requestId, ms: end - start };
  }

  /** Retries a call with the same key until it gets an answer that is not a 5xx or a timeout. */
  async retry<T = unknown>(
    method: string,
    path: string,
    opts: RetryOptions = {},
  ): Promise<Answer<T> & { tries: number; statuses: Status[] }> {
    const deadline = Date.now() + (opts.deadlineMs ?? 180_000);
    const statuses: Status[] = [];
    for (let delay = 250, tries = 1; ; tries++) {
      const a = await this.once<T>(method, path, opts);
      statuses.push(a.status);
      if (!RETRYABLE(a.status) || Date.now() + delay > deadline) return { ...a, tries, statuses };
      await sleep(delay + Math.random() * delay);
      delay = Math.min(delay * 2, 2_000);
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

/** Runs `fn` over `items` with at most `limit` at a time; results in input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  });
  await Promise.all(workers);
  return out;
}
