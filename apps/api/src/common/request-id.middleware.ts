import type { RequestHandler } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { rootLogger } from '../../../../libs/observability/src';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** What a caller may send as its own id: short, and safe to echo into headers and logs. */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The caller's `X-Request-Id` when it is acceptable, else a fresh UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && ACCEPTED_ID.test(header) ? header : randomUUID();
}

function isHealthCheck(url: string): boolean {
  return url === '/health' || url.startsWith('/health?') || url.startsWith('/health/');
}

/**
 * A file of the web app served as it should be (`/`, `/assets/…`, a page's deep link): a page
 * load is a dozen of them, so they are logged at debug; the API's own routes and any error stay
 * at info and above.
 */
function isWebFile(url: string, status: number): boolean {
  return status < 400 && !/^\/(api|docs|metrics)(\/|\?|$)/.test(url);
}

const STARTED = Symbol('started');
type Req = IncomingMessage & {
  originalUrl?: string;
  user?: { username?: string };
  [STARTED]?: bigint;
};

/** The access-log line's fields; the user is read at the end (the AuthGuard runs later). */
function accessFields(req: Req, res: ServerResponse) {
  const username = req.user?.username;
  return {
    context: 'http',
    method: req.method,
    path: req.originalUrl ?? req.url,
    status: res.statusCode,
    durationMs: Math.round(Number(process.hrtime.bigint() - (req[STARTED] ?? 0n)) / 1e5) / 10,
    ...(username ? { username } : {}),
    ...(res.writableFinished ? {} : { aborted: true }),
  };
}

/**
 * pino-http, first of all middleware (before helmet and the body parsers): every request gets an
 * id (the caller's, or a new one), answered in `X-Request-Id`; every line logged while serving it
 * carries `requestId` (nestjs-pino binds the request's logger); one access-log line when the
 * response is done or the client went away: method, path, status, duration, user.
 */
export function requestLogging(logger: Logger = rootLogger()): RequestHandler {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    genReqId: (req: Req, res) => {
      req[STARTED] = process.hrtime.bigint();
      const id = requestIdFrom(req.headers['x-request-id']);
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    customLogLevel: (req: Req, res, err) =>
      err || res.statusCode >= 500
        ? 'error'
        : isHealthCheck(req.originalUrl ?? req.url ?? '') ||
            isWebFile(req.originalUrl ?? req.url ?? '', res.statusCode)
          ? 'debug'
          : 'info',
    customSuccessObject: (req: Req, res) => accessFields(req, res),
    customErrorObject: (req: Req, res) => accessFields(req, res),
    customSuccessMessage: (req: Req, res) =>
      `${req.method} ${req.originalUrl ?? req.url} ${res.statusCode}`,
    customErrorMessage: (req: Req, res) =>
      `${req.method} ${req.originalUrl ?? req.url} ${res.statusCode}`,
  });
}
