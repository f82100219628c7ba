import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { IdempotencyKey } from '../common/idempotency-key';
import { CommitmentCheckDto, DecisionDto, PreReviewCommentDto } from '../projects/dto/commands.dto';
import { DecisionOutcomeDto, TaskPageDto, TasksQuery } from './dto/task.dto';
import { TasksService } from './tasks.service';

/**
 * The reviewing officer's queue: the department's open items, its items in pre-review and its
 * follow-up checks, earliest due first.
 */
@Roles('REVIEWING_OFFICER')
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @ApiOkResponse({ type: TaskPageDto })
  @Get()
  queue(@CurrentUser() user: Principal, @Query() q: TasksQuery) {
    return this.tasks.queue(user, q);
  }

  @ApiOkResponse({ type: DecisionOutcomeDto })
  @Post(':taskId/decision')
  @HttpCode(200)
  decide(
    @CurrentUser() user: Principal,
    @Param('taskId') taskId: string,
    @Body() body: DecisionDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.tasks.decide(user, taskId, body, key);
  }

  /** The follow-up check (核查) of an approval on commitment; a failed check revokes it. */
  @ApiOkResponse({ type: DecisionOutcomeDto })
  @Post(':taskId/check')
  @HttpCode(200)
  check(
    @CurrentUser() user: Principal,
    @Param('taskId') taskId: string,
    @Body() body: CommitmentCheckDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.tasks.check(user, taskId, body, key);
  }

  /** A pre-review comment (预审意见) on an item of the next stage: no decision, no clock. */
  @ApiOkResponse({ type: DecisionOutcomeDto })
  @Post(':taskId/pre-review-comment')
  @HttpCode(200)
  preReviewComment(
    @CurrentUser() user: Principal,
    @Param('taskId') taskId: string,
    @Body() body: PreReviewCommentDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.tasks.preReviewComment(user, taskId, body, key);
  }
}
