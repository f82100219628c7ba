import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsOptional, MaxLength, ValidateIf } from 'class-validator';
import type { Notice } from '../../../../../libs/approval/src';
import type { NoticeText } from '../../../../../libs/approval/src';
import {
  RECTIFICATION_NOTICE_KINDS,
  SPECIALIST_NOTICE_KINDS,
  type RectificationNoticeKind,
  type SpecialistNoticeKind,
} from '../../../../../libs/approval/src';
import { PageQuery } from '../../projects/dto/list-query.dto';

export const NOTICE_KINDS = [
  'CLOCK_STOPPED',
  'CLOCK_RESUMED',
  'STAGE_RETURNED',
  'ITEM_REJECTED',
  'STAGE_ACCEPTED',
  'ITEM_APPROVED',
  'WARNING',
  'OVERDUE_ESCALATION',
  'DEFICIENCY_MISSED',
  'JOINT_PROCEDURE_SCHEDULED',
  'RESULT_REVOKED',
  'PRE_REVIEW_COMMENT',
  ...RECTIFICATION_NOTICE_KINDS,
  ...SPECIALIST_NOTICE_KINDS,
] as const satisfies readonly (Notice['kind'] | RectificationNoticeKind | SpecialistNoticeKind)[];
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** A notice's wording independent of language: render `key` with `params` in your language. */
export class NoticeTextDto {
  @ApiProperty({ type: String, example: 'supplementRequested' }) key!: NoticeText['key'];
  /** The values the template names; `stage`, `reason` and `procedure` are codes. */
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
  })
  params!: Record<string, string | number>;
}

export class NoticesQuery extends PageQuery {
  /** `true`: only the notices the caller has not read. */
  @ApiPropertyOptional({ type: Boolean, default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'unread must be true or false' })
  unread = false;
}

export class NoticeDto {
  /** `<projectId>:<seq>`. */
  @ApiProperty({ type: String, example: '0b8e…:12' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() projectName!: string;
  @ApiProperty({ enum: NOTICE_KINDS }) kind!: NoticeKind;
  @ApiPropertyOptional({ type: String, nullable: true }) itemCode!: string | null;
  /** In English; `text` gives it in any language. */
  @ApiProperty() message!: string;
  /** Null on notices written before texts existed: show `message` then. */
  @ApiProperty({ type: NoticeTextDto, nullable: true }) text!: NoticeTextDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  /** When the caller read it; null while unread. */
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
}

export class NoticePageDto {
  @ApiProperty({ type: [NoticeDto] }) items!: NoticeDto[];
  /** Notices matching the query. */
  @ApiProperty({ type: 'integer' }) total!: number;
  /** The caller's unread notices, whatever the query. */
  @ApiProperty({ type: 'integer' }) unread!: number;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
}

export class ReadAllResultDto {
  /** How many notices this call marked read. */
  @ApiProperty({ type: 'integer' }) marked!: number;
  @ApiProperty({ type: 'integer' }) unread!: number;
}

export class MailSettingsDto {
  /** Where notices are mailed; null: the inbox only. */
  @ApiProperty({ type: String, format: 'email', nullable: true }) email!: string | null;
  /** False: no mail, the inbox only. */
  @ApiProperty() mailNotices!: boolean;
}

export class UpdateMailSettingsDto {
  /** A new address, or null to remove it. */
  @ApiPropertyOptional({ type: String, format: 'email', maxLength: 254, nullable: true })
  @IsOptional()
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;

  @ApiPropertyOptional({ type: Boolean })
  // Absent: unchanged; null is not absent (the column cannot hold it).
  @ValidateIf((_, v) => v !== undefined)
  @IsBoolean({ message: 'mailNotices must be true or false' })
  mailNotices?: boolean;
}
