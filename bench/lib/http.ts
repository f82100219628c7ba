/** A small JSON client for the API (Node's fetch, kept-alive connections). */

export class HttpError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path} → ${status} ${JSON.stringify(body)?.slice(0, 300)}`);
    this.name = 'HttpError';
  }
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Statuses that count as success; default any 2xx. */
  expect?: number[];
}

export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    opts: RequestOptions = {},
  ): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    const ok = opts.expect
      ? opts.expect.includes(res.status)
      : res.status >= 200 && res.status < 300;
    if (!ok) throw new HttpError(method, path, res.status, body);
    return { status: res.status, body: body as T };
  }

  get<T = unknown>(path: string, token?: string): Promise<T> {
    return this.request<T>('GET', path, { token }).then((r) => r.body);
  }

  post<T = unknown>(
    path: string,
    body: unknown,
    opts: Omit<RequestOptions, 'body'> = {},
  ): Promise<T> {
    return this.request<T>('POST', path, { ...opts, body }).then((r) => r.body);
  }

  /** POST /api/auth/login → the bearer token. */
  async login(username: string, password: string): Promise<string> {
    const r = await this.post<{ accessToken: string }>('/api/auth/login', { username, password });
    return r.accessToken;
  }
}
