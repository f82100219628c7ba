import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
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
import { CreateProjectDto } from './dto/create-project.dto';
import { ListProjectsQuery } from './dto/list-query.dto';
import { ProjectPageDto, ProjectReportDto, TimelineDto } from './dto/report.dto';
import { ProjectCommandsService } from './project-commands.service';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly commands: ProjectCommandsService,
  ) {}

  /** 201 with the report; the same Idempotency-Key again → 200 with the same project. */
  @ApiCreatedResponse({ type: ProjectReportDto, description: 'The new project' })
  @ApiOkResponse({ type: ProjectReportDto, description: 'The project of the same Idempotency-Key' })
  @Roles('APPLICANT', 'AGENT', 'ADMIN')
  @Post()
  async create(
    @CurrentUser() user: Principal,
    @Body() body: CreateProjectDto,
    @Res({ passthrough: true }) res: Response,
    @IdempotencyKey() key?: string,
  ) {
    const { created, report } = await this.projects.create(user, body, key);
    res.status(created ? 201 : 200);
    return report;
  }

  @ApiOkResponse({ type: ProjectPageDto })
  @Get()
  list(@CurrentUser() user: Principal, @Query() q: ListProjectsQuery) {
    return this.projects.list(user, q);
  }

  @ApiProjectId()
  @ApiOkResponse({ type: ProjectReportDto })
  @Get(':id')
  async report(@CurrentUser() user: Principal, @Param('id', ProjectIdPipe) id: string) {
    return this.projects.report(await this.projects.load(user, id));
  }

  @ApiProjectId()
  @ApiOkResponse({ type: TimelineDto })
  @Get(':id/timeline')
  timeline(@CurrentUser() user: Principal, @Param('id', ProjectIdPipe) id: string) {
    return this.projects.timeline(user, id);
  }

  /** A command by the applicant or its agent (recorded as "agent X for organisation Y"). */
  private async asApplicant(user: Principal, id: string, command: Command, key?: string) {
    const { onBehalfOf } = await this.projects.loadAsApplicant(user, id);
    await this.commands.send(id, user, command, key, onBehalfOf);
    return this.projects.report(await this.projects.load(user, id));
  }

  /** A command by staff (window officer, department head, reviewing officer). */
  private async asStaff(user: Principal, id: string, command: Command, key?: string) {
    await this.projects.load(user, id);
    await this.commands.send(id, user, command, key);
    return this.projects.report(await this.projects.load(user, id));
  }

  @ApiProjectId()
  @ApiOkResponse({ type: ProjectReportDto })
  @Roles('APPLICANT', 'AGENT')
  @ApiStage()
  @Post(':id/stages/:stage/submission')
  @HttpCode(200)
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
    return this.asApplicant(user, id, command, key);
  }

  @ApiProjectId()
  @ApiOkResponse({ type: ProjectReportDto })
  @Roles('WINDOW_OFFICER')
  @ApiStage()
  @Post(':id/stages/:stage/acceptance')
  @HttpCode(200)
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
    return this.asStaff(user, id, command, key);
  }

  /** Answers a supplement request: the item's clock resumes. */
  @ApiProjectId()
  @ApiOkResponse({ type: ProjectReportDto })
  @Roles('APPLICANT', 'AGENT')
  @Post(':id/items/:itemCode/supplement')
  @HttpCode(200)
  supplement(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Param('itemCode') itemCode: string,
    @Body() body: SubmissionDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.asApplicant(
      user,
      id,
      { kind: 'ANSWER_SUPPLEMENT', itemCode, note: body.note },
      key,
    );
  }

  /** Resubmits a rejected item: a new round on a fresh item clock. */
  @ApiProjectId()
  @ApiOkResponse({ type: ProjectReportDto })
  @Roles('APPLICANT', 'AGENT')
  @Post(':id/items/:itemCode/resubmission')
  @HttpCode(200)
  resubmit(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Param('itemCode') itemCode: string,
    @Body() body: NoteDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.asApplicant(user, id, { kind: 'RESUBMIT_ITEM', itemCode, note: body.note }, key);
  }

  /** Delivers what an acceptance with deficiency (容缺受理) left outstanding. */
  @ApiProjectId()
  @ApiOkResponse({ type: ProjectReportDto })
  @Roles('APPLICANT', 'AGENT')
  @Post(':id/items/:itemCode/deficiency-delivery')
  @HttpCode(200)
  deliverDeficiency(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Param('itemCode') itemCode: string,
    @Body() body: NoteDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.asApplicant(
      user,
      id,
      { kind: 'DELIVER_DEFICIENCY', itemCode, note: body.note },
      key,
    );
  }

  @ApiProjectId()
  @ApiOkResponse({ type: ProjectReportDto })
  @Roles('APPLICANT', 'AGENT')
  @Post(':id/items/:itemCode/withdrawal')
  @HttpCode(200)
  withdrawItem(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Param('itemCode') itemCode: string,
    @Body() body: WithdrawalDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.asApplicant(
      user,
      id,
      { kind: 'WITHDRAW_ITEM', itemCode, reason: body.reason },
      key,
    );
  }

  /** Withdraws the whole application: the project ends WITHDRAWN (or REJECTED, see the rules). */
  @ApiProjectId()
  @ApiOkResponse({ type: ProjectReportDto })
  @Roles('APPLICANT', 'AGENT')
  @Post(':id/withdrawal')
  @HttpCode(200)
  withdraw(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Body() body: WithdrawalDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.asApplicant(user, id, { kind: 'WITHDRAW_PROJECT', reason: body.reason }, key);
  }

  /** A department head extends one of the department's items (art. 42: 10 working days in all). */
  @ApiProjectId()
  @ApiOkResponse({ type: ProjectReportDto })
  @Roles('DEPARTMENT_HEAD')
  @Post(':id/items/:itemCode/extension')
  @HttpCode(200)
  async extend(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
    @Param('itemCode') itemCode: string,
    @Body() body: ExtensionDto,
    @IdempotencyKey() key?: string,
  ) {
    await this.projects.loadDepartmentItem(user, id, itemCode);
    const command: Command = {
      kind: 'GRANT_EXTENSION',
      itemCode,
      days: body.days,
      reason: body.reason,
    };
    return this.asStaff(user, id, command, key);
  }

  /** The window schedules a joint site survey, drawing review or acceptance (clocks stop). */
  @ApiProjectId()
  @ApiOkResponse({ type: ProjectReportDto })
  @Roles('WINDOW_OFFICER')
  @Post(':id/joint-procedures')
  @HttpCode(200)
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
    return this.asStaff(user, id, command, key);
  }

  /** A reviewing officer records the department's result of a joint procedure. */
  @ApiProjectId()
  @ApiOkResponse({ type: ProjectReportDto })
  @Roles('REVIEWING_OFFICER')
  @Post(':id/joint-procedures/:procedureId/result')
  @HttpCode(200)
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
    return this.asStaff(user, id, command, key);
  }
}
