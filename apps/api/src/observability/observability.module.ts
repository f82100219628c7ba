import { Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { observabilityConfig } from '../../../../libs/config/src';
import { pinoParams } from '../../../../libs/observability/src';
import { tracing } from '../../../../libs/observability/src';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/**
 * Logs, metrics and traces of the API: nestjs-pino binds each request's logger (pino-http runs
 * first, in app.setup.ts) so every line carries its `requestId`; `/metrics`; at shutdown, the
 * spans still buffered are flushed (tracing.ts started them, when it is on).
 */
@Module({
  imports: [
    ConfigModule.forFeature(observabilityConfig),
    LoggerModule.forRootAsync({ useFactory: pinoParams }),
  ],
  controllers: [MetricsController],
  providers: [MetricsService],
  exports: [MetricsService],
})
export class ObservabilityModule implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await tracing()?.shutdown();
  }
}
