import { CalendarError, describeValue } from './errors';

/*
 * Calendar dates as integer "epoch days" (days since 1970-01-01, proleptic Gregorian). All date
 * math is integer math on these numbers: nothing here reads the machine's clock or time zone,
 * which is what lets the calendar run inside Temporal workflow code.
 */

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Epoch day of a valid year/month/day (H. Hinnant's days_from_civil). */
export function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month (1–12) and day of an epoch day (H. Hinnant's civil_from_days). */
export function civilOf(epochDay: number): { year: number; month: number; day: number } {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOf(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

export function isWeekend(epochDay: number): boolean {
  const w = weekdayOf(epochDay);
  return w === 0 || w === 6;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `YYYY-MM-DD` for years 0000–9999. */
export function formatEpochDay(epochDay: number): string {
  const { year, month, day } = civilOf(epochDay);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Value of `count` ASCII digits at `start`, or -1 if any of them is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Parses a strict `YYYY-MM-DD` string into an epoch day. Anything else — other separators, a
 * time part, `2026-2-3`, `2026-02-30` — is an `INVALID_DATE` error naming `argument`.
 */
export function parseDate(value: unknown, argument: string): number {
  if (
    typeof value !== 'string' ||
    value.length !== 10 ||
    value.charCodeAt(4) !== 45 ||
    value.charCodeAt(7) !== 45
  ) {
    throw new CalendarError(
      'INVALID_DATE',
      argument,
      `expected a date as a YYYY-MM-DD string, got ${describeValue(value)}`,
    );
  }
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 0 || month < 0 || day < 0) {
    throw new CalendarError(
      'INVALID_DATE',
      argument,
      `expected a date as a YYYY-MM-DD string, got ${describeValue(value)}`,
    );
  }
  if (month < 1 || month > 12) {
    throw new CalendarError(
      'INVALID_DATE',
      argument,
      `${describeValue(value)} is not a real date: there is no month ${month}`,
    );
  }
  const monthLength = daysInMonth(year, month);
  if (day < 1 || day > monthLength) {
    throw new CalendarError(
      'INVALID_DATE',
      argument,
      `${describeValue(value)} is not a real date: ${MONTH_NAMES[month - 1]} ${year} has days 1 to ${monthLength}`,
    );
  }
  return epochDayOf(year, month, day);
}
