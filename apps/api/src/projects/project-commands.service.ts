import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { buildReport, type Command, type ProjectReport } from '../../../../libs/approval/src';
import { findProject } from '../../../../libs/persistence/src';
import {
  REFUSAL_TYPE,
  type CommandAnswer,
  projectCommandUpdate,
  projectWorkflowId,
} from '../../../../libs/temporal/src';
import type { Principal } from '../auth/principal';
import { CalendarService } from '../calendar/calendar.service';
import { refusalBody } from '../common/refusal-body';
import { unconfirmedUpdate } from '../common/update-deadline';
import { TemporalClient } from '../temporal/temporal.module';
import { AccessPolicy } from './access-policy';
import { namedReport } from './named-report';
import type { CommandTarget } from './command-target';

/** How long a command waits for the workflow to apply it and write the read model. */
const UPDATE_WAIT_MS = 30_000;

export interface CommandOptions {
  /** Checked by the IdempotencyKey decorator; the same key again has one effect. */
  key?: string;
  /** `report`: the answer carries the whole project report as the write left it. */
  answer?: 'report';
}

/**
 * The one path of every command on a project, the applicant's and the staff's: it sends the
 * command to the project's workflow as an Update and answers from what the Update returns — the
 * workflow has written the read model by then, and answers what changed (the command's item, the
 * project clock, the report when asked) — so nothing is read before or after. Who may act on
 * the project and its items is the workflow's to decide (libs/approval `authorizeActor`); the
 * only thing looked up here is the organisation an agent acts for. Refusals become HTTP:
 * NOT_FOUND → 404, CONFLICT → 409, INVALID → 400, each with the workflow's reason; a project
 * whose workflow has ended → 409 (404 to one who may not see it).
 */
@Injectable()
export class ProjectCommandsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly temporal: TemporalClient,
    private readonly policy: AccessPolicy,
    private readonly calendar: CalendarService,
  ) {}

  /** A command answered with the project's report (the project routes). */
  async report(t: CommandTarget, command: Command) {
    const { user, projectId, key } = t;
    const answer = await this.run(user, projectId, command, { key, answer: 'report' });
    const report: ProjectReport = answer.changed?.report ?? (await this.readReport(projectId));
    // As a read shows it: a page that takes the answer for the report keeps the master data,
    // the key flag and the specialist.
    return namedReport(this.ds, report);
  }

  async run(
    user: Principal,
    projectId: string,
    command: Command,
    { key, answer }: CommandOptions = {},
  ): Promise<CommandAnswer> {
    const hidden = () => new NotFoundException(`project ${projectId} not found`);
    let onBehalfOf: string | undefined;
    if (user.role === 'AGENT') {
      onBehalfOf = await this.policy.actsFor(user, projectId);
      if (!onBehalfOf) throw hidden();
    }
    const requestId = key ? `${user.userId}:${key}` : undefined;
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
                  username: user.username,
                  role: user.role,
                  department: user.department,
                  organisation: user.organisation,
                },
                onBehalfOf,
                command,
                ...(answer ? { answer } : {}),
              },
            ],
            ...(requestId ? { updateId: requestId } : {}),
          }),
        UPDATE_WAIT_MS,
      );
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
        const { type, message, details } = err.cause;
        const body = refusalBody(message, details?.[0]);
        if (type === REFUSAL_TYPE.NOT_FOUND) throw new NotFoundException(body);
        if (type === REFUSAL_TYPE.CONFLICT) throw new ConflictException(body);
        if (type === REFUSAL_TYPE.INVALID) throw new BadRequestException(body);
      }
      if (
        err instanceof WorkflowNotFoundError ||
        /already completed|not found/i.test(String((err as Error)?.message))
      ) {
        // No running workflow: a closed project one may see is a 409, anything else a 404 (as
        // the workflow would: a department's staff see only the department's items).
        const row = await findProject(this.ds, projectId);
        const itemCode = 'itemCode' in command ? command.itemCode : undefined;
        const seen =
          row &&
          (await this.policy.maySee(user, {
            id: row.id,
            ownerOrganisation: row.ownerOrganisation,
            holdsDepartment: (d) =>
              row.state.items.some(
                (i) => i.department === d && (itemCode === undefined || i.code === itemCode),
              ),
          }));
        if (!seen) throw hidden();
        throw new ConflictException(
          refusalBody('the project is closed: it takes no more commands', {
            key: 'PROJECT_NOT_OPEN',
            params: { status: row.status },
          }),
        );
      }
      const unconfirmed = unconfirmedUpdate(err, Date.now() - started, UPDATE_WAIT_MS);
      if (unconfirmed) throw unconfirmed;
      if (err instanceof WorkflowUpdateFailedError) {
        throw new ServiceUnavailableException(`the command could not be applied: ${err.message}`);
      }
      throw err;
    }
  }

  /**
   * A run on workflow code older than the report answer (a rolling deploy, the versioning test)
   * answers without it, once its write committed: the report is read from that write.
   */
  private async readReport(projectId: string): Promise<ProjectReport> {
    const row = await findProject(this.ds, projectId);
    if (!row) throw new NotFoundException(`project ${projectId} not found`);
    return buildReport(row.state, this.calendar.current, this.calendar.today());
  }
}
