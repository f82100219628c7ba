import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { version as chineseDaysVersion } from 'chinese-days/package.json';
import { CalendarError } from './errors';
import { type CalendarSnapshot, createSnapshot, type YearSchedule } from './snapshot';

/*
 * Node-side only: builds the mainland China snapshot from the `chinese-days` package. Workflow
 * code must not import this module (it pulls in the package's data); it imports ./core and gets
 * the snapshot as data.
 *
 * We read the package's published JSON (`dist/chinese-days.json`: holidays and make-up working
 * days by date) rather than calling its `isWorkday`, which decides weekends with the machine's
 * local time zone and gives wrong answers west of UTC.
 */

interface ChineseDaysData {
  /** `YYYY-MM-DD` → `"Spring Festival,春节,4"` */
  holidays: Record<string, string>;
  /** Make-up working days (调休). */
  workdays: Record<string, string>;
}

const DATA: ChineseDaysData = chineseDaysData;

export const MAINLAND_CHINA_REGION = 'CN';
export const MAINLAND_CHINA_TIME_ZONE = 'Asia/Shanghai';
export const CHINESE_DAYS_SOURCE = `chinese-days@${chineseDaysVersion}`;

/**
 * Default last supported year: far enough that no realistic deadline runs out of range, every
 * year after the data is provisional (weekends only).
 */
export const DEFAULT_LAST_YEAR = 2099;

/** Official national schedules, one per year the package has data for, ascending. */
export function chineseDaysYearSchedules(): YearSchedule[] {
  const byYear = new Map<number, YearSchedule>();
  const entry = (date: string): YearSchedule => {
    const year = Number(date.slice(0, 4));
    let schedule = byYear.get(year);
    if (!schedule) {
      schedule = { year, official: true, holidays: [], workdays: [] };
      byYear.set(year, schedule);
    }
    return schedule;
  };
  for (const date of Object.keys(DATA.holidays)) entry(date).holidays.push(date);
  for (const date of Object.keys(DATA.workdays)) entry(date).workdays.push(date);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** First year `chinese-days` has data for (2004 in 1.5.7). */
export const CHINESE_DAYS_FIRST_YEAR = chineseDaysYearSchedules()[0].year;
/** Last year with an official schedule in the installed `chinese-days` (2026 in 1.5.7). */
export const CHINESE_DAYS_LAST_YEAR = chineseDaysYearSchedules().slice(-1)[0].year;

export interface ChineseDaysSnapshotOptions {
  /** Default and minimum: the first year with data; earlier years' holidays are unknown. */
  firstYear?: number;
  /** Default `DEFAULT_LAST_YEAR`. Years after the data are provisional. */
  lastYear?: number;
}

/** The national mainland China calendar snapshot from the installed `chinese-days`. */
export function chineseDaysSnapshot(options: ChineseDaysSnapshotOptions = {}): CalendarSnapshot {
  const firstYear = options.firstYear ?? CHINESE_DAYS_FIRST_YEAR;
  const lastYear = options.lastYear ?? DEFAULT_LAST_YEAR;
  if (!Number.isInteger(firstYear) || firstYear < CHINESE_DAYS_FIRST_YEAR) {
    throw new CalendarError(
      'INVALID_SNAPSHOT',
      'options.firstYear',
      `must be a year from ${CHINESE_DAYS_FIRST_YEAR} (the first year ${CHINESE_DAYS_SOURCE} has data for), got ${firstYear}`,
    );
  }
  return createSnapshot({
    region: MAINLAND_CHINA_REGION,
    timeZone: MAINLAND_CHINA_TIME_ZONE,
    firstYear,
    lastYear,
    years: chineseDaysYearSchedules().filter((y) => y.year >= firstYear && y.year <= lastYear),
    source: CHINESE_DAYS_SOURCE,
  });
}
