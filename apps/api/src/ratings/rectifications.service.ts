import {
  ConflictException,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  type RectificationRecord,
  findRectification,
  listRectifications,
} from '../../../../libs/persistence/src';
import {
  RECTIFICATION_CONFLICT,
  rectificationConfirmUpdate,
  rectificationRespondUpdate,
  rectificationWorkflowId,
} from '../../../../libs/temporal/src';
import { type RectificationStatus } from '../../../../libs/approval/src';
import { refusalBody } from '../common/refusal-body';
import type { Principal } from '../auth/principal';
import { unconfirmedUpdate } from '../common/update-deadline';
import { AccessPolicy } from '../projects/access-policy';
import { TemporalClient } from '../temporal/temporal.module';
import type { ConfirmationBodyDto } from './dto/ratings.dto';
import { rectificationView } from './rectification-view';

const UPDATE_WAIT_MS = 30_000;

/**
 * Rectifications of bad ratings: heads see and answer their department's, the supervisor sees
 * all, applicants (and their agents) see and confirm their own. Answers go to the
 * rectification's workflow as Updates, which return once the table has the change.
 */
@Injectable()
export class RectificationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly temporal: TemporalClient,
    private readonly policy: AccessPolicy,
  ) {}

  async list(p: Principal, status?: RectificationStatus) {
    // Every role the route admits has a scope (supervisors: all of them).
    const scope = this.policy.scopeOf(p) ?? { kind: 'all' as const };
    return { items: (await listRectifications(this.ds, scope, status)).map(rectificationView) };
  }

  /** The rectification if the caller may act on it; 404 otherwise (it may not know it exists). */
  private async load(p: Principal, id: string): Promise<RectificationRecord> {
    const x = await findRectification(this.ds, id);
    // The head of the rated department answers it; the applicant's side confirms it.
    const mine =
      !!x &&
      (p.role === 'DEPARTMENT_HEAD'
        ? x.department === p.department
        : (p.role === 'APPLICANT' || p.role === 'AGENT') &&
          (await this.policy.maySee(p, {
            id: x.projectId,
            ownerOrganisation: x.organisation,
            holdsDepartment: () => false,
          })));
    if (!x || !mine) throw new NotFoundException(`rectification ${id} not found`);
    return x;
  }

  async respond(p: Principal, id: string, note: string) {
    await this.load(p, id);
    const by = { username: p.username, role: p.role };
    await this.update(id, () =>
      this.temporal.workflow
        .getHandle(rectificationWorkflowId(id))
        .executeUpdate(rectificationRespondUpdate, { args: [{ note, by }] }),
    );
    return rectificationView((await findRectification(this.ds, id))!);
  }

  async confirm(p: Principal, id: string, body: ConfirmationBodyDto) {
    const x = await this.load(p, id);
    const by = {
      username: p.username,
      role: p.role,
      ...(p.role === 'AGENT' ? { onBehalfOf: x.organisation } : {}),
    };
    await this.update(id, () =>
      this.temporal.workflow
        .getHandle(rectificationWorkflowId(id))
        .executeUpdate(rectificationConfirmUpdate, {
          args: [{ satisfied: body.satisfied, note: body.note, by }],
        }),
    );
    return rectificationView((await findRectification(this.ds, id))!);
  }

  /** Runs an Update; a refusal of the state is a 409 with the workflow's reason. */
  private async update(id: string, fn: () => Promise<unknown>) {
    const started = Date.now();
    try {
      await this.temporal.call(fn, UPDATE_WAIT_MS);
    } catch (err) {
      const unconfirmed = unconfirmedUpdate(
        err,
        Date.now() - started,
        UPDATE_WAIT_MS,
        `rectification ${id} did not confirm the answer`,
        `read it (GET /api/rectifications) before answering again`,
      );
      if (unconfirmed) throw unconfirmed;
      if (
        err instanceof WorkflowUpdateFailedError &&
        err.cause instanceof ApplicationFailure &&
        err.cause.type === RECTIFICATION_CONFLICT
      ) {
        throw new ConflictException(
          refusalBody(err.cause.message, { key: 'RECTIFICATION_CLOSED' }),
        );
      }
      if (
        err instanceof WorkflowNotFoundError ||
        /already completed|not found/i.test(String((err as Error)?.message))
      ) {
        throw new ConflictException(
          refusalBody(`rectification ${id} is closed: it takes no more answers`, {
            key: 'RECTIFICATION_CLOSED',
          }),
        );
      }
      if (err instanceof WorkflowUpdateFailedError) {
        throw new ServiceUnavailableException(`the answer could not be applied: ${err.message}`);
      }
      throw err;
    }
  }
}
