import './tracing'; // first: when OTEL_EXPORTER_OTLP_ENDPOINT is set, instruments http and pg before they load
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseAppConfig } from '../../../libs/config/src';
import { describeStartError } from '../../../libs/config/src';
import { nestLogger } from '../../../libs/observability/src';
import { AppModule } from './app.module';
import { configureApp, listen } from './app.setup';

async function bootstrap() {
  const cfg = parseAppConfig(process.env);
  // Given at creation rather than by useLogger after a buffer: the logger needs nothing from DI,
  // and a module that fails to initialise is then reported in the same format.
  const app = configureApp(await NestFactory.create(AppModule, { logger: nestLogger() }));
  await listen(app, cfg);
  new Logger('api').log(`API listening on ${await app.getUrl()}`);
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`api: ${describeStartError(err)}\n`);
  process.exit(1);
});
