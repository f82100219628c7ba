import fc from 'fast-check';
import { CalendarError, endOfLocalDay, instantToLocalDate } from '../src/core';
import { calendar } from './fixtures';

const shanghai = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
function intlDate(ms: number): string {
  const parts = Object.fromEntries(shanghai.formatToParts(ms).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

describe('instants to local dates in Asia/Shanghai', () => {
  it('turns at midnight Beijing time (16:00 UTC), not the machine midnight', () => {
    expect(calendar.localDate(Date.parse('2026-02-27T15:59:59.999Z'))).toBe('2026-02-27');
    expect(calendar.localDate(Date.parse('2026-02-27T16:00:00.000Z'))).toBe('2026-02-28');
    expect(calendar.localDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(instantToLocalDate(Date.parse('2026-02-27T16:30:00Z'), 'Asia/Shanghai')).toBe(
      '2026-02-28',
    );
  });

  it('matches the tz database (Intl) at every instant of the supported range', () => {
    const first = Date.parse('2004-01-01T00:00:00+08:00');
    const last = Date.parse('2099-12-31T23:59:59.999+08:00');
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (ms) => {
        expect(calendar.localDate(ms)).toBe(intlDate(ms));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the first and last millisecond of a local day', () => {
    expect(calendar.startOfDay('2026-02-27')).toBe(Date.parse('2026-02-27T00:00:00.000+08:00'));
    expect(calendar.endOfDay('2026-02-27')).toBe(Date.parse('2026-02-27T23:59:59.999+08:00'));
    expect(endOfLocalDay('2026-02-27', 'Asia/Shanghai')).toBe(
      Date.parse('2026-02-27T15:59:59.999Z'),
    );
    expect(calendar.localDate(calendar.endOfDay('2026-02-27'))).toBe('2026-02-27');
    expect(calendar.localDate(calendar.endOfDay('2026-02-27') + 1)).toBe('2026-02-28');
  });

  it('refuses zones it cannot do exact arithmetic for', () => {
    expect(() => instantToLocalDate(0, 'Europe/Berlin')).toThrow(CalendarError);
    expect(() => instantToLocalDate(0, 'Europe/Berlin')).toThrow(
      /^timeZone: "Europe\/Berlin" is not supported/,
    );
  });
});
