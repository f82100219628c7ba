import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { STAGE_CODES } from '../../../../libs/domain/src';
import { Roles } from '../auth/decorators';
import { PageQuery } from '../projects/dto/list-query.dto';
import { KeyFlagDto } from '../projects/dto/key-project.dto';
import { SubmissionsService } from './submissions.service';

const STAGE_STATUSES = ['SUBMITTED', 'RETURNED', 'IN_REVIEW', 'BLOCKED'] as const;

export class SubmissionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STAGE_STATUSES, default: 'SUBMITTED' })
  @IsOptional()
  @IsIn(STAGE_STATUSES)
  status: (typeof STAGE_STATUSES)[number] = 'SUBMITTED';
}

class StageSubmissionDto {
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() projectName!: string;
  @ApiProperty({ enum: STAGE_CODES }) stage!: (typeof STAGE_CODES)[number];
  @ApiProperty({ description: 'YYYY-MM-DD' }) submittedOn!: string;
  @ApiProperty() ownerOrganisation!: string;
  /** What pages show: the organisation's name (its code when none is registered). */
  @ApiProperty() ownerOrganisationName!: string;
  /** Key project (重点项目): such rows come first. */
  @ApiProperty({ type: KeyFlagDto, nullable: true }) key!: KeyFlagDto | null;
  /**
   * 预审: the day the stage was handed in for pre-review (YYYY-MM-DD), null when it was not. A
   * pre-reviewed stage is accepted in one click; its clocks count from `submittedOn`.
   */
  @ApiProperty({ type: String, nullable: true, description: 'YYYY-MM-DD' })
  preReviewedOn!: string | null;
}

class StageSubmissionPageDto {
  @ApiProperty({ type: [StageSubmissionDto] }) items!: StageSubmissionDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** The window's queue: stage submissions waiting for acceptance, key projects first, then oldest first. */
@ApiTags('submissions')
@ApiBearerAuth()
@Roles('WINDOW_OFFICER', 'SUPERVISOR')
@Controller('submissions')
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Get()
  @ApiOkResponse({ type: StageSubmissionPageDto })
  list(@Query() q: SubmissionsQuery): Promise<StageSubmissionPageDto> {
    return this.submissions.list(q.status, q.page, q.pageSize);
  }
}
