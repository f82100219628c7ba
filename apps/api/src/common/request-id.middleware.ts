import { Logger, LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { requestContext } from '../../../../libs/logging/src';

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
 * Gives every request an id (the caller's, or a new one), answers it in `X-Request-Id`, runs the
 * rest of the request inside the logging context so every line it logs carries the id, and
 * writes one access-log line when the response is done. Registered with `app.use` before
 * everything else, so it sees the request before helmet and the body parsers.
 */
export function requestIdMiddleware(log: LoggerService = new Logger('http')) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    const started = process.hrtime.bigint();
    const method = req.method;
    const path = req.originalUrl;
    res.setHeader(REQUEST_ID_HEADER, requestId);

    let logged = false;
    const accessLog = (): void => {
      if (logged) return;
      logged = true;
      try {
        const status = res.statusCode;
        // The global AuthGuard sets req.user after this middleware ran: read it now.
        const username = (req as Request & { user?: { username?: string } }).user?.username;
        const line = {
          msg: `${method} ${path} ${status}`,
          method,
          path,
          status,
          durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
          ...(username ? { username } : {}),
          ...(res.writableFinished ? {} : { aborted: true }),
          requestId,
        };
        if (status >= 500) log.error(line);
        else if (isHealthCheck(path)) log.debug?.(line);
        else log.log(line);
      } catch {
        // An access-log line is never worth failing a request for.
      }
    };
    res.once('finish', accessLog);
    // 'close' without 'finish': the client went away before the answer was sent.
    res.once('close', accessLog);
    requestContext.run({ requestId }, next);
  };
}
