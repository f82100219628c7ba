import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { dependencyOutage } from './dependency-outage';
import { REQUEST_ID_HEADER } from './request-id.middleware';

/**
 * Every error leaves as `{ statusCode, error, message }` (docs/design.md §6). A dependency that
 * is down is a 503 naming it; anything else unexpected is logged with its stack and is a 500,
 * which is always a bug of ours. Both are logged with the request id the caller got in
 * `X-Request-Id`, so a report quoting it finds the line; the body stays the contract.
 */
/** An http-errors 4xx (what body-parser throws): exposed to the client by design. */
export function clientError(e: unknown): { status: number; message: string } | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const { status, statusCode, expose, message } = e as Record<string, unknown>;
  const code = typeof status === 'number' ? status : statusCode;
  if (typeof code !== 'number' || code < 400 || code > 499 || expose !== true) return undefined;
  return { status: code, message: typeof message === 'string' ? message : 'bad request' };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly log = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    if (res.headersSent) return;
    let status: number;
    let message: unknown;
    let reason: unknown;
    if (exception instanceof HttpException) {
      status = exception.getStatus();
      const body = exception.getResponse();
      if (typeof body === 'object' && body !== null && !('message' in body)) {
        // A structured report such as /health's: it is the answer, keep it whole.
        res.status(status).json(body);
        return;
      }
      message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      // A refusal's stable key and what it names (common/refusal-body.ts), when it has one.
      if (typeof body === 'object') reason = (body as { reason?: unknown }).reason;
    } else if (clientError(exception)) {
      // Express's body parser refuses a body before Nest sees it (too large, unknown charset or
      // encoding, malformed, nested too deep): its own 4xx, with its own message.
      status = clientError(exception)!.status;
      message = clientError(exception)!.message;
    } else {
      const outage = dependencyOutage(exception);
      if (outage) {
        status = HttpStatus.SERVICE_UNAVAILABLE;
        message = `${outage === 'postgres' ? 'PostgreSQL' : 'Temporal'} is unavailable; retry later`;
        this.log.warn({
          msg: `${outage} unavailable: ${(exception as Error).message}`,
          ...this.where(http.getRequest<Request>(), res),
        });
      } else {
        status = HttpStatus.INTERNAL_SERVER_ERROR;
        message = 'internal error';
        // `err`: pino's serializer writes its type, message and stack.
        this.log.error({
          msg: `unexpected error: ${exception instanceof Error ? exception.message : String(exception)}`,
          err: exception,
          ...this.where(http.getRequest<Request>(), res),
        });
      }
    }
    if (status === 503) res.setHeader('Retry-After', '5');
    res.status(status).json({
      statusCode: status,
      error: STATUS_CODES[status] ?? 'Error',
      message,
      ...(reason !== undefined ? { reason } : {}),
    });
  }

  /** The request a log line is about; the id is the one the response header carries. */
  private where(req: Request | undefined, res: Response) {
    const header = res.getHeader(REQUEST_ID_HEADER);
    return {
      method: req?.method,
      path: req?.originalUrl,
      requestId: typeof header === 'string' ? header : undefined,
    };
  }
}
