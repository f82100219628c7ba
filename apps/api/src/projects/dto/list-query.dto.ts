import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { ProjectStatus } from '../../../../../libs/approval/src';
import { PROJECT_TYPES, RISKS, STAGE_CODES } from '../../../../../libs/domain/src';

// libs/approval declares ProjectStatus as a type only; checked against it here.
export const PROJECT_STATUSES = [
  'IN_PROGRESS',
  'COMPLETED',
  'REJECTED',
  'WITHDRAWN',
] as const satisfies readonly ProjectStatus[];

export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100000, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 20;
}

export class ListProjectsQuery extends PageQuery {
  /** Part of the project's name or investment project code (case-insensitive). */
  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  /** The investment project code, exactly (投资项目统一代码). */
  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  code?: string;

  @ApiPropertyOptional({ enum: STAGE_CODES })
  @IsOptional()
  @IsIn(STAGE_CODES)
  stage?: string;

  @ApiPropertyOptional({ enum: PROJECT_TYPES })
  @IsOptional()
  @IsIn(PROJECT_TYPES)
  type?: string;

  @ApiPropertyOptional({ enum: RISKS })
  @IsOptional()
  @IsIn(RISKS)
  risk?: string;

  @ApiPropertyOptional({ enum: PROJECT_STATUSES })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: string;

  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 20 })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  department?: string;

  /** `true`: projects overdue or with an overdue item; `false`: the others. */
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;
}
