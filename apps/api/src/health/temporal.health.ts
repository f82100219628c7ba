import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { TemporalClient } from '../temporal/temporal.module';

@Injectable()
export class TemporalHealthIndicator {
  constructor(
    private readonly client: TemporalClient,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key: string, timeoutMs = 2000) {
    const indicator = this.health.check(key);
    try {
      await this.client.connection.withDeadline(Date.now() + timeoutMs, () =>
        this.client.connection.workflowService.describeNamespace({
          namespace: this.client.options.namespace,
        }),
      );
      return indicator.up({ namespace: this.client.options.namespace });
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    }
  }
}
