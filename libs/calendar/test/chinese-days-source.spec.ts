import { spawnSync } from 'node:child_process';
import {
  CHINESE_DAYS_FIRST_YEAR,
  CHINESE_DAYS_LAST_YEAR,
  chineseDaysSnapshot,
  chineseDaysYearSchedules,
} from '../src/chinese-days-source';
import { CalendarError, WorkingDayCalendar } from '../src/core';
import { calendar, date, day } from './fixtures';

/**
 * `isWorkday` from chinese-days for every day of 2004–2027, computed in a child process with
 * TZ=UTC: the package builds its tables and reads weekdays in the machine's local zone, and is
 * wrong west of UTC (in America/Los_Angeles it calls Monday 2026-03-02 a day off).
 */
function chineseDaysIsWorkday(first: string, last: string): string {
  const script = `
    const { isWorkday } = require('chinese-days');
    let out = '';
    for (let t = Date.parse('${first}'); t <= Date.parse('${last}'); t += 86400000) {
      out += isWorkday(new Date(t).toISOString().slice(0, 10)) ? '1' : '0';
    }
    process.stdout.write(out);
  `;
  const result = spawnSync(process.execPath, ['-e', script], {
    env: { ...process.env, TZ: 'UTC' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

describe('the chinese-days source', () => {
  it('has official schedules for 2004–2026 and nothing later (chinese-days 1.5.7)', () => {
    expect(CHINESE_DAYS_FIRST_YEAR).toBe(2004);
    expect(CHINESE_DAYS_LAST_YEAR).toBe(2026);
    const years = chineseDaysYearSchedules();
    expect(years.map((y) => y.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(years.every((y) => y.official)).toBe(true);
    expect(calendar.officialYears).toEqual(years.map((y) => y.year));
  });

  it('carries the 2026 schedule as published', () => {
    const y2026 = chineseDaysYearSchedules().find((y) => y.year === 2026);
    expect(y2026?.workdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(y2026?.holidays.filter((d) => d.startsWith('2026-02'))).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(y2026?.holidays).toHaveLength(33);
  });

  it("agrees with chinese-days's own isWorkday on every day of 2004–2027", () => {
    const expected = chineseDaysIsWorkday('2004-01-01', '2027-12-31');
    let ours = '';
    for (let d = day('2004-01-01'); d <= day('2027-12-31'); d++) {
      ours += calendar.isWorkingDay(date(d)).working ? '1' : '0';
    }
    expect(ours.length).toBe(expected.length);
    const firstDifference = [...ours].findIndex((c, i) => c !== expected[i]);
    expect(firstDifference === -1 ? 'none' : date(day('2004-01-01') + firstDifference)).toBe(
      'none',
    );
  });

  it('supports 2004–2099 by default, with every year after 2026 provisional', () => {
    expect(calendar.firstDate).toBe('2004-01-01');
    expect(calendar.lastDate).toBe('2099-12-31');
    expect(calendar.isProvisionalYear(2026)).toBe(false);
    expect(calendar.isProvisionalYear(2027)).toBe(true);
    expect(calendar.isProvisionalYear(2099)).toBe(true);
  });

  it('can cover fewer years, but none before its data starts', () => {
    const narrow = WorkingDayCalendar.fromSnapshot(
      chineseDaysSnapshot({ firstYear: 2024, lastYear: 2030 }),
    );
    expect(narrow.lastDate).toBe('2030-12-31');
    expect(narrow.workingDaysBetween('2026-02-13', '2026-02-28').days).toBe(6);
    expect(() => chineseDaysSnapshot({ firstYear: 2000 })).toThrow(CalendarError);
    expect(() => chineseDaysSnapshot({ firstYear: 2000 })).toThrow(
      /^options\.firstYear: must be a year from 2004/,
    );
  });
});
