import { chineseDaysSnapshot } from '../../../calendar/src';
import { withYearSchedule, type CalendarSnapshot } from '../../../calendar/src/core';
import { CalendarYearRecord } from '../entities';
import type { Db } from './db';

/** The years an administrator loaded, in order: applied over the bundled calendar. */
export function storedYears(db: Db): Promise<CalendarYearRecord[]> {
  return db.getRepository(CalendarYearRecord).find({ order: { year: 'ASC' } });
}

/** Stores (or replaces) a year's schedule. */
export async function saveYear(
  db: Db,
  year: Pick<CalendarYearRecord, 'year' | 'holidays' | 'workdays' | 'official'>,
  updatedBy: string,
): Promise<void> {
  await db
    .getRepository(CalendarYearRecord)
    .upsert({ ...year, updatedBy, updatedAt: new Date() }, ['year']);
}

/**
 * The calendar in force: mainland China from `chinese-days` (`bundled`), with the years an
 * administrator loaded applied over it, in order.
 */
export async function calendarInForce(
  db: Db,
  bundled: CalendarSnapshot = chineseDaysSnapshot(),
): Promise<CalendarSnapshot> {
  let s = bundled;
  for (const y of await storedYears(db)) s = withYearSchedule(s, y, `${bundled.source}+admin`);
  return s;
}
