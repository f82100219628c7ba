import { Controller, Get, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { CalendarService } from './calendar.service';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

class RangeQuery {
  @Matches(DATE, { message: 'from must be YYYY-MM-DD' })
  from!: string;

  @Matches(DATE, { message: 'to must be YYYY-MM-DD' })
  to!: string;
}

class AddQuery {
  @Matches(DATE, { message: 'from must be YYYY-MM-DD' })
  from!: string;

  @Type(() => Number)
  @IsInt({ message: 'days must be a whole number' })
  @Min(0, { message: 'days must not be negative' })
  @Max(5000)
  days!: number;
}

@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** Working days in (from, to], counted as the Licensing Law counts (art. 82). */
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
