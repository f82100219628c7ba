import { ApiProperty } from '@nestjs/swagger';

const DATE = { type: String, format: 'date' } as const;

export class WorkingDaysDto {
  @ApiProperty(DATE) from!: string;
  @ApiProperty(DATE) to!: string;
  /** Working days in (from, to]. */
  @ApiProperty({ type: 'integer' }) workingDays!: number;
  /** The range touches a year whose holiday schedule is not published yet. */
  @ApiProperty({ type: Boolean }) provisional!: boolean;
  @ApiProperty({ type: String }) calendarVersion!: string;
}

export class AddWorkingDaysDto {
  @ApiProperty(DATE) from!: string;
  @ApiProperty({ type: 'integer' }) days!: number;
  /** The `days`-th working day after `from`. */
  @ApiProperty(DATE) date!: string;
  @ApiProperty({ type: Boolean }) provisional!: boolean;
  @ApiProperty({ type: String }) calendarVersion!: string;
}

export class CalendarYearSummaryDto {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: Boolean }) official!: boolean;
  /** How many days off and make-up working days the year lists. */
  @ApiProperty({ type: 'integer' }) holidays!: number;
  @ApiProperty({ type: 'integer' }) workdays!: number;
}

export class CalendarYearsDto {
  @ApiProperty({ type: String }) version!: string;
  @ApiProperty({ type: String }) source!: string;
  @ApiProperty({ type: 'integer' }) firstYear!: number;
  @ApiProperty({ type: 'integer' }) lastYear!: number;
  @ApiProperty({ type: [CalendarYearSummaryDto] }) years!: CalendarYearSummaryDto[];
}

export class YearLoadedDto {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: String }) previousVersion!: string;
  @ApiProperty({ type: String }) version!: string;
  /** Running projects, how many took the new calendar, and the ids of those that did not. */
  @ApiProperty({ type: 'integer' }) running!: number;
  @ApiProperty({ type: 'integer' }) signalled!: number;
  @ApiProperty({ type: [String] }) failed!: string[];
}
