import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { Express, NextFunction, Request, Response } from 'express';
import { AllExceptionsFilter, clientError } from '../common/all-exceptions.filter';

const API_PATHS = /^\/(api|docs|health|metrics)(\/|$|\?)/;

/**
 * ServeStaticModule's error middleware answers every error on an excluded route (`/api/…`) with
 * 404 "Cannot POST …" — a body the parser refused (413 too large, 400 nested too deep, 415
 * charset, 400 a malformed gzip body) included. This one, registered just before it, hands such errors to the API's own
 * filter, so the caller gets the same answer with or without the web app.
 */
@Injectable()
class ApiErrorsBeforeWebApp implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter.getInstance<Express>();
    const filter = new AllExceptionsFilter();
    app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
      if (!API_PATHS.test(req.originalUrl ?? req.url) || !clientError(err)) return next(err);
      filter.catch(err, new ExecutionContextHost([req, res, next]));
    });
  }
}

@Module({ providers: [ApiErrorsBeforeWebApp] })
class ApiErrorsInnerModule {}

/**
 * Nest runs module init hooks deepest module first; ServeStaticModule sits one level below the
 * WebModule, so the hook above sits two levels below it (this module imports the one with it)
 * and registers its middleware first.
 */
@Module({ imports: [ApiErrorsInnerModule] })
export class ApiErrorsFirstModule {}
