import { BadRequestException, Injectable } from '@nestjs/common';
import {
  CalendarError,
  CalendarSnapshot,
  WorkingDayCalendar,
} from '../../../../libs/calendar/src/core';
import { chineseDaysSnapshot } from '../../../../libs/calendar/src';

/**
 * The working-day calendar in force. Today: mainland China from `chinese-days`; loading a newly
 * published year (admin endpoint, later) will replace the snapshot and signal running projects.
 */
@Injectable()
export class CalendarService {
  private snapshotValue: CalendarSnapshot = chineseDaysSnapshot();
  private readonly byVersion = new Map<string, WorkingDayCalendar>();

  get snapshot(): CalendarSnapshot {
    return this.snapshotValue;
  }

  get current(): WorkingDayCalendar {
    return this.forSnapshot(this.snapshotValue);
  }

  forSnapshot(s: CalendarSnapshot): WorkingDayCalendar {
    let cal = this.byVersion.get(s.version);
    if (!cal) this.byVersion.set(s.version, (cal = WorkingDayCalendar.fromSnapshot(s)));
    return cal;
  }

  today(): string {
    return this.current.localDate(Date.now());
  }

  /** Runs a calendar call, turning its typed refusals into a 400 naming the argument. */
  answer<T>(fn: (cal: WorkingDayCalendar) => T): T {
    try {
      return fn(this.current);
    } catch (err) {
      if (err instanceof CalendarError) throw new BadRequestException(err.message);
      throw err;
    }
  }
}
