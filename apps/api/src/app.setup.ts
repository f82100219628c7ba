import type { Server } from 'node:http';
import {
  BadRequestException,
  INestApplication,
  Logger,
  PipeTransform,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { json, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import {
  AppConfig,
  AuthConfig,
  appConfig,
  authConfig,
  demoOnNetworkWarning,
  isLoopbackHost,
} from '../../../libs/config/src';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { SafeInputPipe } from './common/safe-input.pipe';
import { setupOpenApi } from './common/openapi';
import { requestLogging } from './common/request-id.middleware';
import { httpMetrics } from '../../../libs/observability/src';
import { MetricsService } from './observability/metrics.service';

/** The largest catalogue document an import takes. */
export const CATALOGUE_BODY_LIMIT = '2mb';

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) =>
      m.startsWith(e.property) ? `${prefix ? `${prefix}.` : ''}${m}` : `${field}: ${m}`,
    );
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * The global pipes, in order: the input's text and depth first (SafeInputPipe), then the DTO's
 * validation with every problem named by its field's path.
 */
export function inputPipes(): PipeTransform[] {
  return [
    new SafeInputPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new BadRequestException(flatten(errors)),
    }),
  ];
}

/** Everything main.ts and the e2e tests share, so tests exercise the served app. */
export function configureApp(app: INestApplication): INestApplication {
  // X-Forwarded-For is believed only from the proxies TRUST_PROXY names (req.ip).
  const { trustProxy } = app.get<AuthConfig>(authConfig.KEY);
  (app as NestExpressApplication).set('trust proxy', trustProxy.length > 0 ? trustProxy : false);
  app.use(requestLogging());
  app.use(httpMetrics(app.get(MetricsService).registry));
  app.use(helmet());
  // The web app's refresh token arrives as an HttpOnly cookie (auth/refresh-cookie.ts).
  app.use(cookieParser());
  // A city's whole catalogue is one document (about 1.3 kB an item with its materials): larger
  // than the 100 kB every other body is held to. Parsed here first, the default parser skips it.
  // (Wrapped: Nest registers no JSON parser of its own once it sees one named `jsonParser`.)
  const catalogueJson = json({ limit: CATALOGUE_BODY_LIMIT });
  app.use(
    '/api/catalogue/versions',
    function catalogueBody(req: Request, res: Response, next: NextFunction) {
      catalogueJson(req, res, next);
    },
  );
  app.setGlobalPrefix('api', { exclude: ['health', 'metrics'] });
  if (app.get<AppConfig>(appConfig.KEY).apiDocs) setupOpenApi(app);
  app.useGlobalPipes(...inputPipes());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  return app;
}

/**
 * Listens where the configuration says. The embedded default listens on 127.0.0.1: its demo
 * accounts (password `demo`, `admin` among them) would make anyone on the network an
 * administrator. HOST opens it deliberately, and then every start says so loudly.
 */
/** How long an idle kept-alive connection stays open (Node's default: 5 s). */
const KEEP_ALIVE_MS = 65_000;

export async function listen(app: INestApplication, cfg: AppConfig): Promise<void> {
  await app.listen(cfg.port, cfg.host);
  // A kept-alive connection the server closes after Node's 5 s of idleness, just as a client
  // sends on it, is a reset that client sees (ECONNRESET, seen once in a browser test's request).
  // Idle connections are kept longer than clients and proxies keep theirs (60 s is the usual
  // load balancer's); Node requires the headers timeout above it.
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  if (cfg.embedded && !isLoopbackHost(cfg.host)) {
    new Logger('api').warn(demoOnNetworkWarning(cfg.host));
  }
}
