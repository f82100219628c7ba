/**
 * The one HTTP client of the web app: openapi-fetch over the types generated from the API's
 * OpenAPI document (`npm run gen:api`), so every path, body and answer is checked by tsc.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { session } from '../auth/session-store';
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

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 503) outage.report();
    else outage.clear();
    if (response.status === 401 && !request.url.endsWith('/api/auth/login')) session.expired();
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
