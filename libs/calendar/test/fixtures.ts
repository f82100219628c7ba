import { epochDayOf, formatEpochDay, isWeekend, parseDate } from '../src/civil-date';
import { chineseDaysSnapshot } from '../src/chinese-days-source';
import { type CalendarSnapshot, WorkingDayCalendar } from '../src/core';

export const snapshot = chineseDaysSnapshot();
export const calendar = WorkingDayCalendar.fromSnapshot(snapshot);

export const day = (date: string): number => parseDate(date, 'test');
export const date = (epochDay: number): string => formatEpochDay(epochDay);
export const FIRST_DAY = epochDayOf(2004, 1, 1);
export const LAST_DAY = epochDayOf(2099, 12, 31);

/**
 * The obvious day-by-day implementation, straight from the snapshot's lists: the model the
 * precomputed calendar must agree with.
 */
export class ReferenceCalendar {
  private readonly holidays: Set<string>;
  private readonly workdays: Set<string>;
  private readonly closures: Set<string>;
  private readonly extraWorkdays: Set<string>;
  private readonly official: Set<number>;

  constructor(s: CalendarSnapshot) {
    this.holidays = new Set(s.years.flatMap((y) => y.holidays));
    this.workdays = new Set(s.years.flatMap((y) => y.workdays));
    this.closures = new Set(s.overrides.closures);
    this.extraWorkdays = new Set(s.overrides.workdays);
    this.official = new Set(s.years.filter((y) => y.official).map((y) => y.year));
  }

  isWorking(d: number): boolean {
    const text = date(d);
    if (this.closures.has(text)) return false;
    if (this.extraWorkdays.has(text)) return true;
    if (this.workdays.has(text)) return true;
    if (this.holidays.has(text)) return false;
    return !isWeekend(d);
  }

  isProvisional(d: number): boolean {
    return !this.official.has(Number(date(d).slice(0, 4)));
  }

  between(a: number, b: number): { days: number; provisional: boolean } {
    let days = 0;
    let provisional = false;
    for (let d = a + 1; d <= b; d++) {
      if (this.isWorking(d)) days++;
      provisional ||= this.isProvisional(d);
    }
    return { days, provisional };
  }

  add(a: number, n: number): { day: number; provisional: boolean } {
    let d = a;
    let provisional = false;
    for (let left = n; left > 0;) {
      d++;
      provisional ||= this.isProvisional(d);
      if (this.isWorking(d)) left--;
    }
    return { day: d, provisional };
  }

  union(intervals: [number, number][]): number {
    const covered = new Set<number>();
    for (const [a, b] of intervals)
      for (let d = a + 1; d <= b; d++) if (this.isWorking(d)) covered.add(d);
    return covered.size;
  }
}
