import { Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Client, Connection } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import { temporalConfig, temporalConnectionOptions } from '../../../../libs/config/src';
import { projectWorkflowId } from '../../../../libs/temporal/src';
import { tracingClientInterceptors } from '../../../../libs/observability/src';

/**
 * The API's Temporal client. The connection is lazy, so the API starts (and reports Temporal
 * as down on /health, answering 503 to commands) while the server is unreachable.
 */
@Injectable()
export class TemporalClient extends Client implements OnApplicationShutdown {
  readonly workflowTaskQueue: string;
  private readonly log = new Logger('Temporal');

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

  /**
   * Sends a signal to each project's workflow, 16 at a time; answers how many took it and the
   * ids of those that did not (logged), with progress every 500.
   */
  async signalProjects<Args extends unknown[]>(
    ids: string[],
    signal: SignalDefinition<Args>,
    args: Args,
  ): Promise<{ running: number; signalled: number; failed: string[] }> {
    let signalled = 0;
    const failed: string[] = [];
    let next = 0;
    const one = async () => {
      while (next < ids.length) {
        const id = ids[next++];
        try {
          await this.call(() =>
            this.workflow.getHandle(projectWorkflowId(id)).signal(signal, ...args),
          );
          signalled++;
        } catch (err) {
          failed.push(id);
          this.log.warn(`${signal.name} to project ${id} failed: ${(err as Error).message}`);
        }
        if ((signalled + failed.length) % 500 === 0) {
          this.log.log(`${signal.name}: ${signalled + failed.length}/${ids.length}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(16, ids.length) }, one));
    return { running: ids.length, signalled, failed };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

@Module({ providers: [TemporalClient], exports: [TemporalClient] })
export class TemporalModule {}
