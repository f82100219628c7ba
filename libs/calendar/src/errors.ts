export type CalendarErrorCode =
  /** Not a `YYYY-MM-DD` string, or a date that does not exist (`2026-02-30`). */
  | 'INVALID_DATE'
  /** A well-formed date (or a computed result) outside the calendar's supported years. */
  | 'DATE_OUT_OF_RANGE'
  /** A working-day count that is negative, fractional or not a number. */
  | 'INVALID_COUNT'
  /** An interval whose end precedes its start, or that is not `{ from, to }`. */
  | 'INVALID_INTERVAL'
  /** An instant that is not a finite epoch-millisecond number or a valid Date. */
  | 'INVALID_INSTANT'
  /** A time zone the calendar cannot do exact arithmetic for. */
  | 'UNSUPPORTED_TIME_ZONE'
  /** A snapshot that is malformed, inconsistent, or whose version does not match its content. */
  | 'INVALID_SNAPSHOT';

/**
 * The only error the calendar throws. The message always starts with the argument that caused
 * it (`from`, `n`, `intervals[2].to`, `snapshot.years[3].holidays[0]` …), then the reason, so an
 * API can pass it to the caller as-is (400) and a workflow can turn it into a non-retryable
 * failure without parsing text.
 */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';

  constructor(
    readonly code: CalendarErrorCode,
    readonly argument: string,
    readonly reason: string,
  ) {
    super(`${argument}: ${reason}`);
  }
}

/** How a rejected argument is shown in a message: strings quoted, other types named. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return String(value);
  if (value instanceof Date) return 'a Date object';
  if (typeof value === 'number') return `the number ${value}`;
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
