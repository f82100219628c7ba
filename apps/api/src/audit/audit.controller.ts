import { BadRequestException, Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import type { Response } from 'express';
import { Roles } from '../auth/decorators';
import { csvText } from '../common/csv';
import { AUDIT_ACTIONS, AuditService } from './audit.service';

export class AuditQuery {
  /** Events this user did or that concern them. */
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  username?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: (typeof AUDIT_ACTIONS)[number];

  /** Events about this project: grants on it, its files' downloads, its repairs. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  project?: string;

  /** From this instant (ISO 8601), inclusive. */
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  /** Before this instant (ISO 8601). */
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit = 200;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

class AuditEventDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) actor!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) subject!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail!: Record<string, unknown>;
}

class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items!: AuditEventDto[];
}

/** The audit trail: sign-ins, account changes and grants, newest first. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('ADMIN', 'SUPERVISOR')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: AuditPageDto,
    description: 'JSON; with `format=csv` the same events as a text/csv attachment',
  })
  async list(
    @Query() q: AuditQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuditPageDto | string> {
    const from = q.from ? new Date(q.from) : undefined;
    const to = q.to ? new Date(q.to) : undefined;
    if (from && to && from > to) throw new BadRequestException(['from: must not be after to']);
    const rows = await this.audit.list({
      username: q.username,
      action: q.action,
      projectId: q.project,
      from,
      to,
      limit: q.limit,
    });
    const items = rows.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      action: r.action,
      actor: r.actor,
      subject: r.subject,
      address: r.address,
      detail: r.detail,
    }));
    if (q.format !== 'csv') return { items };
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="audit.csv"');
    return csvText([
      ['at', 'action', 'actor', 'subject', 'address', 'detail'],
      ...items.map((e) => [
        e.at,
        e.action,
        e.actor,
        e.subject,
        e.address,
        JSON.stringify(e.detail),
      ]),
    ]);
  }
}
