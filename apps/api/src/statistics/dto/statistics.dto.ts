import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY = { type: String, format: 'date' } as const;
/** Rates are fractions of 1 (0.875 = 87.5 %), null while nothing was decided. */
const RATE = {
  type: Number,
  nullable: true,
  minimum: 0,
  maximum: 1,
  description: 'on-time decisions ÷ decisions, a fraction 0..1; null when nothing was decided',
} as const;
const AVERAGE = {
  type: Number,
  nullable: true,
  description: 'mean working days, one decimal; null when there is nothing to average',
} as const;

export class StatisticsQuery {
  /** First day of the range (decisions and completions on it count). Default: 1 January. */
  @ApiPropertyOptional({ ...DAY, description: 'YYYY-MM-DD; default 1 January of this year' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a real day (YYYY-MM-DD)' })
  from?: string;

  /** Last day of the range, included. Default: today (Asia/Shanghai). */
  @ApiPropertyOptional({ ...DAY, description: 'YYYY-MM-DD, included; default today' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a real day (YYYY-MM-DD)' })
  to?: string;

  /** One department's figures (supervisors); a department head always gets its own. */
  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 20 })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  department?: string;

  /** `csv`: the per-department table as a UTF-8 CSV file (with a BOM, for Excel). */
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class ProjectStatisticsDto {
  /** Running now, whatever the range. */
  @ApiProperty({ type: 'integer' }) inProgress!: number;
  /** Completed (its last stage closed) within the range. */
  @ApiProperty({ type: 'integer' }) completed!: number;
  /** Running now with the project clock OVERDUE (or an item overdue). */
  @ApiProperty({ type: 'integer' }) overdue!: number;
}

export class ItemStatisticsDto {
  /** Items approved or rejected within the range. */
  @ApiProperty({ type: 'integer' }) decided!: number;
  /** Of those, decided within the item's limit (working days, clock stops excluded). */
  @ApiProperty({ type: 'integer' }) onTime!: number;
  @ApiProperty(RATE) onTimeRate!: number | null;
}

/** Working days from the window's acceptance of a stage to the decision that completed it. */
export class StageAveragesDto {
  @ApiProperty(AVERAGE) PLAN!: number | null;
  @ApiProperty(AVERAGE) START_PERMIT!: number | null;
  @ApiProperty(AVERAGE) COMPLETION!: number | null;
}

export class DepartmentStatisticsDto {
  /** The department's code. */
  @ApiProperty({ type: String }) department!: string;
  @ApiProperty({ type: 'integer' }) decided!: number;
  @ApiProperty({ type: 'integer' }) onTime!: number;
  @ApiProperty(RATE) onTimeRate!: number | null;
  /** Mean working days on the clock of the items decided in the range. */
  @ApiProperty(AVERAGE) averageDays!: number | null;
  /** Open items of running projects past their limit now, whatever the range. */
  @ApiProperty({ type: 'integer' }) overdueNow!: number;
}

/** 好差评: ratings given in the range (by the rating's day). */
export class SatisfactionStatisticsDto {
  @ApiProperty({ type: 'integer' }) rated!: number;
  /** Share of ratings of 4 or 5 (满意, 非常满意); null when nothing was rated. */
  @ApiProperty(RATE) satisfiedRate!: number | null;
}

/** Rectifications opened in the range (a rating of 1 or 2 opens one). */
export class RectificationStatisticsDto {
  @ApiProperty({ type: 'integer' }) opened!: number;
  /** The head responded before the end of the 5th working day. */
  @ApiProperty({ type: 'integer' }) respondedOnTime!: number;
  /** Went past the due instant without a response (a late response still counts here). */
  @ApiProperty({ type: 'integer' }) overdue!: number;
}

/**
 * Working days from a stage's completion to the next stage's acceptance (the stages completed in
 * the range), with and without pre-review (预审); null when there was none.
 */
export class HandoverStatisticsDto {
  @ApiProperty(AVERAGE) withPreReview!: number | null;
  @ApiProperty({ type: 'integer' }) withPreReviewCount!: number;
  @ApiProperty(AVERAGE) withoutPreReview!: number | null;
  @ApiProperty({ type: 'integer' }) withoutPreReviewCount!: number;
}

/** 告知承诺制 in the range: approvals on commitment, and follow-up checks passed or failed. */
export class CommitmentStatisticsDto {
  @ApiProperty({ type: 'integer' }) approvedOnCommitment!: number;
  @ApiProperty({ type: 'integer' }) checksPassed!: number;
  /** Results revoked by a failed follow-up check. */
  @ApiProperty({ type: 'integer' }) revoked!: number;
}

/** One side of the agent service figures: served projects, or those nobody served. */
export class ServiceGroupDto {
  /** Running now. */
  @ApiProperty({ type: 'integer' }) inProgress!: number;
  /** Completed within the range. */
  @ApiProperty({ type: 'integer' }) completed!: number;
  /** Mean working days the completed projects' clocks used. */
  @ApiProperty(AVERAGE) averageUsedDays!: number | null;
  /** Mean total limit (working days) of those projects. */
  @ApiProperty(AVERAGE) averageLimitDays!: number | null;
  /** Their days used ÷ their limits, summed: a fraction; null when none completed. */
  @ApiProperty({ type: Number, nullable: true, minimum: 0 }) usedShare!: number | null;
}

/**
 * Agent service (帮办代办): projects served by a specialist the owner accepted or by an agent
 * (delegation or mandate), against those nobody served.
 */
export class AgentServiceStatisticsDto {
  @ApiProperty({ type: ServiceGroupDto }) served!: ServiceGroupDto;
  @ApiProperty({ type: ServiceGroupDto }) notServed!: ServiceGroupDto;
  /** Of the served (running or completed in the range), those with a specialist. */
  @ApiProperty({ type: 'integer' }) bySpecialist!: number;
}

export class StatisticsDto {
  @ApiProperty(DAY) from!: string;
  @ApiProperty(DAY) to!: string;
  /** The department the figures are limited to; null: every department. */
  @ApiProperty({ type: String, nullable: true }) department!: string | null;
  @ApiProperty({ type: ProjectStatisticsDto }) projects!: ProjectStatisticsDto;
  @ApiProperty({ type: ItemStatisticsDto }) items!: ItemStatisticsDto;
  @ApiProperty({ type: StageAveragesDto }) averageDaysByStage!: StageAveragesDto;
  /** Every department of the catalog (or the one asked), in catalog order. */
  @ApiProperty({ type: [DepartmentStatisticsDto] }) byDepartment!: DepartmentStatisticsDto[];
  @ApiProperty({ type: SatisfactionStatisticsDto }) satisfaction!: SatisfactionStatisticsDto;
  @ApiProperty({ type: RectificationStatisticsDto })
  rectifications!: RectificationStatisticsDto;
  @ApiProperty({ type: HandoverStatisticsDto }) handover!: HandoverStatisticsDto;
  @ApiProperty({ type: CommitmentStatisticsDto }) commitments!: CommitmentStatisticsDto;
  @ApiProperty({ type: AgentServiceStatisticsDto }) agentService!: AgentServiceStatisticsDto;
}
