import { ApiBearerAuth, ApiPropertyOptional, ApiHeader, ApiTags } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER } from '../common/openapi';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsOptional, IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { ProjectItemRecord } from '../../../../libs/persistence/src';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { DecisionDto } from '../projects/dto/commands.dto';
import { PageQuery } from '../projects/dto/list-query.dto';
import { ProjectCommandsService } from '../projects/project-commands.service';
import { ProjectsService } from '../projects/projects.service';
import { openItemsQuery } from './open-items.query';

export class TasksQuery extends PageQuery {
  /** Only the tasks of this project. */
  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  projectId?: string;
}

/** The reviewing officer's queue: the department's open items, earliest due first. */
@Roles('REVIEWING_OFFICER')
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly projects: ProjectsService,
    private readonly commands: ProjectCommandsService,
  ) {}

  @Get()
  async queue(@CurrentUser() user: Principal, @Query() q: TasksQuery) {
    const qb = openItemsQuery(this.ds).andWhere('i.department = :dept', {
      dept: user.department,
    });
    if (q.projectId) qb.andWhere('i.project_id = :projectId', { projectId: q.projectId });
    const total = await qb.getCount();
    const items = await qb
      .orderBy('i.due_date', 'ASC', 'NULLS LAST')
      .addOrderBy('i.task_id')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getRawMany();
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @Post(':taskId/decision')
  @HttpCode(200)
  async decide(
    @CurrentUser() user: Principal,
    @Param('taskId') taskId: string,
    @Body() body: DecisionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const item = await this.ds.getRepository(ProjectItemRecord).findOneBy({ taskId });
    // An item of another department is as unknown to this officer as one that does not exist.
    if (!item || item.department !== user.department)
      throw new NotFoundException(`task ${taskId} not found`);
    const result = await this.commands.send(
      item.projectId,
      user,
      {
        kind: 'DECIDE',
        itemCode: item.code,
        action: body.action,
        comment: body.comment,
        procedure: body.procedure,
        deficiency: body.deficiency,
      },
      key,
    );
    const report = this.projects.report(
      await this.projects.load({ ...user, role: 'SUPERVISOR' }, item.projectId),
    );
    const itemReport = report.stages
      .flatMap((s) => s.themes)
      .flatMap((t) => t.items as { code: string }[])
      .find((i) => i.code === item.code);
    return {
      taskId,
      projectId: item.projectId,
      result,
      item: itemReport,
      projectClock: report.clock,
    };
  }
}
