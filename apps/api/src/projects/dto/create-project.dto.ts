import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';

import { ProjectMasterDataDto } from './master-data.dto';

/** The longest project name, in characters (after trimming). */
export const PROJECT_NAME_MAX = 200;

/** The project, its questionnaire answers and (optional) master data. */
export class CreateProjectDto extends ProjectMasterDataDto {
  /** Trimmed; blank or longer than 200 characters → 400 naming `name` (never cut). */
  @ApiProperty({ type: String, minLength: 1, maxLength: PROJECT_NAME_MAX })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'name must be a string' })
  @IsNotEmpty({ message: 'name must not be blank' })
  @MaxLength(PROJECT_NAME_MAX, {
    message: `name must be at most ${PROJECT_NAME_MAX} characters`,
  })
  name!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject({ message: 'answers must be an object { questionId: optionId | [optionId] }' })
  answers!: Record<string, unknown>;

  /** A region's code (`GET /api/regions`); the default region when absent; unknown → 400. */
  @ApiPropertyOptional({ type: String, maxLength: 20 })
  @IsOptional()
  @IsString({ message: 'region must be a region code' })
  @MaxLength(20, { message: 'region must be a region code' })
  region?: string;

  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  ownerOrganisation?: string;

  /** Import path (administrators): the date the first stage was accepted elsewhere. */
  @ApiPropertyOptional({ type: String, pattern: /^\d{4}-\d{2}-\d{2}$/.source })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'acceptedAt must be YYYY-MM-DD' })
  acceptedAt?: string;
}

/** 202: the project exists and its workflow runs, but it did not answer in time. */
export class ProjectPendingDto {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['STARTING'] }) status!: string;
  @ApiProperty({ type: String }) message!: string;
}
