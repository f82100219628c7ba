/**
 * The one HTTP client of the web app: openapi-fetch over the types generated from the API's
 * OpenAPI document (`npm run gen:api`), so every path, body and answer is checked by tsc.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { type IssuedTokens, session } from '../auth/session-store';
import { outage } from './outage';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly messages: string[],
    readonly error: string,
  ) {
    super(messages.join('; ') || error || `HTTP ${status}`);
  }

  /** The messages that name `field` (the API starts them with the field's path). */
  forField(field: string): string[] {
    return this.messages.filter(
      (m) =>
        m === field ||
        m.startsWith(`${field} `) ||
        m.startsWith(`${field}:`) ||
        m.startsWith(`${field}.`),
    );
  }
}

/** Requests that must not trigger a refresh: they are the sign-in itself. */
const SESSION_PATHS = ['/api/auth/login', '/api/auth/refresh', '/api/auth/logout'];
const isSessionPath = (url: string) => SESSION_PATHS.some((p) => new URL(url).pathname === p);

let refreshing: Promise<boolean> | null = null;

/**
 * Spends the refresh token for new tokens; one at a time, since a refresh token is single-use
 * and a second spend would revoke the session. Answers whether it worked.
 */
function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const s = session.get();
    if (!s?.refreshToken) return false;
    try {
      const res = await fetch('/api/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: s.refreshToken }),
      });
      if (!res.ok) return false;
      session.issued(s.username, (await res.json()) as IssuedTokens);
      return true;
    } catch {
      return false;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** An unsent copy of each request, to send again after a refresh (a body is read once). */
const spare = new WeakMap<Request, Request>();

const auth: Middleware = {
  async onRequest({ request }) {
    // The access token ran out while the page was idle: renew it before asking.
    if (!session.token() && session.get()?.refreshToken && !isSessionPath(request.url)) {
      await refreshSession();
    }
    const token = session.token();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    if (!isSessionPath(request.url)) spare.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status === 503) outage.report();
    else outage.clear();
    if (response.status !== 401 || isSessionPath(request.url)) return response;
    // Revoked or expired early: one silent refresh and one retry, else sign out.
    const copy = spare.get(request);
    if (copy && (await refreshSession())) {
      copy.headers.set('Authorization', `Bearer ${session.token()}`);
      const res = await fetch(copy);
      if (res.status !== 401) return res;
    }
    session.expired();
    return response;
  },
  onError() {
    outage.report();
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

function toApiError(status: number, body: unknown): ApiError {
  const b = (body ?? {}) as { message?: unknown; error?: unknown };
  const messages = Array.isArray(b.message)
    ? b.message.map(String)
    : typeof b.message === 'string'
      ? [b.message]
      : [];
  return new ApiError(status, messages, typeof b.error === 'string' ? b.error : '');
}

/** The answer's data, or an ApiError carrying the API's status and messages. */
export async function call<T>(
  p: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await p;
  if (!response.ok) throw toApiError(response.status, error);
  return data as T;
}

/** A fresh key per user action, so a retried or doubled request has one effect. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
