/**
 * The one HTTP client of the API for the demo seed, the benchmarks and the fault tests: JSON in
 * and out, a bearer token, an Idempotency-Key, the request id of every answer, a per-attempt
 * timeout, retries by a policy the caller picks, and a typed error with the status and the
 * body. Node's fetch (undici), whose global pool keeps connections alive between requests.
 */

/** An HTTP status, or why there was none. */
export type Status = number | 'timeout' | 'network';

export interface Answer<T = unknown> {
  status: Status;
  /** Parsed JSON; the text when it is not JSON; for `network`, the cause. */
  body: T;
  requestId?: string;
  /** The Retry-After header in seconds, when the API sent one. */
  retryAfterS?: number;
  /** When the attempt started and ended (ms since epoch), and how long it took. */
  start: number;
  end: number;
  ms: number;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** The Idempotency-Key: a retry with the same key has one effect. */
  key?: string;
  headers?: Record<string, string>;
  /** Per attempt; default the client's. */
  timeoutMs?: number;
}

/** After an answer and its attempt number (1, 2, …): how long to wait before the next, or stop. */
export type RetryPolicy = (answer: Answer, attempt: number) => number | undefined;

export interface RetryOptions extends CallOptions {
  /** Default: `backoffWhileUnavailable(deadlineMs)`. */
  policy?: RetryPolicy;
  /** For the default policy: give up after this long (the last answer is returned). */
  deadlineMs?: number;
}

export interface RequestOptions extends CallOptions {
  /** Statuses that count as success; default any 2xx. */
  ok?: number[];
  /** Retry by this policy before judging the answer. */
  retry?: RetryPolicy;
}

export interface ApiClientOptions {
  /** Per attempt (default none). */
  timeoutMs?: number;
  /** Called with every attempt's answer (the fault tests keep a record). */
  onAnswer?: (answer: Answer, method: string, path: string, key?: string) => void;
}

/** The message of an error answer (Nest's `message`, a string or a list), or its text. */
export function messageOf(body: unknown): string {
  if (body && typeof body === 'object' && 'message' in body) {
    const m = body.message;
    return Array.isArray(m) ? m.join('; ') : String(m);
  }
  return typeof body === 'string' ? body.slice(0, 200) : String(JSON.stringify(body));
}

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: Status,
    readonly body: unknown,
    readonly requestId?: string,
  ) {
    super(`${method} ${path} → ${status} ${messageOf(body).slice(0, 300)}`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Retries 5xx, timeouts and refused connections with the same request, backing off from 250 ms
 * to 2 s with jitter, until `deadlineMs` has passed: what a careful client does while a
 * dependency restarts.
 */
export function backoffWhileUnavailable(deadlineMs = 180_000): RetryPolicy {
  const deadline = Date.now() + deadlineMs;
  let delay = 250;
  return (a) => {
    if (typeof a.status === 'number' && a.status < 500) return undefined;
    if (Date.now() + delay > deadline) return undefined;
    const wait = delay + Math.random() * delay;
    delay = Math.min(delay * 2, 2_000);
    return wait;
  };
}

export class ApiClient {
  private readonly base: () => string;

  constructor(
    baseUrl: string | (() => string),
    private readonly options: ApiClientOptions = {},
  ) {
    this.base = typeof baseUrl === 'string' ? () => baseUrl : baseUrl;
  }

  get baseUrl(): string {
    return this.base().replace(/\/+$/, '');
  }

  /** One attempt; never throws (no answer is status `timeout` or `network`). */
  async send<T = unknown>(
    method: string,
    path: string,
    opts: CallOptions = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.key) headers['idempotency-key'] = opts.key;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const timeoutMs = opts.timeoutMs ?? this.options.timeoutMs;
    const start = Date.now();
    let status: Status;
    let body: unknown;
    let requestId: string | undefined;
    let retryAfterS: number | undefined;
    try {
      const res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined,
      });
      status = res.status;
      requestId = res.headers.get('x-request-id') ?? undefined;
      retryAfterS = Number(res.headers.get('retry-after')) || undefined;
      const text = await res.text();
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text; // not JSON: keep the text
      }
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      status = e.name === 'TimeoutError' || e.name === 'AbortError' ? 'timeout' : 'network';
      body = e.cause?.code ?? e.cause?.message ?? e.message;
    }
    const end = Date.now();
    const answer: Answer<T> = {
      status,
      body: body as T,
      requestId,
      retryAfterS,
      start,
      end,
      ms: end - start,
    };
    this.options.onAnswer?.(answer, method, path, opts.key);
    return answer;
  }

  /** Sends, and again by `policy` (default: while unavailable), with the same key; never throws. */
  async retry<T = unknown>(
    method: string,
    path: string,
    opts: RetryOptions = {},
  ): Promise<Answer<T> & { tries: number; statuses: Status[] }> {
    const policy = opts.policy ?? backoffWhileUnavailable(opts.deadlineMs);
    const statuses: Status[] = [];
    for (let tries = 1; ; tries++) {
      const a = await this.send<T>(method, path, opts);
      statuses.push(a.status);
      const wait = policy(a, tries);
      if (wait === undefined) return { ...a, tries, statuses };
      await sleep(wait);
    }
  }

  /** A call that must answer one of `ok` (default 2xx); anything else throws an ApiError. */
  async request<T = unknown>(
    method: string,
    path: string,
    opts: RequestOptions = {},
  ): Promise<Answer<T> & { status: number }> {
    const a = opts.retry
      ? await this.retry<T>(method, path, { ...opts, policy: opts.retry })
      : await this.send<T>(method, path, opts);
    const s = a.status;
    const ok = typeof s === 'number' && (opts.ok ? opts.ok.includes(s) : s >= 200 && s < 300);
    if (!ok) throw new ApiError(method, path, s, a.body, a.requestId);
    return a as Answer<T> & { status: number };
  }

  async get<T = unknown>(path: string, token?: string): Promise<T> {
    return (await this.request<T>('GET', path, { token })).body;
  }

  async post<T = unknown>(
    path: string,
    body: unknown,
    opts: Omit<RequestOptions, 'body'> = {},
  ): Promise<T> {
    return (await this.request<T>('POST', path, { ...opts, body })).body;
  }

  /**
   * One file as multipart/form-data (part `file`), as a browser sends it; the answer as `send`
   * gives it (never throws).
   */
  async upload<T = unknown>(
    path: string,
    file: { name: string; bytes: Uint8Array<ArrayBuffer>; type?: string },
    opts: Omit<CallOptions, 'body'> = {},
  ): Promise<Answer<T>> {
    const form = new FormData();
    form.append(
      'file',
      new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }),
      file.name,
    );
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.key) headers['idempotency-key'] = opts.key;
    const start = Date.now();
    let status: Status;
    let body: unknown;
    try {
      const res = await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers, body: form });
      status = res.status;
      const text = await res.text();
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
    } catch (err) {
      status = 'network';
      body = (err as Error).message;
    }
    const end = Date.now();
    const answer: Answer<T> = { status, body: body as T, start, end, ms: end - start };
    this.options.onAnswer?.(answer, 'POST', path, opts.key);
    return answer;
  }

  /** POST /api/auth/login → the bearer token. */
  async login(username: string, password: string, opts: RequestOptions = {}): Promise<string> {
    const r = await this.request<{ accessToken: string }>('POST', '/api/auth/login', {
      ...opts,
      body: { username, password },
    });
    return r.body.accessToken;
  }
}
