import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  deleteRating,
  findRectification,
  insertRating,
  ratingsOf,
} from '../../../../libs/persistence/src';
import { rectificationWorkflowId } from '../../../../libs/temporal/src';
import { BAD_SCORE_MAX, named, type RectificationInput } from '../../../../libs/approval/src';
import { refusalBody } from '../common/refusal-body';
import type { rectificationWorkflow } from '../../../../workflows';
import type { Principal } from '../auth/principal';
import { CalendarService } from '../calendar/calendar.service';
import { ProjectsService } from '../projects/projects.service';
import { TemporalClient } from '../temporal/temporal.module';
import type { RatingBodyDto, RatingOutcomeDto } from './dto/ratings.dto';
import { ratingView, rectificationView } from './rectification-view';

/** 非常不满意: a rating this low says what went wrong. */
const LOWEST_SCORE = 1;
const DECIDED = new Set(['APPROVED', 'REJECTED']);

/**
 * Ratings (好差评) of decided items, once per item round, stored by the API (a project may have
 * closed when its last item is rated). A score of 1 or 2 starts the rating's rectification
 * workflow, whose id is the rating's: a retried start finds the same workflow.
 */
@Injectable()
export class RatingsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly projects: ProjectsService,
    private readonly calendar: CalendarService,
    private readonly temporal: TemporalClient,
  ) {}

  async list(p: Principal, projectId: string) {
    await this.projects.load(p, projectId);
    return { items: (await ratingsOf(this.ds, projectId)).map(ratingView) };
  }

  async rate(
    p: Principal,
    projectId: string,
    itemCode: string,
    body: RatingBodyDto,
  ): Promise<RatingOutcomeDto> {
    // The lowest score opens a rectification: the head must know what to put right.
    if (body.score === LOWEST_SCORE && !body.comment?.trim()) {
      throw new BadRequestException([
        'comment is required when the score is 1 (非常不满意): say what went wrong',
      ]);
    }
    const row = await this.projects.load(p, projectId);
    const onBehalfOf = p.role === 'AGENT' ? row.ownerOrganisation : undefined;
    const item = row.state.items.find((i) => i.code === itemCode);
    if (!item) throw new NotFoundException(`item ${itemCode} not found`);
    if (!DECIDED.has(item.status)) {
      throw new ConflictException(
        refusalBody(
          `item ${itemCode} is ${item.status}: only a decided item (APPROVED or REJECTED) can be rated`,
          { key: 'NOT_RATEABLE', params: { item: named(item), status: item.status } },
        ),
      );
    }
    const id = randomUUID();
    const ratedOn = this.calendar.today();
    const comment = body.comment?.trim() ? body.comment : null;
    const stored = await insertRating(this.ds, {
      id,
      projectId,
      itemCode,
      round: item.round,
      department: item.department,
      score: body.score,
      comment,
      ratedBy: p.username,
      onBehalfOf: onBehalfOf ?? null,
      ratedOn,
    });
    if (!stored) {
      throw new ConflictException(
        refusalBody(`item ${itemCode} (round ${item.round}) was rated already`, {
          key: 'RATED_ALREADY',
          params: { item: named(item) },
        }),
      );
    }
    let rectification = null;
    if (body.score <= BAD_SCORE_MAX) {
      const input: RectificationInput = {
        id,
        projectId,
        projectName: row.state.name,
        itemCode,
        itemName: item.name,
        department: item.department,
        organisation: row.ownerOrganisation,
        score: body.score,
        comment,
        openedOn: ratedOn,
        calendar: this.calendar.snapshot,
      };
      try {
        await this.temporal.call(() =>
          this.temporal.workflow.start<typeof rectificationWorkflow>('rectificationWorkflow', {
            workflowId: rectificationWorkflowId(id),
            taskQueue: this.temporal.workflowTaskQueue,
            args: [input],
            workflowIdConflictPolicy: 'USE_EXISTING',
          }),
        );
      } catch (err) {
        // No workflow, no rectification: the rating goes too, so the applicant can rate again.
        await deleteRating(this.ds, id);
        throw err;
      }
      const x = await this.firstWrite(id);
      rectification = x ? rectificationView(x) : null;
    }
    const rating = (await ratingsOf(this.ds, projectId)).find((r) => r.id === id)!;
    return { rating: ratingView(rating), rectification };
  }

  /** The rectification once its workflow wrote it (within milliseconds), or null after 5 s. */
  private async firstWrite(id: string) {
    const deadline = Date.now() + 5_000;
    for (let delay = 10; ; delay = Math.min(delay * 2, 250)) {
      const x = await findRectification(this.ds, id);
      if (x || Date.now() > deadline) return x;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
