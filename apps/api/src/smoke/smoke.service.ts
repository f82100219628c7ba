import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SmokeRecord } from '../../../../libs/persistence/src';
import { SmokeWorkflowResult, smokeWorkflowId } from '../../../../libs/temporal/src';
import type { smokeWorkflow } from '../../../../workflows';
import { TemporalClient } from '../temporal/temporal.module';

@Injectable()
export class SmokeService {
  constructor(
    private readonly temporal: TemporalClient,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Same idempotency key → same workflow, so a retried request never starts a second one. */
  async run(message: string, idempotencyKey?: string): Promise<SmokeWorkflowResult> {
    const handle = await this.temporal.call(() =>
      this.temporal.workflow.start<typeof smokeWorkflow>('smokeWorkflow', {
        workflowId: smokeWorkflowId(idempotencyKey ?? randomUUID()),
        taskQueue: this.temporal.workflowTaskQueue,
        args: [{ message }],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowExecutionTimeout: '5 minutes',
      }),
    );
    return handle.result();
  }

  async get(workflowId: string): Promise<SmokeRecord> {
    const row = await this.dataSource.getRepository(SmokeRecord).findOneBy({ workflowId });
    if (!row) throw new NotFoundException(`no smoke record for workflow ${workflowId}`);
    return row;
  }
}
