import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { IdempotencyKey } from '../common/idempotency-key';
import { DecisionDto } from '../projects/dto/commands.dto';
import { DecisionOutcomeDto, TaskPageDto, TasksQuery } from './dto/task.dto';
import { TasksService } from './tasks.service';

/** The reviewing officer's queue: the department's open items, earliest due first. */
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
}
