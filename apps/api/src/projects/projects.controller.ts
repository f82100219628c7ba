import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import type { StageCode } from '../../../../libs/domain/src';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { AcceptanceDto, SubmissionDto } from './dto/commands.dto';
import { CreateProjectDto } from './dto/create-project.dto';
import { ListProjectsQuery } from './dto/list-query.dto';
import { ProjectCommandsService } from './project-commands.service';
import { ProjectsService } from './projects.service';

const STAGES = ['PLAN', 'START_PERMIT', 'COMPLETION'];

function stageParam(stage: string): StageCode {
  if (!STAGES.includes(stage)) {
    throw new BadRequestException(`stage must be one of ${STAGES.join(', ')}`);
  }
  return stage as StageCode;
}

@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly commands: ProjectCommandsService,
  ) {}

  /** 201 with the report; the same Idempotency-Key again → 200 with the same project. */
  @Roles('APPLICANT', 'ADMIN')
  @Post()
  async create(
    @CurrentUser() user: Principal,
    @Body() body: CreateProjectDto,
    @Res({ passthrough: true }) res: Response,
    @Headers('idempotency-key') key?: string,
  ) {
    const { created, report } = await this.projects.create(user, body, key);
    res.status(created ? 201 : 200);
    return report;
  }

  @Get()
  list(@CurrentUser() user: Principal, @Query() q: ListProjectsQuery) {
    return this.projects.list(user, q);
  }

  @Get(':id')
  async report(@CurrentUser() user: Principal, @Param('id') id: string) {
    return this.projects.report(await this.projects.load(user, id));
  }

  @Get(':id/timeline')
  timeline(@CurrentUser() user: Principal, @Param('id') id: string) {
    return this.projects.timeline(user, id);
  }

  @Roles('APPLICANT')
  @Post(':id/stages/:stage/submission')
  @HttpCode(200)
  async submit(
    @CurrentUser() user: Principal,
    @Param('id') id: string,
    @Param('stage') stage: string,
    @Body() body: SubmissionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    await this.projects.load(user, id);
    await this.commands.send(
      id,
      user,
      {
        kind: 'SUBMIT_STAGE',
        stage: stageParam(stage),
        note: body.note,
        materials: body.materials,
      },
      key,
    );
    return this.projects.report(await this.projects.load(user, id));
  }

  @Roles('WINDOW_OFFICER')
  @Post(':id/stages/:stage/acceptance')
  @HttpCode(200)
  async accept(
    @CurrentUser() user: Principal,
    @Param('id') id: string,
    @Param('stage') stage: string,
    @Body() body: AcceptanceDto,
    @Headers('idempotency-key') key?: string,
  ) {
    await this.projects.load(user, id);
    await this.commands.send(
      id,
      user,
      {
        kind: 'ACCEPT_STAGE',
        stage: stageParam(stage),
        decision: body.decision,
        reason: body.reason,
      },
      key,
    );
    return this.projects.report(await this.projects.load(user, id));
  }

  @Roles('APPLICANT')
  @Post(':id/items/:itemCode/supplement')
  @HttpCode(200)
  async supplement(
    @CurrentUser() user: Principal,
    @Param('id') id: string,
    @Param('itemCode') itemCode: string,
    @Body() body: SubmissionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    await this.projects.load(user, id);
    await this.commands.send(
      id,
      user,
      { kind: 'ANSWER_SUPPLEMENT', itemCode, note: body.note },
      key,
    );
    return this.projects.report(await this.projects.load(user, id));
  }
}
