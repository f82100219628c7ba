import fc from 'fast-check';
import { WorkingDayCalendar, withRegionOverrides, withYearSchedule } from '../src/core';
import { calendar, date, day, FIRST_DAY, LAST_DAY, ReferenceCalendar, snapshot } from './fixtures';

const reference = new ReferenceCalendar(snapshot);

/** Any supported date, biased towards the years with real schedules and the provisional edge. */
const anyDay = fc.oneof(
  fc.integer({ min: day('2023-06-01'), max: day('2027-06-30') }),
  fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
);
/** Start dates that leave room for the counts below before the end of the range. */
const startDay = fc.integer({ min: FIRST_DAY, max: day('2097-12-31') });
const count = fc.integer({ min: 0, max: 520 });
const interval = fc
  .tuple(
    fc.integer({ min: day('2025-10-01'), max: day('2027-03-31') }),
    fc.integer({ min: 0, max: 120 }),
  )
  .map(([a, length]) => ({ from: date(a), to: date(a + length) }));

describe('calendar properties', () => {
  it('workingDaysBetween(a, addWorkingDays(a, n)) === n', () => {
    fc.assert(
      fc.property(startDay, count, (a, n) => {
        const end = calendar.addWorkingDays(date(a), n).date;
        expect(calendar.workingDaysBetween(date(a), end).days).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('addWorkingDays lands on a working day, strictly after from, for n > 0', () => {
    fc.assert(
      fc.property(startDay, fc.integer({ min: 1, max: 520 }), (a, n) => {
        const end = calendar.addWorkingDays(date(a), n).date;
        expect(day(end)).toBeGreaterThan(a);
        expect(calendar.isWorkingDay(end).working).toBe(true);
        // …and it is the first such day: the day before holds only n - 1.
        expect(calendar.workingDaysBetween(date(a), date(day(end) - 1)).days).toBe(n - 1);
      }),
    );
  });

  it('counts are monotonic and additive over (a, b] ∪ (b, c]', () => {
    fc.assert(
      fc.property(anyDay, anyDay, anyDay, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q);
        const ab = calendar.workingDaysBetween(date(a), date(b)).days;
        const bc = calendar.workingDaysBetween(date(b), date(c)).days;
        const ac = calendar.workingDaysBetween(date(a), date(c)).days;
        expect(ab).toBeLessThanOrEqual(ac);
        expect(bc).toBeLessThanOrEqual(ac);
        expect(ab + bc).toBe(ac);
        expect(ac).toBeLessThanOrEqual(c - a);
      }),
      { numRuns: 2000 },
    );
  });

  it('addWorkingDays is strictly increasing in n', () => {
    fc.assert(
      fc.property(startDay, count, (a, n) => {
        const here = day(calendar.addWorkingDays(date(a), n).date);
        const next = day(calendar.addWorkingDays(date(a), n + 1).date);
        expect(next).toBeGreaterThan(here);
      }),
    );
  });

  it('the union never exceeds the sum and never falls below the longest interval', () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 12 }), (intervals) => {
        const counts = intervals.map((i) => calendar.workingDaysBetween(i.from, i.to).days);
        const union = calendar.unionWorkingDays(intervals).days;
        expect(union).toBeLessThanOrEqual(counts.reduce((s, c) => s + c, 0));
        expect(union).toBeGreaterThanOrEqual(Math.max(0, ...counts));
      }),
      { numRuns: 1000 },
    );
  });

  it('the union is the number of distinct working days covered, in any order', () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 8 }), (intervals) => {
        const expected = reference.union(intervals.map((i) => [day(i.from), day(i.to)]));
        expect(calendar.unionWorkingDays(intervals).days).toBe(expected);
        expect(calendar.unionWorkingDays([...intervals].reverse()).days).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with a day-by-day count over the same data, provisional flag included', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 800 }), (a, length) => {
        const b = Math.min(a + length, LAST_DAY);
        const expected = reference.between(a, b);
        expect(calendar.workingDaysBetween(date(a), date(b))).toMatchObject(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with a day-by-day addWorkingDays over the same data', () => {
    fc.assert(
      fc.property(fc.integer({ min: day('2023-01-01'), max: day('2027-12-31') }), count, (a, n) => {
        const expected = reference.add(a, n);
        expect(calendar.addWorkingDays(date(a), n)).toMatchObject({
          date: date(expected.day),
          provisional: expected.provisional,
        });
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with the day-by-day model under random regional overrides and a new year', () => {
    const span = fc.integer({ min: day('2026-01-01'), max: day('2027-12-31') });
    fc.assert(
      fc.property(
        fc.uniqueArray(span, { maxLength: 20 }),
        fc.uniqueArray(span, { maxLength: 20 }),
        fc.uniqueArray(fc.integer({ min: day('2027-01-01'), max: day('2027-12-31') }), {
          maxLength: 20,
        }),
        span,
        fc.integer({ min: 0, max: 400 }),
        (closureDays, workDays, holidays2027, a, length) => {
          const closures = closureDays.map(date);
          const extra = workDays.filter((d) => !closureDays.includes(d)).map(date);
          const snap = withRegionOverrides(
            withYearSchedule(snapshot, {
              year: 2027,
              holidays: holidays2027.map(date),
              workdays: [],
            }),
            'CN-TEST',
            { closures, workdays: extra },
          );
          const cal = WorkingDayCalendar.fromSnapshot(snap);
          const model = new ReferenceCalendar(snap);
          const b = a + length;
          expect(cal.workingDaysBetween(date(a), date(b))).toMatchObject(model.between(a, b));
          const n = Math.min(length, 300);
          expect(cal.addWorkingDays(date(a), n).date).toBe(date(model.add(a, n).day));
        },
      ),
      { numRuns: 150 },
    );
  });
});
