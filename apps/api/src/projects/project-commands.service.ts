import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Command } from '../../../../libs/approval/src';
import {
  REFUSAL_TYPE,
  type CommandAnswer,
  projectCommandUpdate,
  projectWorkflowId,
} from '../../../../libs/temporal/src';
import type { Principal } from '../auth/principal';
import { unconfirmedUpdate } from '../common/update-deadline';
import { TemporalClient } from '../temporal/temporal.module';

/** The project's workflow has ended (or never ran): it takes no more commands. */
export class ProjectClosedException extends ConflictException {
  constructor() {
    super('the project is closed: it takes no more commands');
  }
}

/** How long a command waits for the workflow to apply it and write the read model. */
const UPDATE_WAIT_MS = 30_000;

/**
 * Sends a command to a project's workflow as an Update and turns its refusals into HTTP:
 * NOT_FOUND → 404, CONFLICT → 409, INVALID → 400, each with the workflow's reason. The Update
 * returns once the read model has the change, so a read right after sees it, and answers what
 * changed (the command's item and the project clock as written). The idempotency
 * key comes checked by the IdempotencyKey decorator.
 */
@Injectable()
export class ProjectCommandsService {
  constructor(private readonly temporal: TemporalClient) {}

  async send(
    projectId: string,
    principal: Principal,
    command: Command,
    idempotencyKey?: string,
    onBehalfOf?: string,
  ): Promise<CommandAnswer> {
    const requestId = idempotencyKey ? `${principal.userId}:${idempotencyKey}` : undefined;
    const handle = this.temporal.workflow.getHandle(projectWorkflowId(projectId));
    const started = Date.now();
    try {
      return await this.temporal.call(
        () =>
          handle.executeUpdate(projectCommandUpdate, {
            args: [
              {
                requestId,
                actor: {
                  username: principal.username,
                  role: principal.role,
                  department: principal.department,
                  organisation: principal.organisation,
                },
                onBehalfOf,
                command,
              },
            ],
            ...(requestId ? { updateId: requestId } : {}),
          }),
        UPDATE_WAIT_MS,
      );
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
        const { type, message } = err.cause;
        if (type === REFUSAL_TYPE.NOT_FOUND) throw new NotFoundException(message);
        if (type === REFUSAL_TYPE.CONFLICT) throw new ConflictException(message);
        if (type === REFUSAL_TYPE.INVALID) throw new BadRequestException(message);
      }
      if (
        err instanceof WorkflowNotFoundError ||
        /already completed|not found/i.test(String((err as Error)?.message))
      ) {
        throw new ProjectClosedException();
      }
      const unconfirmed = unconfirmedUpdate(err, Date.now() - started, UPDATE_WAIT_MS);
      if (unconfirmed) throw unconfirmed;
      if (err instanceof WorkflowUpdateFailedError) {
        throw new ServiceUnavailableException(`the command could not be applied: ${err.message}`);
      }
      throw err;
    }
  }
}
