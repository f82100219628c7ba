/**
 * What the project routes answer, for the OpenAPI document (the web app's client is generated
 * from it). The shapes are libs/approval/src/report.ts `buildReport` and `projectSummary`;
 * test/openapi.e2e-spec.ts checks real answers against these schemas.
 */
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { PROJECT_STATUSES } from './list-query.dto';
import { MasterDataViewDto } from './master-data.dto';
import { KeyFlagDto, SpecialistDto } from './key-project.dto';
import {
  MATERIAL_STATUSES,
  SPECIAL_PROCEDURE_TYPES,
  type NextActionKind,
} from '../../../../../libs/approval/src';
import {
  JOINT_PROCEDURES,
  MATERIAL_SOURCES,
  PROJECT_TYPES,
  RISKS,
  STAGE_CODES,
} from '../../../../../libs/domain/src';
import { AnswerReasonDto } from '../../catalog/dto/catalog.dto';

const DATE = { type: String, format: 'date' } as const;
const NULLABLE_DATE = { ...DATE, nullable: true } as const;
const PAUSE_REASONS = ['SUPPLEMENT', 'DEFICIENCY_OVERDUE', ...SPECIAL_PROCEDURE_TYPES];

export class ProjectClockDto {
  @ApiProperty({ type: 'integer' }) limitDays!: number;
  @ApiProperty({ type: 'integer' }) usedDays!: number;
  /** 0 once the limit is used up; see overdueDays. */
  @ApiProperty({ type: 'integer' }) remainingDays!: number;
  /** Working days on which clocks stood still (supplements, special procedures). */
  @ApiProperty({ type: 'integer' }) pausedDays!: number;
  @ApiProperty({ type: Number }) percentUsed!: number;
  @ApiProperty({ enum: RISKS }) risk!: string;
  /**
   * The limit's last working day: ahead while days remain and a clock runs, the day the limit
   * ran out once it has; null when nothing runs and days remain, or the project is closed.
   */
  @ApiProperty(NULLABLE_DATE) dueDate!: string | null;
  /** Working days used beyond the limit (0 while within it). */
  @ApiProperty({ type: 'integer', minimum: 0 }) overdueDays!: number;
  @ApiProperty(NULLABLE_DATE) projectedCompletionDate!: string | null;
  /** The count touches a year whose holiday schedule is not published yet. */
  @ApiProperty({ type: Boolean }) provisional!: boolean;
}

export class ItemClockDto {
  @ApiProperty({ type: 'integer' }) limitDays!: number;
  @ApiProperty({ type: 'integer' }) usedDays!: number;
  @ApiProperty({ type: 'integer' }) remainingDays!: number;
  @ApiProperty(NULLABLE_DATE) dueDate!: string | null;
  @ApiProperty({ enum: RISKS }) risk!: string;
}

/** A deficiency (容缺) still outstanding: its materials are due by `dueDate`. */
export class OpenDeficiencyDto {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) description!: string;
  @ApiProperty(DATE) dueDate!: string;
  @ApiProperty({ enum: ['OPEN', 'DELIVERED', 'MISSED'] }) status!: string;
  @ApiPropertyOptional(DATE) deliveredOn?: string;
  /** The materials it promised (a window's 容缺 acceptance names them); absent: described only. */
  @ApiPropertyOptional({ type: [String] }) materials?: string[];
}

/** Why and since when an item's clock stands still. */
export class PauseDto {
  @ApiProperty(DATE) from!: string;
  @ApiPropertyOptional(DATE) to?: string;
  @ApiProperty({ enum: PAUSE_REASONS }) reason!: string;
  @ApiPropertyOptional({ type: 'integer' }) expectedDays?: number;
  @ApiPropertyOptional({ type: String }) note?: string;
}

/** An item's material as the project stands: the files are in `GET …/materials`. */
export class ItemMaterialDto {
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) nameEn!: string;
  @ApiProperty({ type: Boolean }) required!: boolean;
  @ApiProperty({ enum: MATERIAL_STATUSES }) status!: string;
  /** 1, then +1 each time the material is asked for again. */
  @ApiProperty({ type: 'integer', minimum: 1 }) round!: number;
  @ApiProperty({ enum: MATERIAL_SOURCES }) source!: string;
  /** The item whose result provides it (nothing to hand in once that is approved). */
  @ApiProperty({ type: String, nullable: true }) producedBy!: string | null;
  @ApiProperty({ type: Boolean }) deficiencyAllowed!: boolean;
  @ApiProperty({ type: [AnswerReasonDto] }) reason!: AnswerReasonDto[];
  /** Why it was asked for again, in this round. */
  @ApiProperty({ type: String, nullable: true }) correction!: string | null;
}

export class CommitmentCheckResultDto {
  @ApiProperty({ type: Boolean }) passed!: boolean;
  @ApiPropertyOptional({ type: String }) comment?: string;
  @ApiProperty(DATE) on!: string;
  @ApiProperty({ type: String }) by!: string;
}

/** An approval on commitment (告知承诺) and its follow-up check (核查). */
export class CommitmentDto {
  /** The applicant's written commitment. */
  @ApiProperty({ type: String }) text!: string;
  /** The last working day of the follow-up check. */
  @ApiProperty(DATE) checkDue!: string;
  /** Absent while the check is still due. */
  @ApiPropertyOptional({ type: CommitmentCheckResultDto }) check?: CommitmentCheckResultDto;
}

export class ItemReportDto {
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) nameEn!: string;
  @ApiProperty({ type: String }) department!: string;
  /** The joint procedure (联合踏勘, 多图联审, 联合验收 …) the item takes part in, if any. */
  @ApiProperty({ enum: JOINT_PROCEDURES, nullable: true }) jointProcedure!: string | null;
  @ApiProperty({
    type: String,
    description: 'PENDING, PRE_REVIEW, SUBMITTED, UNDER_REVIEW, …, APPROVED, REJECTED, REVOKED',
  })
  status!: string;
  /** The reviewing officer's task: `POST /api/tasks/{taskId}/decision`. */
  @ApiProperty({ type: String }) taskId!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) round!: number;
  @ApiProperty({ type: ItemClockDto }) clock!: ItemClockDto;
  @ApiProperty({ type: [OpenDeficiencyDto] }) deficiencies!: OpenDeficiencyDto[];
  /** The open clock stop, if any. */
  @ApiProperty({ type: PauseDto, nullable: true }) pause!: PauseDto | null;
  /** When this round's clock first ran (its stage's acceptance). */
  @ApiProperty(NULLABLE_DATE) startedOn!: string | null;
  @ApiProperty(NULLABLE_DATE) decidedOn!: string | null;
  /** The codes of the items it waits for (a PENDING item names them). */
  @ApiProperty({ type: [String] }) prerequisites!: string[];
  /** Every clock stop of this round, closed or open. */
  @ApiProperty({ type: [PauseDto] }) pauses!: PauseDto[];
  @ApiProperty({ type: [ItemMaterialDto] }) materials!: ItemMaterialDto[];
  /**
   * 告知承诺制: the working days from an approval on commitment to its follow-up check; null when
   * the catalogue does not let the item be approved on commitment.
   */
  @ApiProperty({ type: 'integer', nullable: true }) commitmentCheckDays!: number | null;
  /** Set once the item was approved on commitment (APPROVED, or REVOKED by a failed check). */
  @ApiProperty({ type: CommitmentDto, nullable: true }) onCommitment!: CommitmentDto | null;
}

/** 一次受理 per theme: where one theme of a stage stands. */
export class ThemeAcceptanceDto {
  @ApiProperty({ enum: ['NOT_STARTED', 'SUBMITTED', 'ACCEPTED', 'RETURNED'] }) status!: string;
  @ApiPropertyOptional(DATE) submittedOn?: string;
  @ApiPropertyOptional(DATE) acceptedOn?: string;
  @ApiPropertyOptional({ type: String }) returnReason?: string;
  /** Handed in from pre-review when the stage before completed. */
  @ApiPropertyOptional({ type: Boolean }) preReviewed?: boolean;
}

export class ThemeReportDto {
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) name!: string;
  /** In English (the catalogue's; the Chinese name where the catalogue has none). */
  @ApiProperty({ type: String }) nameEn!: string;
  @ApiProperty({ type: [ItemReportDto] }) items!: ItemReportDto[];
  /** Where the catalogue accepts per theme, the theme's own standing; null: the stage is accepted whole. */
  @ApiProperty({ type: ThemeAcceptanceDto, nullable: true })
  acceptance!: ThemeAcceptanceDto | null;
}

export class StageReportDto {
  @ApiProperty({ enum: STAGE_CODES }) code!: string;
  @ApiProperty({ type: String, description: 'NOT_STARTED, SUBMITTED, RETURNED, IN_REVIEW, …' })
  status!: string;
  @ApiProperty(NULLABLE_DATE) submittedOn!: string | null;
  @ApiProperty(NULLABLE_DATE) acceptedOn!: string | null;
  @ApiProperty(NULLABLE_DATE) completedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) returnReason!: string | null;
  /** 预审: the day its materials were last handed in for pre-review, if they were. */
  @ApiProperty(NULLABLE_DATE) preReviewedOn!: string | null;
  @ApiProperty({ type: 'integer' }) usedDays!: number;
  @ApiProperty({ type: [ThemeReportDto] }) themes!: ThemeReportDto[];
}

export class JointProcedureResultDto {
  @ApiProperty({ type: Boolean }) passed!: boolean;
  @ApiPropertyOptional({ type: String }) comment?: string;
  @ApiProperty(DATE) on!: string;
  @ApiProperty({ type: String }) by!: string;
}

export class JointProcedureStateDto {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ enum: JOINT_PROCEDURES }) type!: string;
  @ApiProperty({ enum: STAGE_CODES }) stage!: string;
  @ApiProperty(DATE) scheduledFor!: string;
  @ApiProperty({ type: [String] }) itemCodes!: string[];
  @ApiProperty({ type: [String] }) departments!: string[];
  /** Each department's result, by department code. */
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/JointProcedureResultDto' },
  })
  results!: Record<string, JointProcedureResultDto>;
  @ApiProperty({ enum: ['SCHEDULED', 'DONE'] }) status!: string;
}

/** Something a party has to do next on the project (libs/approval nextActions). */
export class NextActionDto {
  @ApiProperty({
    enum: [
      'SUBMIT_STAGE',
      'ANSWER_SUPPLEMENT',
      'DELIVER_DEFICIENCY',
      'RESUBMIT_ITEM',
      'ACCEPT_STAGE',
      'DECIDE_ITEM',
      'RECORD_JOINT_RESULT',
    ],
  })
  kind!: NextActionKind;
  @ApiProperty({ enum: ['APPLICANT', 'WINDOW_OFFICER', 'REVIEWING_OFFICER'] })
  by!: 'APPLICANT' | 'WINDOW_OFFICER' | 'REVIEWING_OFFICER';
  @ApiProperty({ enum: STAGE_CODES }) stage!: string;
  @ApiPropertyOptional({ type: String }) itemCode?: string;
  @ApiPropertyOptional({ type: String }) itemName?: string;
  @ApiPropertyOptional({ type: String }) itemNameEn?: string;
  /** 一次受理 per theme: the theme to hand in. */
  @ApiPropertyOptional({ type: String }) theme?: string;
  @ApiPropertyOptional({ type: String }) themeName?: string;
  @ApiPropertyOptional({ type: String }) themeNameEn?: string;
  /** For officers' actions: the department that acts. */
  @ApiPropertyOptional({ type: String }) department?: string;
  /** A deficiency's commitment date, or a joint procedure's date. */
  @ApiPropertyOptional(DATE) dueDate?: string;
  @ApiPropertyOptional({ type: String }) procedureId?: string;
}

/** Fields a project's summary and its report share. */
class ProjectHeadDto {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ enum: PROJECT_TYPES }) type!: string;
  @ApiProperty({ type: String }) ownerOrganisation!: string;
  /** What pages show: the organisation's name (its code when none is registered). */
  @ApiProperty({ type: String }) ownerOrganisationName!: string;
  @ApiProperty({ enum: STAGE_CODES }) stage!: string;
  @ApiProperty({ enum: PROJECT_STATUSES }) status!: string;
  @ApiProperty({ type: ProjectClockDto }) clock!: ProjectClockDto;
  /** What the applicant, the window and the officers have to do next. */
  @ApiProperty({ type: [NextActionDto] }) nextActions!: NextActionDto[];
  /** Key project (重点项目): the service centre's reason and since when; null when not one. */
  @ApiProperty({ type: KeyFlagDto, nullable: true }) key!: KeyFlagDto | null;
}

/**
 * The project report of docs/design.md §6: the project, its clock, stages, themes and items, and
 * its master data (issue 28; the fields given, none for a project created without them).
 */
export class ProjectReportDto extends IntersectionType(ProjectHeadDto, MasterDataViewDto) {
  @ApiProperty({ type: String }) region!: string;
  /** The catalogue version the project runs on; null: started before versions (built-in). */
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) catalogueVersion!: string | null;
  /** 一次受理 per theme: the catalogue has each theme of a stage handed in and accepted on its own. */
  @ApiProperty({ type: Boolean }) acceptPerTheme!: boolean;
  /** The day the clocks are counted to. */
  @ApiProperty(DATE) asOf!: string;
  @ApiProperty({ type: String }) calendarVersion!: string;
  @ApiProperty({ type: [StageReportDto] }) stages!: StageReportDto[];
  @ApiProperty({ type: [JointProcedureStateDto] }) jointProcedures!: JointProcedureStateDto[];
  /** The specialist (代办专员) the service centre assigned last; null when none. */
  @ApiProperty({ type: SpecialistDto, nullable: true }) specialist!: SpecialistDto | null;
}

export class ProjectSummaryDto extends ProjectHeadDto {
  /** The investment project code; null when none was given. */
  @ApiProperty({ type: String, nullable: true }) projectCode!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

export class ProjectPageDto {
  @ApiProperty({ type: [ProjectSummaryDto] }) items!: ProjectSummaryDto[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
}

export class TimelineEventDto {
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty({ type: String, format: 'date-time' }) at!: Date;
  @ApiProperty({ type: String }) actor!: string;
  @ApiProperty({ type: String }) role!: string;
  /** The organisation an agent acted for. */
  @ApiPropertyOptional({ type: String }) onBehalfOf?: string;
  /** The agent acted as the project's specialist (代办专员), assigned by this service centre officer. */
  @ApiPropertyOptional({ type: String }) specialistAssignedBy?: string;
  @ApiProperty({ type: String, description: 'STAGE_SUBMITTED, ITEM_APPROVED, …' }) type!: string;
  @ApiPropertyOptional({ enum: STAGE_CODES }) stage?: string;
  @ApiPropertyOptional({ type: String }) itemCode?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  detail?: Record<string, unknown>;
  @ApiPropertyOptional({
    enum: ['STARTED', 'STOPPED', 'RESUMED', 'ENDED', 'RESTARTED', 'EXTENDED'],
  })
  clockEffect?: string;
}

export class TimelineDto {
  @ApiProperty({ type: [TimelineEventDto] }) items!: TimelineEventDto[];
}

export class DelegationDto {
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: String }) agentUsername!: string;
  @ApiProperty({ type: String }) grantedBy!: string;
  @ApiProperty({ type: String, format: 'date-time' }) grantedAt!: Date;
  @ApiPropertyOptional({ type: String }) revokedBy?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) revokedAt?: Date;
}

export class DelegationListDto {
  @ApiProperty({ type: [DelegationDto] }) items!: DelegationDto[];
}

export class MandateDto {
  @ApiProperty({ type: String }) organisation!: string;
  /** The organisation's name as the administrator holds it. */
  @ApiProperty({ type: String }) organisationName!: string;
  @ApiProperty({ type: String }) agentUsername!: string;
  @ApiProperty({ type: String }) grantedBy!: string;
  @ApiProperty({ type: String, format: 'date-time' }) grantedAt!: Date;
  @ApiPropertyOptional({ type: String }) revokedBy?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) revokedAt?: Date;
}

export class MandateListDto {
  @ApiProperty({ type: [MandateDto] }) items!: MandateDto[];
}
