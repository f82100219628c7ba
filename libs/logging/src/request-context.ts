import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while serving one request can say about that request. */
export interface RequestContext {
  requestId: string;
}

/**
 * The request being served, carried through every await without passing it around: the API's
 * request-id middleware runs the rest of the request inside `requestContext.run(...)`.
 */
export const requestContext = new AsyncLocalStorage<RequestContext>();

/** The id of the request being served, or undefined outside a request (start-up, timers). */
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
