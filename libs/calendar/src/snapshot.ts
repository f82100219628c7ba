import { parseDate } from './civil-date';
import { CalendarError } from './errors';
import { sha256Hex } from './sha256';
import { FIXED_OFFSET_SINCE_YEAR, utcOffsetMinutes } from './time-zone';

/*
 * A calendar snapshot is plain JSON: it can be stored, sent to a workflow as input or in a
 * signal, and turned back into a calendar with `WorkingDayCalendar.fromSnapshot`. Its `version`
 * is derived from everything that can change an answer, so equal data means equal versions and
 * any change (a newly published year, a regional override) means a new one.
 */

export const SNAPSHOT_SCHEMA = 1;

/**
 * The widest span of years one snapshot may cover: keeps memory small (under 1 MB per 100
 * years) and day indexes below 2^17, which unionWorkingDays relies on.
 */
export const MAX_SNAPSHOT_YEARS = 200;

export interface YearSchedule {
  year: number;
  /**
   * `true` once the year's schedule is published. Answers touching a year that is not official
   * — or that has no entry at all — are `provisional`.
   */
  official: boolean;
  /** Days off (`YYYY-MM-DD`, ascending). Weekend days inside a holiday period may be listed. */
  holidays: string[];
  /** Make-up working days (调休, `YYYY-MM-DD`, ascending): weekend days that are worked. */
  workdays: string[];
}

/** A region's own days, applied on top of the national schedule and taking precedence over it. */
export interface RegionOverrides {
  /** Extra days off (`YYYY-MM-DD`, ascending). */
  closures: string[];
  /** Extra working days (`YYYY-MM-DD`, ascending). */
  workdays: string[];
}

export interface CalendarSnapshot {
  schema: typeof SNAPSHOT_SCHEMA;
  /** `CN` for the national calendar; a region with overrides uses its own code, e.g. `CN-44`. */
  region: string;
  /** IANA zone in which dates are read; must have a fixed offset (see time-zone.ts). */
  timeZone: string;
  /** Supported dates are `firstYear-01-01` … `lastYear-12-31`. */
  firstYear: number;
  lastYear: number;
  /** Years with data, ascending. A year in range without an entry counts weekends only. */
  years: YearSchedule[];
  overrides: RegionOverrides;
  /** Where the data came from (e.g. `chinese-days@1.5.7`). Provenance only: not in the version. */
  source: string;
  /** `<region>:<last official year>:<16 hex of SHA-256 of the content>`. */
  version: string;
}

/** What a caller supplies; `createSnapshot` sorts, de-duplicates, validates and versions it. */
export interface SnapshotInput {
  region: string;
  timeZone: string;
  firstYear: number;
  lastYear: number;
  years: YearSchedule[];
  overrides?: RegionOverrides;
  source: string;
}

function invalid(argument: string, reason: string): CalendarError {
  return new CalendarError('INVALID_SNAPSHOT', argument, reason);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The exact text hashed into the version: everything that can change an answer, in fixed order. */
function canonicalContent(snapshot: Omit<CalendarSnapshot, 'version' | 'source'>): string {
  return JSON.stringify([
    snapshot.schema,
    snapshot.region,
    snapshot.timeZone,
    snapshot.firstYear,
    snapshot.lastYear,
    snapshot.years.map((y) => [y.year, y.official, y.holidays, y.workdays]),
    [snapshot.overrides.closures, snapshot.overrides.workdays],
  ]);
}

export function snapshotVersion(snapshot: Omit<CalendarSnapshot, 'version' | 'source'>): string {
  const official = snapshot.years.filter((y) => y.official).map((y) => y.year);
  const lastOfficial = official.length > 0 ? String(Math.max(...official)) : 'none';
  return `${snapshot.region}:${lastOfficial}:${sha256Hex(canonicalContent(snapshot)).slice(0, 16)}`;
}

/** Re-raises a date or time-zone error found inside a snapshot as an `INVALID_SNAPSHOT` one. */
function asSnapshotError<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof CalendarError) throw invalid(error.argument, error.reason);
    throw error;
  }
}

function checkDateList(
  value: unknown,
  argument: string,
  firstYear: number,
  lastYear: number,
): string[] {
  if (!Array.isArray(value)) throw invalid(argument, 'expected an array of YYYY-MM-DD strings');
  const dates = value as unknown[];
  dates.forEach((date, i) => {
    const where = `${argument}[${i}]`;
    asSnapshotError(() => parseDate(date, where));
    const year = Number((date as string).slice(0, 4));
    if (year < firstYear || year > lastYear) {
      throw invalid(where, `${date as string} is outside the years ${firstYear}–${lastYear}`);
    }
    if (i > 0 && (dates[i - 1] as string) >= (date as string)) {
      throw invalid(where, 'dates must be in strictly ascending order (sorted, no duplicates)');
    }
  });
  return dates as string[];
}

function checkDisjoint(a: string[], b: string[], argument: string, what: string): void {
  const inA = new Set(a);
  const both = b.find((date) => inA.has(date));
  if (both !== undefined) throw invalid(argument, `${both} is listed as ${what}`);
}

function checkInteger(value: unknown, argument: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw invalid(argument, `expected an integer year, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Checks everything but the version. */
function checkContent(value: unknown): asserts value is Omit<CalendarSnapshot, 'version'> {
  if (!isRecord(value)) throw invalid('snapshot', 'expected an object');
  if (value.schema !== SNAPSHOT_SCHEMA) {
    throw invalid(
      'snapshot.schema',
      `expected ${SNAPSHOT_SCHEMA}, got ${JSON.stringify(value.schema)}`,
    );
  }
  if (typeof value.region !== 'string' || value.region.trim() === '') {
    throw invalid('snapshot.region', 'expected a non-empty string');
  }
  if (typeof value.timeZone !== 'string') throw invalid('snapshot.timeZone', 'expected a string');
  asSnapshotError(() => utcOffsetMinutes(value.timeZone as string, 'snapshot.timeZone'));
  const firstYear = checkInteger(value.firstYear, 'snapshot.firstYear');
  const lastYear = checkInteger(value.lastYear, 'snapshot.lastYear');
  if (firstYear < FIXED_OFFSET_SINCE_YEAR) {
    throw invalid(
      'snapshot.firstYear',
      `must be ${FIXED_OFFSET_SINCE_YEAR} or later, got ${firstYear}`,
    );
  }
  const maxLastYear = Math.min(9999, firstYear + MAX_SNAPSHOT_YEARS - 1);
  if (lastYear < firstYear || lastYear > maxLastYear) {
    throw invalid(
      'snapshot.lastYear',
      `must be between ${firstYear} and ${maxLastYear}, got ${lastYear}`,
    );
  }
  if (!Array.isArray(value.years)) throw invalid('snapshot.years', 'expected an array');
  const years = value.years as unknown[];
  years.forEach((entry, i) => {
    const where = `snapshot.years[${i}]`;
    if (!isRecord(entry)) throw invalid(where, 'expected an object');
    const year = checkInteger(entry.year, `${where}.year`);
    if (year < firstYear || year > lastYear) {
      throw invalid(`${where}.year`, `${year} is outside the years ${firstYear}–${lastYear}`);
    }
    const previous = i > 0 ? (years[i - 1] as YearSchedule) : undefined;
    if (previous && previous.year >= year) {
      throw invalid(`${where}.year`, 'years must be in strictly ascending order (no duplicates)');
    }
    if (typeof entry.official !== 'boolean')
      throw invalid(`${where}.official`, 'expected a boolean');
    const holidays = checkDateList(entry.holidays, `${where}.holidays`, year, year);
    const workdays = checkDateList(entry.workdays, `${where}.workdays`, year, year);
    checkDisjoint(
      holidays,
      workdays,
      `${where}.workdays`,
      'both a holiday and a make-up working day',
    );
  });
  if (!isRecord(value.overrides)) throw invalid('snapshot.overrides', 'expected an object');
  const closures = checkDateList(
    value.overrides.closures,
    'snapshot.overrides.closures',
    firstYear,
    lastYear,
  );
  const extra = checkDateList(
    value.overrides.workdays,
    'snapshot.overrides.workdays',
    firstYear,
    lastYear,
  );
  checkDisjoint(closures, extra, 'snapshot.overrides.workdays', 'both a closure and a working day');
  if (typeof value.source !== 'string') throw invalid('snapshot.source', 'expected a string');
}

/**
 * Throws an `INVALID_SNAPSHOT` error naming the offending field unless `value` is a well-formed
 * snapshot whose version matches its content.
 */
export function validateSnapshot(value: unknown): asserts value is CalendarSnapshot {
  checkContent(value);
  const expected = snapshotVersion(value);
  const actual = (value as { version?: unknown }).version;
  if (actual !== expected) {
    throw invalid(
      'snapshot.version',
      `${JSON.stringify(actual)} does not match the content (expected ${expected}); ` +
        'build snapshots with createSnapshot, withYearSchedule or withRegionOverrides',
    );
  }
}

function canonicalDates(dates: string[]): string[] {
  // Non-arrays pass through untouched so that validation reports them by name.
  return Array.isArray(dates) ? [...new Set(dates)].sort() : dates;
}

/** Sorts and de-duplicates the input's dates, drops empty unofficial years, validates, versions. */
export function createSnapshot(input: SnapshotInput): CalendarSnapshot {
  const years = Array.isArray(input.years)
    ? [...input.years]
        .filter(
          (y) => !isRecord(y) || y.official || y.holidays?.length > 0 || y.workdays?.length > 0,
        )
        .sort((a, b) => a.year - b.year)
        .map((y) =>
          isRecord(y)
            ? {
                year: y.year,
                official: y.official,
                holidays: canonicalDates(y.holidays),
                workdays: canonicalDates(y.workdays),
              }
            : y,
        )
    : input.years;
  const content = {
    schema: SNAPSHOT_SCHEMA,
    region: input.region,
    timeZone: input.timeZone,
    firstYear: input.firstYear,
    lastYear: input.lastYear,
    years,
    overrides: {
      closures: canonicalDates(input.overrides?.closures ?? []),
      workdays: canonicalDates(input.overrides?.workdays ?? []),
    },
    source: input.source,
  };
  checkContent(content);
  return { ...content, version: snapshotVersion(content) };
}

/**
 * A new snapshot in which `schedule` replaces whatever the snapshot held for that year — how a
 * newly published year (official by default) or a corrected one is loaded. The version changes
 * whenever the answers can.
 */
export function withYearSchedule(
  snapshot: CalendarSnapshot,
  schedule: { year: number; holidays: string[]; workdays: string[]; official?: boolean },
  source: string = snapshot.source,
): CalendarSnapshot {
  validateSnapshot(snapshot);
  const year: YearSchedule = {
    year: schedule.year,
    official: schedule.official ?? true,
    holidays: schedule.holidays,
    workdays: schedule.workdays,
  };
  return createSnapshot({
    ...snapshot,
    years: [...snapshot.years.filter((y) => y.year !== schedule.year), year],
    source,
  });
}

/**
 * A new snapshot for `region`: the national schedule of `snapshot` with `overrides` as the
 * region's complete list of extra closures and extra working days (it replaces, not merges, any
 * overrides `snapshot` already had).
 */
export function withRegionOverrides(
  snapshot: CalendarSnapshot,
  region: string,
  overrides: RegionOverrides,
): CalendarSnapshot {
  validateSnapshot(snapshot);
  return createSnapshot({ ...snapshot, region, overrides });
}
