import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Body, Controller, HttpCode, Param, Post, applyDecorators } from '@nestjs/common';
import type { StageCode } from '../../../../libs/domain/src';
import type { Role } from '../../../../libs/persistence/src';
import { Roles } from '../auth/decorators';
import { ApiProjectId, ApiStage, StagePipe } from '../common/route-params';
import { Target, type CommandTarget } from './command-target';
import {
  AcceptanceDto,
  ExtensionDto,
  JointProcedureDto,
  JointResultDto,
  NoteDto,
  SubmissionDto,
  WithdrawalDto,
} from './dto/commands.dto';
import { ProjectReportDto } from './dto/report.dto';
import { ProjectCommandsService } from './project-commands.service';

/**
 * A command on a project: 200 with the project's report as the workflow wrote it. Who may act on
 * the project and its items is the workflow's to decide (ProjectCommandsService); the roles
 * here are which may send the command at all.
 */
const ProjectCommand = (path: string, ...roles: Role[]) =>
  applyDecorators(
    ApiProjectId(),
    ...(path.includes(':itemCode') ? [ApiParam({ name: 'itemCode', type: String })] : []),
    ApiOkResponse({ type: ProjectReportDto }),
    Roles(...roles),
    Post(path),
    HttpCode(200),
  );

const APPLICANT_SIDE: Role[] = ['APPLICANT', 'AGENT'];

/** The commands of the applicant's side (or its agent, recorded as "agent X for Y") and staff. */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectCommandsController {
  constructor(private readonly commands: ProjectCommandsService) {}

  @ApiStage()
  @ProjectCommand(':id/stages/:stage/submission', ...APPLICANT_SIDE)
  submit(
    @Target() t: CommandTarget,
    @Param('stage', StagePipe) stage: StageCode,
    @Body() body: SubmissionDto,
  ) {
    const { note, materials, theme } = body;
    return this.commands.report(t, {
      kind: 'SUBMIT_STAGE',
      stage,
      note,
      materials,
      ...(theme !== undefined ? { theme } : {}),
    });
  }

  /**
   * 预审: the next stage's materials while the current one is in review; its departments
   * comment (no clock), and it is handed in at once when the current stage completes.
   */
  @ApiStage()
  @ProjectCommand(':id/stages/:stage/pre-review', ...APPLICANT_SIDE)
  preReview(
    @Target() t: CommandTarget,
    @Param('stage', StagePipe) stage: StageCode,
    @Body() body: NoteDto,
  ) {
    return this.commands.report(t, { kind: 'PRE_REVIEW_STAGE', stage, note: body.note });
  }

  @ApiStage()
  @ProjectCommand(':id/stages/:stage/acceptance', 'WINDOW_OFFICER')
  accept(
    @Target() t: CommandTarget,
    @Param('stage', StagePipe) stage: StageCode,
    @Body() body: AcceptanceDto,
  ) {
    const { decision, reason, materials, deficiencies, theme } = body;
    return this.commands.report(t, {
      kind: 'ACCEPT_STAGE',
      stage,
      decision,
      reason,
      ...(theme !== undefined ? { theme } : {}),
      ...(materials?.length ? { materials } : {}),
      ...(deficiencies?.length ? { deficiencies } : {}),
    });
  }

  /** Answers a supplement request: the item's clock resumes. */
  @ProjectCommand(':id/items/:itemCode/supplement', ...APPLICANT_SIDE)
  supplement(@Target() t: CommandTarget, @Body() body: SubmissionDto) {
    const { itemCode } = t;
    return this.commands.report(t, { kind: 'ANSWER_SUPPLEMENT', itemCode, note: body.note });
  }

  /** Resubmits a rejected item: a new round on a fresh item clock. */
  @ProjectCommand(':id/items/:itemCode/resubmission', ...APPLICANT_SIDE)
  resubmit(@Target() t: CommandTarget, @Body() body: NoteDto) {
    return this.commands.report(t, { kind: 'RESUBMIT_ITEM', itemCode: t.itemCode, ...body });
  }

  /** Delivers what an acceptance with deficiency (容缺受理) left outstanding. */
  @ProjectCommand(':id/items/:itemCode/deficiency-delivery', ...APPLICANT_SIDE)
  deliverDeficiency(@Target() t: CommandTarget, @Body() body: NoteDto) {
    return this.commands.report(t, { kind: 'DELIVER_DEFICIENCY', itemCode: t.itemCode, ...body });
  }

  @ProjectCommand(':id/items/:itemCode/withdrawal', ...APPLICANT_SIDE)
  withdrawItem(@Target() t: CommandTarget, @Body() body: WithdrawalDto) {
    return this.commands.report(t, { kind: 'WITHDRAW_ITEM', itemCode: t.itemCode, ...body });
  }

  /** Withdraws the whole application: the project ends WITHDRAWN (or REJECTED, see the rules). */
  @ProjectCommand(':id/withdrawal', ...APPLICANT_SIDE)
  withdraw(@Target() t: CommandTarget, @Body() body: WithdrawalDto) {
    return this.commands.report(t, { kind: 'WITHDRAW_PROJECT', ...body });
  }

  /** A department head extends one of the department's items (art. 42: 10 working days in all). */
  @ProjectCommand(':id/items/:itemCode/extension', 'DEPARTMENT_HEAD')
  extend(@Target() t: CommandTarget, @Body() body: ExtensionDto) {
    const { days, reason } = body;
    return this.commands.report(t, { kind: 'GRANT_EXTENSION', itemCode: t.itemCode, days, reason });
  }

  /** The window schedules a joint site survey, drawing review or acceptance (clocks stop). */
  @ProjectCommand(':id/joint-procedures', 'WINDOW_OFFICER')
  scheduleJoint(@Target() t: CommandTarget, @Body() body: JointProcedureDto) {
    const { type, date, itemCodes } = body;
    return this.commands.report(t, { kind: 'SCHEDULE_JOINT_PROCEDURE', type, date, itemCodes });
  }

  /** A reviewing officer records the department's result of a joint procedure. */
  @ProjectCommand(':id/joint-procedures/:procedureId/result', 'REVIEWING_OFFICER')
  recordJoint(
    @Target() t: CommandTarget,
    @Param('procedureId') procedureId: string,
    @Body() body: JointResultDto,
  ) {
    const { passed, comment } = body;
    const department = t.user.department!;
    return this.commands.report(t, {
      kind: 'RECORD_JOINT_RESULT',
      procedureId,
      department,
      passed,
      comment,
    });
  }
}
