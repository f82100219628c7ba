import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { SPGL_TABLES } from '../../../../../libs/exchange/src';

export class ExchangeTableDto {
  @ApiProperty({ enum: SPGL_TABLES }) table!: string;
  @ApiProperty({ type: 'integer' }) sent!: number;
  @ApiProperty({ type: 'integer' }) waiting!: number;
  @ApiProperty({ type: 'integer' }) held!: number;
}

export class ExchangeStatusDto {
  /** Off when EXCHANGE_DATABASE_URL is not set (no rows are written or sent). */
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: [ExchangeTableDto] }) tables!: ExchangeTableDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSentAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  oldestWaitingAt!: string | null;
}

export class ExchangeRowDto {
  @ApiProperty({ enum: SPGL_TABLES }) table!: string;
  /** The row's local key (DFSJZJ). */
  @ApiProperty() key!: string;
  @ApiProperty({ enum: ['WAITING', 'SENT', 'HELD'] }) state!: string;
  /** Why it is held: `<code> <what>` (011 project not sent, 030 instance not sent, 101, 130). */
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  /** The row as sent, by the standard's field names (LSH, DFSJZJ, XZQHDM, GCDM, …). */
  @ApiProperty({ type: 'object', additionalProperties: true }) row!: Record<string, unknown>;
}

export class ExchangeRowsDto {
  @ApiProperty({ type: [ExchangeRowDto] }) items!: ExchangeRowDto[];
}

export class ExchangeRowsQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'projectId must be a UUID' })
  projectId?: string;

  @ApiPropertyOptional({ enum: SPGL_TABLES })
  @IsOptional()
  @IsIn(SPGL_TABLES, { message: `table must be one of ${SPGL_TABLES.join(', ')}` })
  table?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 5000, default: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  limit = 1000;
}

/** A project, or a time range of rows (ISO instants, `to` exclusive). */
export class ResendDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'projectId must be a UUID' })
  projectId?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'from must be an ISO 8601 instant' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'to must be an ISO 8601 instant' })
  to?: string;
}

export class ResendResultDto {
  /** Rows made again from the project's state that the outbox lacked. */
  @ApiProperty({ type: 'integer' }) appended!: number;
  /** Held rows that wait again (checked again by the sender). */
  @ApiProperty({ type: 'integer' }) released!: number;
}

export class ReconciliationQuery {
  /** The day to reconcile (YYYY-MM-DD, the calendar's time zone); today when absent. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'day must be a date (YYYY-MM-DD)' })
  @IsDateString({ strict: true }, { message: 'day must be a date (YYYY-MM-DD)' })
  day?: string;
}

export class TableReconciliationDto {
  @ApiProperty({ enum: SPGL_TABLES }) table!: string;
  /** Our rows of the table marked sent on the day. */
  @ApiProperty({ type: 'integer' }) sentOnDay!: number;
  /** The staging database's rows of the table inserted on the day (SCSJ). */
  @ApiProperty({ type: 'integer' }) stagedOnDay!: number;
  @ApiProperty({ type: 'integer' }) sentTotal!: number;
  @ApiProperty({ type: 'integer' }) stagedTotal!: number;
  /** The totals agree. */
  @ApiProperty() matches!: boolean;
}

export class ReconciliationDto {
  @ApiProperty({ format: 'date' }) day!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ type: [TableReconciliationDto] }) tables!: TableReconciliationDto[];
  @ApiProperty() matches!: boolean;
}
