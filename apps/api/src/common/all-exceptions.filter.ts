import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import { dependencyOutage } from './dependency-outage';

/**
 * Every error leaves as `{ statusCode, error, message }` (DESIGN section 6). A dependency that
 * is down is a 503 naming it; anything else unexpected is logged with its stack and is a 500,
 * which is always a bug of ours.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly log = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    let status: number;
    let message: unknown;
    if (exception instanceof HttpException) {
      status = exception.getStatus();
      const body = exception.getResponse();
      if (typeof body === 'object' && body !== null && !('message' in body)) {
        // A structured report such as /health's: it is the answer, keep it whole.
        res.status(status).json(body);
        return;
      }
      message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    } else {
      const outage = dependencyOutage(exception);
      if (outage) {
        status = HttpStatus.SERVICE_UNAVAILABLE;
        message = `${outage === 'postgres' ? 'PostgreSQL' : 'Temporal'} is unavailable; retry later`;
        this.log.warn(`${outage} unavailable: ${(exception as Error).message}`);
      } else {
        status = HttpStatus.INTERNAL_SERVER_ERROR;
        message = 'internal error';
        this.log.error((exception as Error)?.stack ?? String(exception));
      }
    }
    if (status === 503) res.setHeader('Retry-After', '5');
    res
      .status(status)
      .json({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message });
  }
}
