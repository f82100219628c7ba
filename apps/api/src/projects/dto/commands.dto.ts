import { Type } from 'class-transformer';
import {
  IsArray,
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

export class MaterialDto {
  @IsString()
  @Length(1, 200)
  name!: string;

  @IsOptional()
  @IsString()
  @Length(1, 2000)
  uri?: string;
}

export class SubmissionDto {
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => MaterialDto)
  materials?: MaterialDto[];
}

export class AcceptanceDto {
  @IsIn(['ACCEPT', 'RETURN'])
  decision!: 'ACCEPT' | 'RETURN';

  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class ProcedureDto {
  @IsIn(SPECIAL_PROCEDURE_TYPES)
  type!: (typeof SPECIAL_PROCEDURE_TYPES)[number];

  @IsInt()
  @Min(1)
  @Max(250)
  expectedDays!: number;
}

export class DeficiencyDto {
  @IsString()
  @Length(1, 1000)
  description!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deficiency.dueDate must be YYYY-MM-DD' })
  dueDate!: string;
}

export class DecisionDto {
  @IsIn(DECISION_ACTIONS)
  action!: (typeof DECISION_ACTIONS)[number];

  @IsOptional()
  @IsString()
  @Length(1, 2000)
  comment?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => ProcedureDto)
  procedure?: ProcedureDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => DeficiencyDto)
  deficiency?: DeficiencyDto;
}
