import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { RECTIFICATION_STATUSES } from '../../../../../libs/approval/src';

export class RatingBodyDto {
  /** 1 = 非常不满意 (very dissatisfied) … 5 = 非常满意 (very satisfied); 1 or 2 opens a rectification. */
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  /** Required (not blank) with a score of 1: the rectification starts from what went wrong. */
  @ApiPropertyOptional({ type: String, minLength: 0, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  comment?: string;
}

export class RectificationsQuery {
  @ApiPropertyOptional({ enum: RECTIFICATION_STATUSES })
  @IsOptional()
  @IsIn(RECTIFICATION_STATUSES)
  status?: (typeof RECTIFICATION_STATUSES)[number];
}

export class ResponseBodyDto {
  /** What the department did to put it right. */
  @ApiProperty({ type: String, minLength: 1, maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  note!: string;
}

export class ConfirmationBodyDto {
  /** true: it was put right (CONFIRMED); false: disputed (DISPUTED, to the supervisor). */
  @ApiProperty({ type: Boolean })
  @IsBoolean()
  satisfied!: boolean;

  @ApiPropertyOptional({ type: String, minLength: 0, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string;
}

export class RectificationDto {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: String }) projectName!: string;
  @ApiProperty({ type: String }) itemCode!: string;
  @ApiProperty({ type: String }) itemName!: string;
  /** In English (the catalogue's; the Chinese name where it has none). */
  @ApiProperty({ type: String }) itemNameEn!: string;
  @ApiProperty({ type: String }) department!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) score!: number;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ enum: RECTIFICATION_STATUSES }) status!: string;
  @ApiProperty({ type: String, format: 'date' }) openedOn!: string;
  /** The 5th working day after the opening day; OVERDUE after its end unless responded. */
  @ApiProperty({ type: String, format: 'date' }) dueDate!: string;
  @ApiProperty({ type: String, format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) overdueAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) response!: string | null;
  @ApiProperty({ type: String, nullable: true }) respondedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) respondedAt!: string | null;
  /** Whether the response came by the due instant (null until responded). */
  @ApiProperty({ type: Boolean, nullable: true }) respondedOnTime!: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true }) satisfied!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) confirmationNote!: string | null;
  @ApiProperty({ type: String, nullable: true }) confirmedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt!: string | null;
}

export class RectificationListDto {
  @ApiProperty({ type: [RectificationDto] }) items!: RectificationDto[];
}

export class RatingDto {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: String }) itemCode!: string;
  /** The item's application round that was rated (a resubmission starts a new one). */
  @ApiProperty({ type: 'integer' }) round!: number;
  @ApiProperty({ type: String }) department!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) score!: number;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ type: String }) ratedBy!: string;
  @ApiProperty({ type: String, nullable: true }) onBehalfOf!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) ratedAt!: string;
  @ApiProperty({ type: String, format: 'date' }) ratedOn!: string;
  /** The rectification a score of 1 or 2 opened, else null. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) rectificationId!: string | null;
  @ApiProperty({ enum: RECTIFICATION_STATUSES, nullable: true }) rectificationStatus!:
    string | null;
}

export class RatingListDto {
  @ApiProperty({ type: [RatingDto] }) items!: RatingDto[];
}

export class RatingOutcomeDto {
  @ApiProperty({ type: RatingDto }) rating!: RatingDto;
  @ApiProperty({ type: RectificationDto, nullable: true }) rectification!: RectificationDto | null;
}
