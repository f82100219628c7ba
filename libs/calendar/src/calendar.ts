import { epochDayOf, formatEpochDay, isWeekend, parseDate } from './civil-date';
import { CalendarError, describeValue } from './errors';
import { type CalendarSnapshot, validateSnapshot } from './snapshot';
import { localEpochDayOf, startOfLocalEpochDay } from './time-zone';

/*
 * The working-day calendar. Counting rule (Administrative Licensing Law art. 82): the day a
 * period starts is not counted, so a clock running from A to B has used the working days in
 * (A, B], and a limit of N working days from A ends on the N-th working day after A.
 *
 * Everything is precomputed once per snapshot into flat arrays indexed by "day index" (days
 * since firstYear-01-01), so every query is O(1) apart from parsing its arguments:
 *   - workedBefore[i]  working days with index < i          → counts in (a, b]
 *   - nthWorkingDay[k] index of the k-th working day (0-based) → addWorkingDays
 *   - provisionalBefore[i] days in provisional years, index < i → the `provisional` flag
 */

/** Why a day is, or is not, a working day. Later entries in the list override earlier ones. */
export type DayKind =
  | 'weekday'
  | 'weekend'
  /** A public holiday of the national schedule. */
  | 'holiday'
  /** A weekend day worked to make up for a holiday (调休). */
  | 'make-up-workday'
  /** A region's own extra day off. */
  | 'regional-closure'
  /** A region's own extra working day. */
  | 'regional-workday';

const KINDS: readonly DayKind[] = [
  'weekday',
  'weekend',
  'holiday',
  'make-up-workday',
  'regional-closure',
  'regional-workday',
];
const WORKING_KINDS: ReadonlySet<DayKind> = new Set<DayKind>([
  'weekday',
  'make-up-workday',
  'regional-workday',
]);

export interface CalendarAnswer {
  /** True when any day the answer depends on lies in a year whose schedule is not official. */
  provisional: boolean;
  /** `version` of the snapshot the answer was computed with. */
  calendarVersion: string;
}

export interface WorkingDayAnswer extends CalendarAnswer {
  date: string;
  working: boolean;
  kind: DayKind;
}

export interface DateAnswer extends CalendarAnswer {
  date: string;
}

export interface CountAnswer extends CalendarAnswer {
  days: number;
}

/** The half-open interval (from, to]: `from` itself is not counted, `to` is. */
export interface DateInterval {
  from: string;
  to: string;
}

/** Packs a span's start and end day indexes into one sortable number (see unionWorkingDays). */
const SPAN_SHIFT = 2 ** 17;

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

export class WorkingDayCalendar {
  readonly version: string;
  readonly region: string;
  readonly timeZone: string;
  /** First and last supported dates; anything outside is a `DATE_OUT_OF_RANGE` error. */
  readonly firstDate: string;
  readonly lastDate: string;
  readonly firstYear: number;
  readonly lastYear: number;
  /** Years whose schedule is official; every other supported year is provisional. */
  readonly officialYears: readonly number[];

  private readonly baseDay: number;
  private readonly dayCount: number;
  private readonly kinds: Uint8Array;
  private readonly workedBefore: Int32Array;
  private readonly nthWorkingDay: Int32Array;
  private readonly provisionalBefore: Int32Array;
  /** Formatted dates of day indexes, filled on first use. */
  private readonly dateText: (string | undefined)[];

  /** Validates the snapshot (including that its version matches its content) and indexes it. */
  static fromSnapshot(snapshot: CalendarSnapshot): WorkingDayCalendar {
    return new WorkingDayCalendar(snapshot);
  }

  private constructor(snapshot: CalendarSnapshot) {
    validateSnapshot(snapshot);
    this.version = snapshot.version;
    this.region = snapshot.region;
    this.timeZone = snapshot.timeZone;
    this.firstYear = snapshot.firstYear;
    this.lastYear = snapshot.lastYear;
    this.firstDate = `${snapshot.firstYear}-01-01`;
    this.lastDate = `${snapshot.lastYear}-12-31`;
    this.officialYears = snapshot.years.filter((y) => y.official).map((y) => y.year);

    const base = epochDayOf(snapshot.firstYear, 1, 1);
    const count = epochDayOf(snapshot.lastYear, 12, 31) - base + 1;
    this.baseDay = base;
    this.dayCount = count;
    this.dateText = new Array<string | undefined>(count);

    const kinds = new Uint8Array(count);
    for (let i = 0; i < count; i++) kinds[i] = isWeekend(base + i) ? 1 : 0;
    const mark = (dates: readonly string[], kind: DayKind): void => {
      const code = KINDS.indexOf(kind);
      for (const date of dates) kinds[parseDate(date, 'snapshot') - base] = code;
    };
    for (const year of snapshot.years) {
      mark(year.holidays, 'holiday');
      mark(year.workdays, 'make-up-workday');
    }
    mark(snapshot.overrides.closures, 'regional-closure');
    mark(snapshot.overrides.workdays, 'regional-workday');
    this.kinds = kinds;

    const official = new Set(this.officialYears);
    const workingCode = KINDS.map((kind) => (WORKING_KINDS.has(kind) ? 1 : 0));
    const workedBefore = new Int32Array(count + 1);
    const provisionalBefore = new Int32Array(count + 1);
    const working = new Int32Array(count);
    let worked = 0;
    let provisional = 0;
    for (let year = snapshot.firstYear; year <= snapshot.lastYear; year++) {
      const yearIsProvisional = official.has(year) ? 0 : 1;
      const end = epochDayOf(year + 1, 1, 1) - base;
      for (let i = epochDayOf(year, 1, 1) - base; i < end; i++) {
        if (workingCode[kinds[i]] === 1) working[worked++] = i;
        workedBefore[i + 1] = worked;
        provisional += yearIsProvisional;
        provisionalBefore[i + 1] = provisional;
      }
    }
    this.workedBefore = workedBefore;
    this.provisionalBefore = provisionalBefore;
    this.nthWorkingDay = working.slice(0, worked);
  }

  /** Day index of a `YYYY-MM-DD` argument, or a typed error naming it. */
  private indexOf(date: unknown, argument: string): number {
    const index = parseDate(date, argument) - this.baseDay;
    if (index < 0 || index >= this.dayCount) {
      throw new CalendarError(
        'DATE_OUT_OF_RANGE',
        argument,
        `${date as string} is outside the supported range ${this.firstDate} to ${this.lastDate}`,
      );
    }
    return index;
  }

  /** `indexOf` for `intervals[position][field]`, naming it only when it is wrong. */
  private intervalIndex(date: unknown, position: number, field: 'from' | 'to'): number {
    try {
      return this.indexOf(date, field);
    } catch (error) {
      if (!(error instanceof CalendarError)) throw error;
      throw new CalendarError(error.code, `intervals[${position}].${field}`, error.reason);
    }
  }

  private textOf(index: number): string {
    return (this.dateText[index] ??= formatEpochDay(this.baseDay + index));
  }

  /** Whether any day with index in (a, b] lies in a provisional year. */
  private provisionalIn(a: number, b: number): boolean {
    return this.provisionalBefore[b + 1] - this.provisionalBefore[a + 1] > 0;
  }

  isWorkingDay(date: string): WorkingDayAnswer {
    const i = this.indexOf(date, 'date');
    const kind = KINDS[this.kinds[i]];
    return {
      date,
      working: this.workedBefore[i + 1] > this.workedBefore[i],
      kind,
      provisional: this.provisionalIn(i - 1, i),
      calendarVersion: this.version,
    };
  }

  /**
   * The n-th working day after `from` (`from` itself is not counted, whatever kind of day it
   * is); `n = 0` returns `from`. `provisional` when any day in (from, result] is provisional.
   */
  addWorkingDays(from: string, n: number): DateAnswer {
    const a = this.indexOf(from, 'from');
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      throw new CalendarError(
        'INVALID_COUNT',
        'n',
        `expected a whole number of working days ≥ 0, got ${typeof n === 'number' ? n : describeValue(n)}`,
      );
    }
    if (n === 0) return { date: from, provisional: false, calendarVersion: this.version };
    const k = this.workedBefore[a + 1] + n - 1;
    if (k >= this.nthWorkingDay.length) {
      throw new CalendarError(
        'DATE_OUT_OF_RANGE',
        'n',
        `the ${ordinal(n)} working day after ${from} falls after ${this.lastDate}, ` +
          'the end of the supported range',
      );
    }
    const b = this.nthWorkingDay[k];
    return {
      date: this.textOf(b),
      provisional: this.provisionalIn(a, b),
      calendarVersion: this.version,
    };
  }

  /** The number of working days in (from, to]; 0 when `to <= from`. */
  workingDaysBetween(from: string, to: string): CountAnswer {
    const a = this.indexOf(from, 'from');
    const b = this.indexOf(to, 'to');
    if (b <= a) return { days: 0, provisional: false, calendarVersion: this.version };
    return {
      days: this.workedBefore[b + 1] - this.workedBefore[a + 1],
      provisional: this.provisionalIn(a, b),
      calendarVersion: this.version,
    };
  }

  /**
   * The number of working days covered by the union of the intervals (from, to] — the project
   * clock, on which parallel items share days. An interval with `to === from` is empty; one with
   * `to < from` is an `INVALID_INTERVAL` error. O(k log k) for k intervals.
   */
  unionWorkingDays(intervals: readonly DateInterval[]): CountAnswer {
    if (!Array.isArray(intervals)) {
      throw new CalendarError('INVALID_INTERVAL', 'intervals', 'expected an array of { from, to }');
    }
    // Each non-empty span packed as start * 2^17 + end (day indexes < 2^17), so a typed-array
    // sort orders them by start without a comparator.
    const spans = new Float64Array(intervals.length);
    let count = 0;
    for (let i = 0; i < intervals.length; i++) {
      const interval: unknown = intervals[i];
      if (typeof interval !== 'object' || interval === null) {
        throw new CalendarError('INVALID_INTERVAL', `intervals[${i}]`, 'expected { from, to }');
      }
      const { from, to } = interval as Partial<DateInterval>;
      const a = this.intervalIndex(from, i, 'from');
      const b = this.intervalIndex(to, i, 'to');
      if (b < a) {
        throw new CalendarError(
          'INVALID_INTERVAL',
          `intervals[${i}]`,
          `ends (${to}) before it starts (${from})`,
        );
      }
      if (b > a) spans[count++] = a * SPAN_SHIFT + b;
    }
    const sorted = spans.subarray(0, count).sort();

    let days = 0;
    let provisional = false;
    let i = 0;
    while (i < count) {
      const start = Math.floor(sorted[i] / SPAN_SHIFT);
      let end = sorted[i] % SPAN_SHIFT;
      // (a, b] and (c, d] with c <= b overlap or touch: together they are (a, max(b, d)].
      while (++i < count && Math.floor(sorted[i] / SPAN_SHIFT) <= end) {
        end = Math.max(end, sorted[i] % SPAN_SHIFT);
      }
      days += this.workedBefore[end + 1] - this.workedBefore[start + 1];
      provisional ||= this.provisionalIn(start, end);
    }
    return { days, provisional, calendarVersion: this.version };
  }

  /** True when `year`'s schedule is not official (answers touching it are provisional). */
  isProvisionalYear(year: number): boolean {
    if (!Number.isInteger(year) || year < this.firstYear || year > this.lastYear) {
      throw new CalendarError(
        'DATE_OUT_OF_RANGE',
        'year',
        `${year} is outside the supported years ${this.firstYear}–${this.lastYear}`,
      );
    }
    return !this.officialYears.includes(year);
  }

  /** The date an instant falls on in the calendar's time zone (never the machine's). */
  localDate(instant: number | Date): string {
    const index = localEpochDayOf(instant, this.timeZone) - this.baseDay;
    if (index < 0 || index >= this.dayCount) {
      throw new CalendarError(
        'DATE_OUT_OF_RANGE',
        'instant',
        `falls outside the supported range ${this.firstDate} to ${this.lastDate} in ${this.timeZone}`,
      );
    }
    return this.textOf(index);
  }

  /** Epoch ms of 00:00:00.000 on `date` in the calendar's time zone. */
  startOfDay(date: string): number {
    return startOfLocalEpochDay(this.baseDay + this.indexOf(date, 'date'), this.timeZone);
  }

  /**
   * Epoch ms of 23:59:59.999 on `date` in the calendar's time zone: when a timer for "the end
   * of the working day" fires. `2026-02-27` → `2026-02-27T23:59:59.999+08:00`.
   */
  endOfDay(date: string): number {
    return startOfLocalEpochDay(this.baseDay + this.indexOf(date, 'date') + 1, this.timeZone) - 1;
  }
}
