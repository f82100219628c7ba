import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { IdempotencyKey } from '../common/idempotency-key';
import { ApiProjectId, ProjectIdPipe } from '../common/route-params';
import { CreateProjectDto, ProjectPendingDto } from './dto/create-project.dto';
import { ListProjectsQuery } from './dto/list-query.dto';
import { ProjectPageDto, ProjectReportDto, TimelineDto } from './dto/report.dto';
import { ProjectListsService } from './project-lists.service';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly lists: ProjectListsService,
  ) {}

  /**
   * 201 with the report of the workflow's first write; the same Idempotency-Key again → 200 with
   * the same project; 202 when the workflow runs but did not answer in time.
   */
  @ApiCreatedResponse({ type: ProjectReportDto, description: 'The new project' })
  @ApiOkResponse({ type: ProjectReportDto, description: 'The project of the same Idempotency-Key' })
  @ApiAcceptedResponse({
    type: ProjectPendingDto,
    description: 'The project exists and its workflow runs, but it has not answered yet',
  })
  @Roles('APPLICANT', 'AGENT', 'ADMIN')
  @Post()
  async create(
    @CurrentUser() user: Principal,
    @Body() body: CreateProjectDto,
    @Res({ passthrough: true }) res: Response,
    @IdempotencyKey() key?: string,
  ) {
    const { outcome, report } = await this.projects.create(user, body, key);
    res.status({ created: 201, existing: 200, pending: 202 }[outcome]);
    return outcome === 'pending' ? report : this.projects.named(report);
  }

  @ApiOkResponse({ type: ProjectPageDto })
  @Get()
  list(@CurrentUser() user: Principal, @Query() q: ListProjectsQuery) {
    return this.lists.list(user, q);
  }

  @ApiProjectId()
  @ApiOkResponse({ type: ProjectReportDto })
  @Get(':id')
  async report(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    // Already JSON (a repeated read is served from the API's cache of the serialized report).
    res.type('application/json');
    return this.projects.reportJson(user, id);
  }

  @ApiProjectId()
  @ApiOkResponse({ type: TimelineDto })
  @Get(':id/timeline')
  timeline(@CurrentUser() user: Principal, @Param('id', ProjectIdPipe) id: string) {
    return this.projects.timeline(user, id);
  }
}
