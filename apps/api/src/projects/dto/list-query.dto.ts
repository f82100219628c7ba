import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

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
  /** Part of the project's name (case-insensitive). */
  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ enum: ['PLAN', 'START_PERMIT', 'COMPLETION'] })
  @IsOptional()
  @IsIn(['PLAN', 'START_PERMIT', 'COMPLETION'])
  stage?: string;

  @ApiPropertyOptional({ enum: ['GOVERNMENT_INVESTED', 'SOCIAL_INVESTMENT', 'SIMPLE_LOW_RISK'] })
  @IsOptional()
  @IsIn(['GOVERNMENT_INVESTED', 'SOCIAL_INVESTMENT', 'SIMPLE_LOW_RISK'])
  type?: string;

  @ApiPropertyOptional({ enum: ['ON_TRACK', 'AT_RISK', 'OVERDUE'] })
  @IsOptional()
  @IsIn(['ON_TRACK', 'AT_RISK', 'OVERDUE'])
  risk?: string;

  @ApiPropertyOptional({ enum: ['IN_PROGRESS', 'COMPLETED', 'REJECTED', 'WITHDRAWN'] })
  @IsOptional()
  @IsIn(['IN_PROGRESS', 'COMPLETED', 'REJECTED', 'WITHDRAWN'])
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
