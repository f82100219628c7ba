import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { describeStartError } from '../../../libs/config/src';
import { JsonLogger, parseLoggingConfig } from '../../../libs/logging/src';
import { WorkerModule } from './worker.module';

async function bootstrap() {
  const logger = new JsonLogger(parseLoggingConfig(process.env));
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger });
  app.enableShutdownHooks();
  new Logger('worker').log('worker started');
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`worker: ${describeStartError(err)}\n`);
  process.exit(1);
});
