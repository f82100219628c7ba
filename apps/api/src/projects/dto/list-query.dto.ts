import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 20;
}

export class ListProjectsQuery extends PageQuery {
  @IsOptional()
  @IsIn(['PLAN', 'START_PERMIT', 'COMPLETION'])
  stage?: string;

  @IsOptional()
  @IsIn(['GOVERNMENT_INVESTED', 'SOCIAL_INVESTMENT', 'SIMPLE_LOW_RISK'])
  type?: string;

  @IsOptional()
  @IsIn(['ON_TRACK', 'AT_RISK', 'OVERDUE'])
  risk?: string;

  @IsOptional()
  @IsIn(['IN_PROGRESS', 'COMPLETED', 'REJECTED', 'WITHDRAWN'])
  status?: string;

  @IsOptional()
  @IsString()
  @Length(1, 20)
  department?: string;
}
