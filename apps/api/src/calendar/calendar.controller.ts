import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { CalendarService } from './calendar.service';
import {
  AddWorkingDaysDto,
  CalendarYearsDto,
  WorkingDaysDto,
  YearLoadedDto,
} from './dto/calendar.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

class RangeQuery {
  @ApiProperty({ type: String })
  @Matches(DATE, { message: 'from must be YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ type: String })
  @Matches(DATE, { message: 'to must be YYYY-MM-DD' })
  to!: string;
}

class AddQuery {
  @ApiProperty({ type: String })
  @Matches(DATE, { message: 'from must be YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 5000 })
  @Type(() => Number)
  @IsInt({ message: 'days must be a whole number' })
  @Min(0, { message: 'days must not be negative' })
  @Max(5000)
  days!: number;
}

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** Working days in (from, to], counted as the Licensing Law counts (art. 82). */
  @ApiOkResponse({ type: WorkingDaysDto })
  @Get('working-days')
  workingDays(@Query() q: RangeQuery) {
    const a = this.calendar.answer((c) => c.workingDaysBetween(q.from, q.to));
    return {
      from: q.from,
      to: q.to,
      workingDays: a.days,
      provisional: a.provisional,
      calendarVersion: a.calendarVersion,
    };
  }

  /** The N-th working day after `from`. */
  @ApiOkResponse({ type: AddWorkingDaysDto })
  @Get('add')
  add(@Query() q: AddQuery) {
    const a = this.calendar.answer((c) => c.addWorkingDays(q.from, q.days));
    return {
      from: q.from,
      days: q.days,
      date: a.date,
      provisional: a.provisional,
      calendarVersion: a.calendarVersion,
    };
  }
}

class YearScheduleDto {
  /** Days off (YYYY-MM-DD) of the year, weekend days of a holiday period may be listed. */
  @ApiProperty({ type: [String], maxItems: 366 })
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(DATE, { each: true, message: 'holidays: each must be YYYY-MM-DD' })
  holidays!: string[];

  /** Make-up working days (调休): weekend days that are worked. */
  @ApiProperty({ type: [String], maxItems: 366 })
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(DATE, { each: true, message: 'workdays: each must be YYYY-MM-DD' })
  workdays!: string[];

  /** `false` loads a draft (answers touching the year stay provisional). Default true. */
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @IsBoolean()
  official?: boolean;
}

class YearParam {
  @ApiProperty({ type: 'integer', minimum: 2004, maximum: 2099 })
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole number' })
  @Min(2004)
  @Max(2099)
  year!: number;
}

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar/years')
export class CalendarYearsController {
  constructor(private readonly calendar: CalendarService) {}

  @ApiOkResponse({ type: CalendarYearsDto })
  @Get()
  list() {
    return this.calendar.years();
  }

  /** Loads a year's official schedule; running projects are signalled and recount their clocks. */
  @ApiOkResponse({ type: YearLoadedDto })
  @Roles('ADMIN')
  @Put(':year')
  load(@CurrentUser() user: Principal, @Param() p: YearParam, @Body() body: YearScheduleDto) {
    return this.calendar.loadYear(user, p.year, body);
  }
}
