import './tracing'; // first: when OTEL_EXPORTER_OTLP_ENDPOINT is set, instruments pg before it loads
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { describeStartError } from '../../../libs/config/src';
import { nestLogger } from '../../../libs/observability/src';
import { WorkerModule } from './worker.module';

async function bootstrap() {
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: nestLogger() });
  app.enableShutdownHooks();
  new Logger('worker').log('worker started');
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`worker: ${describeStartError(err)}\n`);
  process.exit(1);
});
