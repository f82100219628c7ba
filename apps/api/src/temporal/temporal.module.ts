import { Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Client, Connection } from '@temporalio/client';
import { temporalConfig } from '../../../../libs/config/src';
import { tracingClientInterceptors } from '../../../../libs/observability/src/temporal-tracing';
import { temporalConnectionOptions } from '../../../../libs/temporal/src';

/**
 * The API's Temporal client. The connection is lazy, so the API starts (and reports Temporal
 * as down on /health, answering 503 to commands) while the server is unreachable.
 */
@Injectable()
export class TemporalClient extends Client implements OnApplicationShutdown {
  readonly workflowTaskQueue: string;

  constructor(@Inject(temporalConfig.KEY) cfg: ConfigType<typeof temporalConfig>) {
    super({
      connection: Connection.lazy(temporalConnectionOptions(cfg)),
      namespace: cfg.namespace,
      // Tracing on: each start, Update and signal carries the caller's span to the workflow.
      interceptors: tracingClientInterceptors(),
    });
    this.workflowTaskQueue = cfg.taskQueue;
  }

  /**
   * Runs a short Temporal call (start, signal, update admission, query) with a deadline, so an
   * unreachable server becomes a prompt 503 instead of a request that hangs on reconnects.
   */
  call<T>(fn: () => Promise<T>, timeoutMs = 5_000): Promise<T> {
    return this.connection.withDeadline(Date.now() + timeoutMs, fn);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

@Module({ providers: [TemporalClient], exports: [TemporalClient] })
export class TemporalModule {}
