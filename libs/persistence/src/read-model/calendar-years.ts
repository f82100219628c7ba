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
