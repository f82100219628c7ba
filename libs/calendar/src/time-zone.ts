import { epochDayOf, formatEpochDay, parseDate } from './civil-date';
import { CalendarError, describeValue } from './errors';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/**
 * Zones whose UTC offset is constant over every year a calendar can cover (1991 onwards), so
 * local dates are exact integer arithmetic — no tz database, no `Intl`, identical in the API and
 * in the workflow sandbox. China has had no daylight saving time since 1991; `Asia/Shanghai` is
 * UTC+08:00 throughout. A zone with DST would need a transition table and is refused here.
 */
const FIXED_UTC_OFFSET_MINUTES: ReadonlyMap<string, number> = new Map([['Asia/Shanghai', 480]]);

/** Earliest year for which the fixed offsets above hold. */
export const FIXED_OFFSET_SINCE_YEAR = 1992;

export function supportedTimeZones(): string[] {
  return [...FIXED_UTC_OFFSET_MINUTES.keys()];
}

export function utcOffsetMinutes(timeZone: string, argument = 'timeZone'): number {
  const offset = FIXED_UTC_OFFSET_MINUTES.get(timeZone);
  if (offset === undefined) {
    throw new CalendarError(
      'UNSUPPORTED_TIME_ZONE',
      argument,
      `${JSON.stringify(timeZone)} is not supported; supported: ${supportedTimeZones().join(', ')}`,
    );
  }
  return offset;
}

function instantMillis(instant: unknown, argument: string): number {
  const ms = instant instanceof Date ? instant.getTime() : instant;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new CalendarError(
      'INVALID_INSTANT',
      argument,
      `expected epoch milliseconds or a valid Date, got ${
        instant instanceof Date ? 'an invalid Date' : describeValue(instant)
      }`,
    );
  }
  return ms;
}

/** Epoch day of the local date of an instant in `timeZone`. */
export function localEpochDayOf(
  instant: number | Date,
  timeZone: string,
  argument = 'instant',
): number {
  const ms = instantMillis(instant, argument);
  return Math.floor((ms + utcOffsetMinutes(timeZone) * MS_PER_MINUTE) / MS_PER_DAY);
}

const MIN_FORMATTABLE_DAY = epochDayOf(0, 1, 1);
const MAX_FORMATTABLE_DAY = epochDayOf(9999, 12, 31);

/**
 * The `YYYY-MM-DD` date an instant falls on in `timeZone` — never the machine's zone.
 * `instantToLocalDate(Date.parse('2026-02-27T16:30:00Z'), 'Asia/Shanghai') === '2026-02-28'`.
 */
export function instantToLocalDate(
  instant: number | Date,
  timeZone: string,
  argument = 'instant',
): string {
  const day = localEpochDayOf(instant, timeZone, argument);
  if (day < MIN_FORMATTABLE_DAY || day > MAX_FORMATTABLE_DAY) {
    throw new CalendarError('INVALID_INSTANT', argument, 'falls outside the years 0000–9999');
  }
  return formatEpochDay(day);
}

/** Epoch ms of the first millisecond (00:00:00.000) of epoch day `day` in `timeZone`. */
export function startOfLocalEpochDay(day: number, timeZone: string): number {
  return day * MS_PER_DAY - utcOffsetMinutes(timeZone) * MS_PER_MINUTE;
}

/**
 * Epoch ms of the last millisecond (23:59:59.999) of `date` in `timeZone` — when a timer that
 * fires "at the end of the working day" should fire.
 */
export function endOfLocalDay(date: string, timeZone: string, argument = 'date'): number {
  return startOfLocalEpochDay(parseDate(date, argument) + 1, timeZone) - 1;
}
