import { CalendarError, type CalendarErrorCode } from '../src/core';
import { calendar } from './fixtures';

function errorOf(call: () => unknown): CalendarError {
  try {
    call();
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
  throw new Error('expected a CalendarError, nothing was thrown');
}

function expectError(
  call: () => unknown,
  code: CalendarErrorCode,
  argument: string,
  message: RegExp,
): void {
  const error = errorOf(call);
  expect(error.code).toBe(code);
  expect(error.argument).toBe(argument);
  expect(error.name).toBe('CalendarError');
  expect(error.message.startsWith(`${argument}: `)).toBe(true);
  expect(error.message).toMatch(message);
}

describe('bad input gives a typed error naming the argument and the reason', () => {
  it.each([
    ['2026-02-30', /"2026-02-30" is not a real date: February 2026 has days 1 to 28/],
    ['2025-02-29', /February 2025 has days 1 to 28/],
    ['2026-13-01', /there is no month 13/],
    ['2026-00-10', /there is no month 0/],
    ['2026-04-31', /April 2026 has days 1 to 30/],
    ['2026-01-00', /January 2026 has days 1 to 31/],
    ['2026-2-3', /expected a date as a YYYY-MM-DD string, got "2026-2-3"/],
    ['2026/02/03', /YYYY-MM-DD/],
    ['2026-02-03T00:00:00Z', /YYYY-MM-DD/],
    [' 2026-02-3', /YYYY-MM-DD/],
    ['', /YYYY-MM-DD/],
    [20260203, /got the number 20260203/],
    [null, /got null/],
    [undefined, /got undefined/],
    [new Date(0), /got a Date object/],
  ])('from = %p', (from, message) => {
    expectError(
      () => calendar.workingDaysBetween(from as string, '2026-03-01'),
      'INVALID_DATE',
      'from',
      message,
    );
  });

  it('accepts 29 February in a leap year', () => {
    expect(calendar.isWorkingDay('2024-02-29').working).toBe(true);
  });

  it('names `to` when the second date is the bad one', () => {
    expectError(
      () => calendar.workingDaysBetween('2026-03-01', '2026-02-29'),
      'INVALID_DATE',
      'to',
      /February 2026 has days 1 to 28/,
    );
  });

  it.each([
    ['2003-12-31', 'before'],
    ['2100-01-01', 'after'],
    ['0001-01-01', 'ancient'],
  ])('dates outside the supported range: %s (%s)', (date) => {
    expectError(
      () => calendar.isWorkingDay(date),
      'DATE_OUT_OF_RANGE',
      'date',
      new RegExp(`${date} is outside the supported range 2004-01-01 to 2099-12-31`),
    );
  });

  it('a deadline beyond the range is an error, not a clamp', () => {
    expectError(
      () => calendar.addWorkingDays('2099-12-01', 40),
      'DATE_OUT_OF_RANGE',
      'n',
      /the 40th working day after 2099-12-01 falls after 2099-12-31/,
    );
    // The last day that fits still works.
    expect(calendar.addWorkingDays('2099-12-01', 22).date).toBe('2099-12-31');
  });

  it.each([
    [-1, /got -1/],
    [1.5, /got 1\.5/],
    [Number.NaN, /got NaN/],
    [Number.POSITIVE_INFINITY, /got Infinity/],
    ['3', /got "3"/],
  ])('n = %p', (n, message) => {
    expectError(
      () => calendar.addWorkingDays('2026-03-02', n as number),
      'INVALID_COUNT',
      'n',
      message,
    );
  });

  it('an interval whose end precedes its start', () => {
    expectError(
      () =>
        calendar.unionWorkingDays([
          { from: '2026-03-02', to: '2026-03-06' },
          { from: '2026-03-10', to: '2026-03-09' },
        ]),
      'INVALID_INTERVAL',
      'intervals[1]',
      /ends \(2026-03-09\) before it starts \(2026-03-10\)/,
    );
  });

  it('a bad date inside an interval names its position', () => {
    expectError(
      () => calendar.unionWorkingDays([{ from: '2026-03-02', to: '2026-02-30' }]),
      'INVALID_DATE',
      'intervals[0].to',
      /February 2026/,
    );
    expectError(
      () => calendar.unionWorkingDays([null as never]),
      'INVALID_INTERVAL',
      'intervals[0]',
      /expected \{ from, to \}/,
    );
    expectError(
      () => calendar.unionWorkingDays('2026-03-02' as never),
      'INVALID_INTERVAL',
      'intervals',
      /expected an array/,
    );
  });

  it('bad instants', () => {
    expectError(() => calendar.localDate(Number.NaN), 'INVALID_INSTANT', 'instant', /epoch/);
    expectError(
      () => calendar.localDate(new Date('nope')),
      'INVALID_INSTANT',
      'instant',
      /an invalid Date/,
    );
    expectError(
      () => calendar.localDate(Date.parse('2100-01-01T00:00:00+08:00')),
      'DATE_OUT_OF_RANGE',
      'instant',
      /outside the supported range 2004-01-01 to 2099-12-31 in Asia\/Shanghai/,
    );
  });

  it('a year outside the range', () => {
    expectError(() => calendar.isProvisionalYear(2100), 'DATE_OUT_OF_RANGE', 'year', /2100/);
  });
});
