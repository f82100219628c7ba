import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
import { JOINT_PROCEDURES, type JointProcedure } from '../../../../../libs/domain/src';

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

export class SubmissionDto {
  @ApiPropertyOptional({ type: String, minLength: 0, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string;

  @ApiPropertyOptional({ type: [MaterialDto], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MaterialDto)
  materials?: MaterialDto[];
}

export class AcceptanceDto {
  @ApiProperty({ enum: ['ACCEPT', 'RETURN'] })
  @IsIn(['ACCEPT', 'RETURN'])
  decision!: 'ACCEPT' | 'RETURN';

  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
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

export class AgentDto {
  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  agentUsername!: string;
}
