import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { epochDayOf, formatEpochDay, parseDate, weekdayOf } from '../src/civil-date';
import { sha256Hex } from '../src/sha256';

const MS_PER_DAY = 86_400_000;

describe('integer date math', () => {
  it('agrees with Date.UTC on epoch days, formatting and weekdays', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: epochDayOf(1900, 1, 1), max: epochDayOf(2200, 12, 31) }),
        (d) => {
          const utc = new Date(d * MS_PER_DAY);
          const text = utc.toISOString().slice(0, 10);
          expect(formatEpochDay(d)).toBe(text);
          expect(parseDate(text, 'x')).toBe(d);
          expect(weekdayOf(d)).toBe(utc.getUTCDay());
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('knows the edges of months and leap years', () => {
    expect(formatEpochDay(0)).toBe('1970-01-01');
    expect(weekdayOf(0)).toBe(4); // Thursday
    expect(parseDate('2000-02-29', 'x')).toBe(epochDayOf(2000, 2, 29));
    expect(() => parseDate('1900-02-29', 'x')).toThrow(/February 1900 has days 1 to 28/);
    expect(() => parseDate('2100-02-29', 'x')).toThrow(/February 2100 has days 1 to 28/);
  });
});

describe('sha256Hex', () => {
  it('matches node:crypto', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 500 },
    );
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const long = '春节'.repeat(5000);
    expect(sha256Hex(long)).toBe(createHash('sha256').update(long, 'utf8').digest('hex'));
  });
});
