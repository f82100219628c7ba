import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  applyDecorators,
} from '@nestjs/common';
import type { Response } from 'express';
import type { Command } from '../../../../libs/approval/src';
import type { StageCode } from '../../../../libs/domain/src';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { IdempotencyKey } from '../common/idempotency-key';
import { ApiProjectId, ApiStage, ProjectIdPipe, StagePipe } from '../common/route-params';
import {
  AcceptanceDto,
  ExtensionDto,
  JointProcedureDto,
  JointResultDto,
  NoteDto,
  SubmissionDto,
  WithdrawalDto,
} from './dto/commands.dto';
import { CreateProjectDto, ProjectPendingDto } from './dto/create-project.dto';
import { ListProjectsQuery } from './dto/list-query.dto';
import { ProjectPageDto, ProjectReportDto, TimelineDto } from './dto/report.dto';
import { ProjectCommandsService } from './project-commands.service';
import type { Role } from '../../../../libs/persistence/src';
import { ProjectListsService } from './project-lists.service';
import { ProjectsService } from './projects.service';

/**
 * A command on a project: 200 with the project's report as the workflow wrote it. Who may act on
 * the project and its items is the workflow's to decide (ProjectCommandsService).
 */
const ProjectCommand = (path: string, ...roles: Role[]) =>
  applyDecorators(
    ApiProjectId(),
    ApiOkResponse({ type: ProjectReportDto }),
    Roles(...roles),
    Post(path),
    HttpCode(200),
  );

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly lists: ProjectListsService,
    private readonly commands: ProjectCommandsService,
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
    return report;
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

  @ApiStage()
  @ProjectCommand(':id/stages/:stage/submission', 'APPLICANT', 'AGENT')
  submit(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Param('stage', StagePipe) stage: StageCode,
    @Body() body: SubmissionDto,
    @IdempotencyKey() key?: string,
  ) {
    const command: Command = {
      kind: 'SUBMIT_STAGE',
      stage,
      note: body.note,
      materials: body.materials,
    };
    return this.commands.report(user, id, command, key);
  }

  @ApiStage()
  @ProjectCommand(':id/stages/:stage/acceptance', 'WINDOW_OFFICER')
  accept(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Param('stage', StagePipe) stage: StageCode,
    @Body() body: AcceptanceDto,
    @IdempotencyKey() key?: string,
  ) {
    const command: Command = {
      kind: 'ACCEPT_STAGE',
      stage,
      decision: body.decision,
      reason: body.reason,
    };
    return this.commands.report(user, id, command, key);
  }

  /** Answers a supplement request: the item's clock resumes. */
  @ProjectCommand(':id/items/:itemCode/supplement', 'APPLICANT', 'AGENT')
  supplement(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Param('itemCode') itemCode: string,
    @Body() body: SubmissionDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.commands.report(
      user,
      id,
      { kind: 'ANSWER_SUPPLEMENT', itemCode, note: body.note },
      key,
    );
  }

  /** Resubmits a rejected item: a new round on a fresh item clock. */
  @ProjectCommand(':id/items/:itemCode/resubmission', 'APPLICANT', 'AGENT')
  resubmit(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Param('itemCode') itemCode: string,
    @Body() body: NoteDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.commands.report(
      user,
      id,
      { kind: 'RESUBMIT_ITEM', itemCode, note: body.note },
      key,
    );
  }

  /** Delivers what an acceptance with deficiency (容缺受理) left outstanding. */
  @ProjectCommand(':id/items/:itemCode/deficiency-delivery', 'APPLICANT', 'AGENT')
  deliverDeficiency(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Param('itemCode') itemCode: string,
    @Body() body: NoteDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.commands.report(
      user,
      id,
      { kind: 'DELIVER_DEFICIENCY', itemCode, note: body.note },
      key,
    );
  }

  @ProjectCommand(':id/items/:itemCode/withdrawal', 'APPLICANT', 'AGENT')
  withdrawItem(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Param('itemCode') itemCode: string,
    @Body() body: WithdrawalDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.commands.report(
      user,
      id,
      { kind: 'WITHDRAW_ITEM', itemCode, reason: body.reason },
      key,
    );
  }

  /** Withdraws the whole application: the project ends WITHDRAWN (or REJECTED, see the rules). */
  @ProjectCommand(':id/withdrawal', 'APPLICANT', 'AGENT')
  withdraw(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Body() body: WithdrawalDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.commands.report(user, id, { kind: 'WITHDRAW_PROJECT', reason: body.reason }, key);
  }

  /** A department head extends one of the department's items (art. 42: 10 working days in all). */
  @ProjectCommand(':id/items/:itemCode/extension', 'DEPARTMENT_HEAD')
  extend(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Param('itemCode') itemCode: string,
    @Body() body: ExtensionDto,
    @IdempotencyKey() key?: string,
  ) {
    const command: Command = {
      kind: 'GRANT_EXTENSION',
      itemCode,
      days: body.days,
      reason: body.reason,
    };
    return this.commands.report(user, id, command, key);
  }

  /** The window schedules a joint site survey, drawing review or acceptance (clocks stop). */
  @ProjectCommand(':id/joint-procedures', 'WINDOW_OFFICER')
  scheduleJoint(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Body() body: JointProcedureDto,
    @IdempotencyKey() key?: string,
  ) {
    const command: Command = {
      kind: 'SCHEDULE_JOINT_PROCEDURE',
      type: body.type,
      date: body.date,
      itemCodes: body.itemCodes,
    };
    return this.commands.report(user, id, command, key);
  }

  /** A reviewing officer records the department's result of a joint procedure. */
  @ProjectCommand(':id/joint-procedures/:procedureId/result', 'REVIEWING_OFFICER')
  recordJoint(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Param('procedureId') procedureId: string,
    @Body() body: JointResultDto,
    @IdempotencyKey() key?: string,
  ) {
    const command: Command = {
      kind: 'RECORD_JOINT_RESULT',
      procedureId,
      department: user.department!,
      passed: body.passed,
      comment: body.comment,
    };
    return this.commands.report(user, id, command, key);
  }
}
