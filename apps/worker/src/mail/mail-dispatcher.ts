import type { Logger } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { pendingMail } from '../../../../libs/persistence/src';
import { mailDeliveryWorkflowId } from '../../../../libs/temporal/src';
import { every } from '../periodic';

/** A row this young is being started by the projection's hand-off; the sweep leaves it. */
const SWEEP_AGE_MS = 5_000;
const SWEEP_BATCH = 200;

/**
 * Starts one mail delivery workflow per outbox row: at once when the projection committed new
 * rows, and from a sweep (at start, then every `sweepSeconds`) for rows whose start was lost —
 * a crash between the commit and the start, Temporal down for a moment. The workflow id is the
 * row's, so a second start of a running delivery is refused by Temporal and changes nothing.
 */
export class MailDispatcher {
  private sweeping?: { stop(): Promise<void> };

  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly dataSource: DataSource,
    private readonly log: Logger,
  ) {}

  /** The projection's hand-off; never throws (the sweep retries what fails here). */
  queued(outboxIds: string[]): void {
    for (const id of outboxIds) {
      void this.start(id).catch((err: unknown) =>
        this.log.warn(`mail ${id}: delivery not started (${String(err)}); the sweep retries`),
      );
    }
  }

  startSweeping(sweepSeconds: number): void {
    this.sweeping = every(
      sweepSeconds,
      () => this.sweep(),
      (err) => this.log.warn(`mail sweep failed: ${String(err)}`),
    );
  }

  async stop(): Promise<void> {
    await this.sweeping?.stop();
  }

  private async sweep(): Promise<void> {
    const ids = await pendingMail(this.dataSource, SWEEP_AGE_MS, SWEEP_BATCH);
    for (const id of ids) await this.start(id);
  }

  private async start(outboxId: string): Promise<void> {
    try {
      await this.client.workflow.start('mailDeliveryWorkflow', {
        workflowId: mailDeliveryWorkflowId(outboxId),
        taskQueue: this.taskQueue,
        args: [{ outboxId }],
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return;
      throw err;
    }
  }
}
