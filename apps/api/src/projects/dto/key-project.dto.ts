import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { STAGE_CODES } from '../../../../../libs/domain/src';
import { SPECIALIST_STATUSES } from '../../../../../libs/persistence/src';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A key project's flag (重点项目): why, and since when. */
export class KeyFlagDto {
  @ApiProperty({ type: String }) reason!: string;
  @ApiProperty({ type: String, format: 'date-time' }) since!: Date;
}

/** The project's latest specialist assignment: it gives power only while ACTIVE. */
export class SpecialistDto {
  @ApiProperty({ type: String }) username!: string;
  @ApiProperty({ type: String }) displayName!: string;
  @ApiProperty({ enum: SPECIALIST_STATUSES }) status!: string;
  /** The service centre's officer who assigned the specialist. */
  @ApiProperty({ type: String }) assignedBy!: string;
  @ApiProperty({ type: String, format: 'date-time' }) assignedAt!: Date;
  /** The owner's applicant who accepted or declined; null while proposed. */
  @ApiProperty({ type: String, nullable: true }) answeredBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt!: Date | null;
}

export class KeyReasonDto {
  /** Why the city treats the project as key (重点项目), as the service centre says it. */
  @ApiProperty({ type: String, minLength: 1, maxLength: 500 })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class AssignSpecialistDto {
  /** An agent of the government's agent team. */
  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  username!: string;
}

export class SpecialistConsentDto {
  @ApiProperty({ type: Boolean })
  @IsBoolean()
  accept!: boolean;
}

/** One target of the plan: a stage completed, or an item decided, by `date`. */
export class PlanTargetDto {
  @ApiPropertyOptional({ enum: STAGE_CODES })
  @IsOptional()
  @IsIn(STAGE_CODES)
  stage?: string;

  /** An item code of the project. */
  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 50 })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  item?: string;

  @ApiProperty({ type: String, format: 'date' })
  @Matches(DATE, { message: 'date must be YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'date must be a real day (YYYY-MM-DD)' })
  date!: string;
}

export class PlanDto {
  @ApiProperty({ type: [PlanTargetDto], maxItems: 100 })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PlanTargetDto)
  targets!: PlanTargetDto[];
}

/** A target as it stands today: met (and when), late, or open. */
export class PlanTargetViewDto {
  @ApiPropertyOptional({ enum: STAGE_CODES }) stage?: string;
  @ApiPropertyOptional({ type: String }) item?: string;
  /** The item's or stage's name, in both languages. */
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) nameEn!: string;
  @ApiProperty({ type: String, format: 'date' }) date!: string;
  /** MET: completed (decided) on or before the date (销号); LATE: the date passed unmet. */
  @ApiProperty({ enum: ['MET', 'LATE', 'OPEN'] }) state!: string;
  @ApiProperty({ type: Boolean }) met!: boolean;
  @ApiProperty({ type: Boolean }) late!: boolean;
  /** The day it was completed or decided, when it was. */
  @ApiPropertyOptional({ type: String, format: 'date' }) doneOn?: string;
}

export class PlanViewDto {
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: [PlanTargetViewDto] }) targets!: PlanTargetViewDto[];
  /** The specialist who set it last; null while there is no plan. */
  @ApiProperty({ type: String, nullable: true }) setBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) setAt!: Date | null;
  /** The day the targets are judged on (Asia/Shanghai). */
  @ApiProperty({ type: String, format: 'date' }) asOf!: string;
}
