import {
  CalendarError,
  type CalendarSnapshot,
  createSnapshot,
  validateSnapshot,
  withRegionOverrides,
  withYearSchedule,
  WorkingDayCalendar,
} from '../src/core';
import { calendar, snapshot } from './fixtures';

/** 2027 as it might be published (illustrative: not the real schedule). */
const schedule2027 = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
  workdays: ['2027-01-09'],
};

function snapshotError(call: () => unknown): CalendarError {
  try {
    call();
  } catch (error) {
    if (error instanceof CalendarError && error.code === 'INVALID_SNAPSHOT') return error;
    throw error;
  }
  throw new Error('expected an INVALID_SNAPSHOT error');
}

describe('snapshot versions', () => {
  it('describe the content: region, last official year and a content hash', () => {
    // Pinned: this changes only when the data does (e.g. a chinese-days upgrade that adds a
    // year), and every running deadline is then recomputed — update it deliberately.
    expect(snapshot.version).toBe('CN:2026:c2d35d638c74111f');
    expect(snapshot).toMatchObject({
      schema: 1,
      region: 'CN',
      timeZone: 'Asia/Shanghai',
      firstYear: 2004,
      lastYear: 2099,
      source: 'chinese-days@1.5.7',
    });
  });

  it('do not depend on input order, duplicates or provenance', () => {
    const shuffled = createSnapshot({
      ...snapshot,
      years: [...snapshot.years].reverse().map((y) => ({
        ...y,
        holidays: [...y.holidays, ...y.holidays].reverse(),
      })),
      source: 'somewhere else',
    });
    expect(shuffled.version).toBe(snapshot.version);
  });

  it('survive a JSON round trip, so a workflow can receive the snapshot as data', () => {
    const received = JSON.parse(JSON.stringify(snapshot)) as CalendarSnapshot;
    const rebuilt = WorkingDayCalendar.fromSnapshot(received);
    expect(rebuilt.version).toBe(snapshot.version);
    expect(rebuilt.workingDaysBetween('2026-02-13', '2026-02-28')).toEqual(
      calendar.workingDaysBetween('2026-02-13', '2026-02-28'),
    );
  });

  it('refuse content that no longer matches the version', () => {
    const tampered = structuredClone(snapshot);
    tampered.years[tampered.years.length - 1].workdays.pop();
    const error = snapshotError(() => WorkingDayCalendar.fromSnapshot(tampered));
    expect(error.argument).toBe('snapshot.version');
    expect(error.message).toMatch(/does not match the content \(expected CN:2026:[0-9a-f]{16}\)/);
  });
});

describe('loading a newly published year', () => {
  const updated = withYearSchedule(snapshot, schedule2027);
  const next = WorkingDayCalendar.fromSnapshot(updated);

  it('gives a new version and makes the year official', () => {
    expect(updated.version).toMatch(/^CN:2027:[0-9a-f]{16}$/);
    expect(updated.version).not.toBe(snapshot.version);
    expect(next.isProvisionalYear(2027)).toBe(false);
    expect(calendar.isProvisionalYear(2027)).toBe(true);
    expect(next.officialYears.slice(-2)).toEqual([2026, 2027]);
  });

  it('changes the answers that touched the year, and clears provisional', () => {
    expect(calendar.workingDaysBetween('2026-12-25', '2027-01-08')).toMatchObject({
      days: 10,
      provisional: true,
    });
    // 01-01 is now off and Sat 01-09 is a make-up day (outside the range).
    expect(next.workingDaysBetween('2026-12-25', '2027-01-08')).toEqual({
      days: 9,
      provisional: false,
      calendarVersion: updated.version,
    });
    expect(next.addWorkingDays('2027-01-08', 1).date).toBe('2027-01-09');
  });

  it('leaves the snapshot it started from untouched', () => {
    expect(snapshot.years.some((y) => y.year === 2027)).toBe(false);
    expect(WorkingDayCalendar.fromSnapshot(snapshot).version).toBe(snapshot.version);
  });

  it('is idempotent: loading the same schedule again gives the same version', () => {
    expect(withYearSchedule(updated, schedule2027).version).toBe(updated.version);
  });

  it('can hold an estimated, still provisional schedule', () => {
    const estimate = withYearSchedule(snapshot, { ...schedule2027, official: false });
    const cal = WorkingDayCalendar.fromSnapshot(estimate);
    expect(estimate.version).toMatch(/^CN:2026:/);
    expect(cal.workingDaysBetween('2026-12-25', '2027-01-08')).toMatchObject({
      days: 9,
      provisional: true,
    });
  });
});

describe('regional overrides', () => {
  const regional = withRegionOverrides(snapshot, 'CN-44', {
    closures: ['2026-03-03', '2026-02-28'], // a typhoon day; and closing a make-up Saturday
    workdays: ['2026-03-07', '2026-02-16'], // a Saturday; and working a national holiday
  });
  const cal = WorkingDayCalendar.fromSnapshot(regional);

  it('gives a new region and version', () => {
    expect(regional.region).toBe('CN-44');
    expect(regional.version).toMatch(/^CN-44:2026:[0-9a-f]{16}$/);
    expect(regional.overrides.closures).toEqual(['2026-02-28', '2026-03-03']);
  });

  it('take precedence over weekends, holidays and make-up days', () => {
    expect(cal.isWorkingDay('2026-03-03')).toMatchObject({
      working: false,
      kind: 'regional-closure',
    });
    expect(cal.isWorkingDay('2026-02-28')).toMatchObject({
      working: false,
      kind: 'regional-closure',
    });
    expect(cal.isWorkingDay('2026-03-07')).toMatchObject({
      working: true,
      kind: 'regional-workday',
    });
    expect(cal.isWorkingDay('2026-02-16')).toMatchObject({
      working: true,
      kind: 'regional-workday',
    });
    // National: 6 days in (02-13, 02-28]; regional: +02-16, −02-28.
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-28').days).toBe(6);
    // (03-01, 03-08]: national 5 (03-02…03-06); regional −03-03 +03-07.
    expect(calendar.workingDaysBetween('2026-03-01', '2026-03-08').days).toBe(5);
    expect(cal.workingDaysBetween('2026-03-01', '2026-03-08').days).toBe(5);
    expect(cal.workingDaysBetween('2026-03-01', '2026-03-06').days).toBe(4);
  });

  it('do not make an official year provisional, nor a provisional one official', () => {
    const ahead = WorkingDayCalendar.fromSnapshot(
      withRegionOverrides(snapshot, 'CN-44', { closures: ['2027-03-03'], workdays: [] }),
    );
    expect(ahead.isWorkingDay('2027-03-03')).toMatchObject({ working: false, provisional: true });
    expect(ahead.isWorkingDay('2026-03-03')).toMatchObject({ working: true, provisional: false });
  });
});

describe('snapshot validation names the field and the reason', () => {
  const base = {
    region: 'CN',
    timeZone: 'Asia/Shanghai',
    firstYear: 2026,
    lastYear: 2030,
    years: [{ year: 2026, official: true, holidays: ['2026-01-01'], workdays: [] }],
    source: 'test',
  };

  it.each([
    [
      { timeZone: 'America/New_York' },
      'snapshot.timeZone',
      /not supported; supported: Asia\/Shanghai/,
    ],
    [{ firstYear: 1980 }, 'snapshot.firstYear', /must be 1992 or later/],
    [{ lastYear: 2025 }, 'snapshot.lastYear', /between 2026 and 2225/],
    [{ lastYear: 2300 }, 'snapshot.lastYear', /between 2026 and 2225/],
    [{ firstYear: 2026.5 }, 'snapshot.firstYear', /integer/],
    [{ region: ' ' }, 'snapshot.region', /non-empty/],
    [
      { years: [{ year: 2031, official: true, holidays: [], workdays: [] }] },
      'snapshot.years[0].year',
      /2031 is outside the years 2026–2030/,
    ],
    [
      { years: [{ year: 2026, official: true, holidays: ['2027-01-01'], workdays: [] }] },
      'snapshot.years[0].holidays[0]',
      /2027-01-01 is outside the years 2026–2026/,
    ],
    [
      { years: [{ year: 2026, official: true, holidays: ['2026-02-30'], workdays: [] }] },
      'snapshot.years[0].holidays[0]',
      /not a real date/,
    ],
    [
      {
        years: [{ year: 2026, official: true, holidays: ['2026-01-04'], workdays: ['2026-01-04'] }],
      },
      'snapshot.years[0].workdays',
      /2026-01-04 is listed as both a holiday and a make-up working day/,
    ],
    [
      { years: [{ year: 2026, official: 'yes', holidays: [], workdays: [] }] },
      'snapshot.years[0].official',
      /boolean/,
    ],
    [
      { years: [{ year: 2026, official: true, holidays: '2026-01-01', workdays: [] }] },
      'snapshot.years[0].holidays',
      /expected an array/,
    ],
    [
      { overrides: { closures: ['2026-05-06'], workdays: ['2026-05-06'] } },
      'snapshot.overrides.workdays',
      /both a closure and a working day/,
    ],
    [
      { overrides: { closures: ['2031-05-06'], workdays: [] } },
      'snapshot.overrides.closures[0]',
      /outside the years 2026–2030/,
    ],
  ])('%p', (change, argument, message) => {
    const error = snapshotError(() => createSnapshot({ ...base, ...change } as never));
    expect(error.argument).toBe(argument);
    expect(error.message).toMatch(message);
  });

  it('rejects unsorted or duplicated years and dates in a stored snapshot', () => {
    const two = createSnapshot({
      ...base,
      years: [
        { year: 2026, official: true, holidays: ['2026-01-01', '2026-10-01'], workdays: [] },
        { year: 2027, official: true, holidays: [], workdays: [] },
      ],
    });
    const swappedYears = { ...two, years: [two.years[1], two.years[0]] };
    expect(snapshotError(() => validateSnapshot(swappedYears)).argument).toBe(
      'snapshot.years[1].year',
    );
    const swappedDates = structuredClone(two);
    swappedDates.years[0].holidays.reverse();
    expect(snapshotError(() => validateSnapshot(swappedDates)).message).toMatch(
      /^snapshot\.years\[0\]\.holidays\[1\]: dates must be in strictly ascending order/,
    );
  });

  it('rejects what is not a snapshot at all', () => {
    expect(snapshotError(() => validateSnapshot(null)).argument).toBe('snapshot');
    expect(snapshotError(() => validateSnapshot({ ...snapshot, schema: 2 })).argument).toBe(
      'snapshot.schema',
    );
  });
});
