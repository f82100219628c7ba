import type { WorkingDayCalendar } from './calendar';
import { formatEpochDay, parseDate } from './civil-date';

/**
 * The latest working day D with `n` working days in (D, today]: an item accepted on D has used
 * `n` of its days today (`n` = 0: the latest working day up to today). For tests, seeds and
 * benchmarks that place a project's acceptance in the past.
 */
export function workingDaysAgo(cal: WorkingDayCalendar, today: string, n: number): string {
  for (let day = parseDate(today, 'today'); ; day--) {
    const date = formatEpochDay(day);
    if (cal.isWorkingDay(date).working && cal.workingDaysBetween(date, today).days >= n)
      return date;
  }
}
