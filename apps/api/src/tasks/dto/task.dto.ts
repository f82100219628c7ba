import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { KeyFlagDto } from '../../projects/dto/key-project.dto';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { RISKS, STAGE_CODES } from '../../../../../libs/domain/src';
import { TASK_STATUSES } from '../../../../../libs/persistence/src';
import { PageQuery } from '../../projects/dto/list-query.dto';
import { ItemReportDto, ProjectClockDto } from '../../projects/dto/report.dto';

const ESCALATED = RISKS.filter((r) => r !== 'ON_TRACK');

export class TasksQuery extends PageQuery {
  /** Only the tasks of this project. */
  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ enum: RISKS })
  @IsOptional()
  @IsIn(RISKS)
  risk?: (typeof RISKS)[number];

  @ApiPropertyOptional({ enum: TASK_STATUSES })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: string;
}

export class EscalationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ESCALATED })
  @IsOptional()
  @IsIn(ESCALATED)
  risk?: 'AT_RISK' | 'OVERDUE';

  /** Supervisors only: one department (heads always see their own). */
  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 20 })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  department?: string;
}

/** An item waiting on a department, in a running project. */
export class TaskDto {
  @ApiProperty({ type: String }) taskId!: string;
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: String }) projectName!: string;
  @ApiProperty({ type: String }) itemCode!: string;
  @ApiProperty({ type: String }) itemName!: string;
  @ApiProperty({ type: String }) department!: string;
  @ApiProperty({ enum: TASK_STATUSES }) status!: string;
  @ApiProperty({ enum: RISKS }) risk!: string;
  /** The last working day of the item's limit; null while its clock stands still. */
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate!: string | null;
  /** Key project (重点项目): such rows come first. */
  @ApiProperty({ type: KeyFlagDto, nullable: true }) key!: KeyFlagDto | null;
}

export class TaskPageDto {
  @ApiProperty({ type: [TaskDto] }) items!: TaskDto[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
}

export class CommandResultItemDto {
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) status!: string;
  @ApiProperty({ type: 'integer' }) round!: number;
}

/** What the project's workflow answered to the command. */
export class CommandResultDto {
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty({ type: String }) projectStatus!: string;
  @ApiProperty({ enum: STAGE_CODES }) stage!: string;
  @ApiPropertyOptional({ type: CommandResultItemDto }) item?: CommandResultItemDto;
  /** The same Idempotency-Key was applied before: this is its first result. */
  @ApiPropertyOptional({ type: Boolean }) duplicate?: boolean;
}

export class DecisionOutcomeDto {
  @ApiProperty({ type: String }) taskId!: string;
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: CommandResultDto }) result!: CommandResultDto;
  /** The item as the project report shows it after the decision. */
  @ApiProperty({ type: ItemReportDto }) item!: ItemReportDto;
  @ApiProperty({ type: ProjectClockDto }) projectClock!: ProjectClockDto;
}
