import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DECISION_ACTIONS, SPECIAL_PROCEDURE_TYPES } from '../../../../../libs/approval/src';
import {
  ITEM_CODE_PATTERN,
  JOINT_PROCEDURES,
  MATERIAL_CODE_PATTERN,
  type JointProcedure,
} from '../../../../../libs/domain/src';

export class MaterialDto {
  @ApiProperty({ type: String, minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  uri?: string;
}

/** 一次受理 per theme: the theme a stage command is about (a code of the project's catalogue). */
const THEME = {
  type: String,
  pattern: ITEM_CODE_PATTERN.source,
  description:
    'Where the catalogue accepts per theme: this theme only (default: every theme concerned)',
} as const;

export class SubmissionDto {
  @ApiPropertyOptional({ type: String, minLength: 0, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string;

  @ApiPropertyOptional(THEME)
  @IsOptional()
  @Matches(ITEM_CODE_PATTERN, { message: 'theme must be a theme code of the catalogue' })
  theme?: string;

  @ApiPropertyOptional({ type: [MaterialDto], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MaterialDto)
  materials?: MaterialDto[];
}

const MATERIAL_CODE = { type: String, pattern: MATERIAL_CODE_PATTERN.source } as const;

/** A material the window returns the stage for: to hand in again, with why. */
export class ReturnedMaterialDto {
  @ApiProperty({ type: String, maxLength: 40 })
  @IsString()
  @Length(1, 40)
  itemCode!: string;

  @ApiProperty(MATERIAL_CODE)
  @Matches(MATERIAL_CODE_PATTERN)
  materialCode!: string;

  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

/** 容缺 at the window: an item's missing materials, handed in later by a committed date. */
export class WindowDeficiencyDto {
  @ApiProperty({ type: String, maxLength: 40 })
  @IsString()
  @Length(1, 40)
  itemCode!: string;

  @ApiProperty({ type: [String], maxItems: 50, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(MATERIAL_CODE_PATTERN, { each: true })
  materials!: string[];

  @ApiProperty({ type: String, format: 'date' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be YYYY-MM-DD' })
  dueDate!: string;
}

export class AcceptanceDto {
  @ApiProperty({ enum: ['ACCEPT', 'RETURN'] })
  @IsIn(['ACCEPT', 'RETURN'])
  decision!: 'ACCEPT' | 'RETURN';

  @ApiPropertyOptional(THEME)
  @IsOptional()
  @Matches(ITEM_CODE_PATTERN, { message: 'theme must be a theme code of the catalogue' })
  theme?: string;

  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;

  /** RETURN: the materials missing or wrong (each opens a new round). */
  @ApiPropertyOptional({ type: [ReturnedMaterialDto], maxItems: 200 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReturnedMaterialDto)
  materials?: ReturnedMaterialDto[];

  /** ACCEPT with 容缺: the materials that follow, per item, by a date. */
  @ApiPropertyOptional({ type: [WindowDeficiencyDto], maxItems: 100 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => WindowDeficiencyDto)
  deficiencies?: WindowDeficiencyDto[];
}

/** A material a supplement request asks for again, with why. */
export class CorrectionDto {
  @ApiProperty(MATERIAL_CODE)
  @Matches(MATERIAL_CODE_PATTERN)
  code!: string;

  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

/** An officer's verdict on one material. */
export class MaterialVerdictDto {
  @ApiProperty({ enum: ['ACCEPTED', 'NEEDS_CORRECTION'] })
  @IsIn(['ACCEPTED', 'NEEDS_CORRECTION'])
  verdict!: 'ACCEPTED' | 'NEEDS_CORRECTION';

  /** Required with NEEDS_CORRECTION: what to correct. */
  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class ProcedureDto {
  @ApiProperty({ enum: SPECIAL_PROCEDURE_TYPES })
  @IsIn(SPECIAL_PROCEDURE_TYPES)
  type!: (typeof SPECIAL_PROCEDURE_TYPES)[number];

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 250 })
  @IsInt()
  @Min(1)
  @Max(250)
  expectedDays!: number;
}

export class DeficiencyDto {
  @ApiProperty({ type: String, minLength: 1, maxLength: 1000 })
  @IsString()
  @Length(1, 1000)
  description!: string;

  @ApiProperty({ type: String, pattern: /^\d{4}-\d{2}-\d{2}$/.source })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deficiency.dueDate must be YYYY-MM-DD' })
  dueDate!: string;
}

export class DecisionDto {
  @ApiProperty({ enum: DECISION_ACTIONS })
  @IsIn(DECISION_ACTIONS)
  action!: (typeof DECISION_ACTIONS)[number];

  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  comment?: string;

  @ApiPropertyOptional({ type: () => ProcedureDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProcedureDto)
  procedure?: ProcedureDto;

  @ApiPropertyOptional({ type: () => DeficiencyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeficiencyDto)
  deficiency?: DeficiencyDto;

  /** REQUEST_SUPPLEMENT: the materials to correct (default: those judged NEEDS_CORRECTION). */
  @ApiPropertyOptional({ type: [CorrectionDto], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CorrectionDto)
  materials?: CorrectionDto[];

  /** APPROVE_ON_COMMITMENT: the applicant's written commitment (告知承诺), stored and shown. */
  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  commitment?: string;
}

/** A department's pre-review comment (预审意见): no decision, no clock. */
export class PreReviewCommentDto {
  @ApiProperty({ type: String, minLength: 1, maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  comment!: string;
}

export class NoteDto {
  @ApiPropertyOptional({ type: String, minLength: 0, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string;
}

export class WithdrawalDto {
  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class ExtensionDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10 })
  @IsInt({ message: 'days must be a whole number of working days' })
  @Min(1)
  @Max(10)
  days!: number;

  @ApiProperty({ type: String, minLength: 1, maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class JointProcedureDto {
  @ApiProperty({ enum: JOINT_PROCEDURES })
  @IsIn(JOINT_PROCEDURES)
  type!: JointProcedure;

  @ApiProperty({ type: String, pattern: /^\d{4}-\d{2}-\d{2}$/.source })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date!: string;

  /** Default: every open item of the current stage that takes part in this kind of procedure. */
  @ApiPropertyOptional({ type: [String], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  itemCodes?: string[];
}

export class JointResultDto {
  @ApiProperty({ type: Boolean })
  @IsBoolean()
  passed!: boolean;

  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  comment?: string;
}

/**
 * The follow-up check (核查) of an approval on commitment: `passed`, or failed (a `comment` then
 * says why) and the result is revoked. The shape of a joint procedure's result.
 */
export class CommitmentCheckDto extends JointResultDto {}

export class AgentDto {
  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  agentUsername!: string;
}
