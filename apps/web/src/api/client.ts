/**
 * The one HTTP client of the web app: openapi-fetch over the types generated from the API's
 * OpenAPI document (`npm run gen:api`), so every path, body and answer is checked by tsc.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { REFRESH_COOKIE_HEADER } from '../../../../libs/client/src/core';
import { type IssuedTokens, session } from '../auth/session-store';
import { outage } from './outage';
import type { Reason } from '../components/refusals';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly messages: string[],
    readonly error: string,
    /** Why the state refused it: a stable key and what it names (components/refusals). */
    readonly reason?: Reason,
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

/** The Web Lock every tab of this browser takes to refresh the session (one tab at a time). */
const REFRESH_LOCK = 'pa.session-refresh';

/** Runs `fn` holding the tabs' lock, where the browser has Web Locks (secure contexts). */
function oneTabAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? (locks.request(REFRESH_LOCK, fn) as Promise<T>) : fn();
}

let refreshing: Promise<boolean> | null = null;

/**
 * Renews the access token that expired or was refused (`stale`), once for all tabs: a tab
 * takes the lock, and if another tab renewed it meanwhile (localStorage has a newer one) it takes
 * that; else it spends the refresh cookie, and the others take its result. Answers whether a
 * usable token is there now. (Should two refreshes still race, the API answers both alike within
 * its grace.)
 */
function refreshSession(stale: string | null): Promise<boolean> {
  refreshing ??= oneTabAtATime(async () => {
    const now = session.reload();
    if (!now) return false;
    if (now.token !== stale && now.expiresAt > Date.now() + 5_000) return true;
    if (!session.canRefresh()) return false;
    const res = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [REFRESH_COOKIE_HEADER]: '1' },
      body: '{}',
      credentials: 'same-origin',
    });
    if (!res.ok) return false;
    session.issued(now.username, (await res.json()) as IssuedTokens);
    return true;
  })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** An unsent copy of each request, to send again after a refresh (a body is read once). */
const spare = new WeakMap<Request, Request>();

const bearer = (r: Request) => r.headers.get('Authorization')?.replace(/^Bearer /, '') ?? null;

const auth: Middleware = {
  async onRequest({ request }) {
    if (isSessionPath(request.url)) {
      // Sign-in, refresh and sign-out: the refresh token travels in the HttpOnly cookie.
      request.headers.set(REFRESH_COOKIE_HEADER, '1');
      return request;
    }
    // The access token ran out while the page was idle: renew it before asking.
    if (!session.token() && session.canRefresh()) {
      await refreshSession(session.get()?.token ?? null);
    }
    const token = session.token();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    spare.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status === 503) outage.report();
    else outage.clear();
    if (response.status !== 401 || isSessionPath(request.url)) return response;
    // Revoked or expired early: one silent refresh and one retry, else sign out.
    const copy = spare.get(request);
    if (copy && (await refreshSession(bearer(request)))) {
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
  const b = (body ?? {}) as { message?: unknown; error?: unknown; reason?: unknown };
  const messages = Array.isArray(b.message)
    ? b.message.map(String)
    : typeof b.message === 'string'
      ? [b.message]
      : [];
  const reason =
    typeof b.reason === 'object' &&
    b.reason !== null &&
    typeof (b.reason as Reason).key === 'string'
      ? (b.reason as Reason)
      : undefined;
  return new ApiError(status, messages, typeof b.error === 'string' ? b.error : '', reason);
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
