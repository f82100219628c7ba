import { calendar } from './fixtures';

/*
 * Real periods 2024–2026. Every expected value was checked by hand against the `chinese-days`
 * 1.5.7 data (dist/chinese-days.json) and the State Council notices quoted in its source:
 *   2024 Spring Festival: off 02-10…02-17, make-up Sun 02-04 and Sun 02-18
 *   2025 Spring Festival: off 01-28…02-04, make-up Sun 01-26 and Sat 02-08
 *   2026 Spring Festival: off 02-15…02-23, make-up Sat 02-14 and Sat 02-28
 *   2024 National Day:    off 10-01…10-07, make-up Sun 09-29 and Sat 10-12
 *   2025 National Day:    off 10-01…10-08, make-up Sun 09-28 and Sat 10-11
 *   2026 Mid-autumn + National Day: off 09-25…09-27 and 10-01…10-07, make-up Sun 09-20, Sat 10-10
 *   2026 New Year:        off 01-01…01-03, make-up Sun 01-04
 *   2027: no official schedule in chinese-days 1.5.7 → weekends only, provisional
 */

describe('isWorkingDay over real 2024–2026 schedules', () => {
  it.each([
    ['2026-02-14', true, 'make-up-workday'], // Saturday before Spring Festival
    ['2026-02-15', false, 'holiday'], // Sunday inside the holiday
    ['2026-02-16', false, 'holiday'], // Monday
    ['2026-02-23', false, 'holiday'], // Monday, last day off
    ['2026-02-24', true, 'weekday'],
    ['2026-02-28', true, 'make-up-workday'], // Saturday after
    ['2026-03-01', false, 'weekend'],
    ['2025-01-26', true, 'make-up-workday'], // Sunday
    ['2025-02-04', false, 'holiday'], // Tuesday
    ['2024-02-18', true, 'make-up-workday'], // Sunday
    ['2025-10-08', false, 'holiday'], // Wednesday, the eighth day of 2025's National Day week
    ['2025-10-11', true, 'make-up-workday'],
    ['2026-01-02', false, 'holiday'], // Friday
    ['2026-01-04', true, 'make-up-workday'], // Sunday
    ['2024-12-31', true, 'weekday'],
  ] as const)('%s → working %s (%s)', (date, working, kind) => {
    expect(calendar.isWorkingDay(date)).toEqual({
      date,
      working,
      kind,
      provisional: false,
      calendarVersion: calendar.version,
    });
  });

  it('treats 2027 as weekends only, and says so', () => {
    // 2027-01-01 will very likely be a holiday once published; until then it is a Friday.
    expect(calendar.isWorkingDay('2027-01-01')).toMatchObject({ working: true, provisional: true });
    expect(calendar.isWorkingDay('2027-01-02')).toMatchObject({ working: false, kind: 'weekend' });
  });
});

describe('workingDaysBetween over real periods: (from, to]', () => {
  it.each([
    // Spring Festival 2026: Sat 02-14 (make-up), 02-24…02-27, Sat 02-28 (make-up).
    ['Spring Festival 2026', '2026-02-13', '2026-02-28', 6],
    // Spring Festival 2025: Sun 01-26, Mon 01-27, 02-05…02-07, Sat 02-08, Mon 02-10.
    ['Spring Festival 2025', '2025-01-24', '2025-02-10', 7],
    // Spring Festival 2024: Sun 02-04, 02-05…02-09, Sun 02-18, Mon 02-19.
    ['Spring Festival 2024', '2024-02-02', '2024-02-19', 8],
    // National Day 2025: Sun 09-28, 09-29, 09-30, 10-09, 10-10, Sat 10-11, Mon 10-13.
    ['National Day 2025', '2025-09-26', '2025-10-13', 7],
    // Mid-autumn + National Day 2026 (Fri 09-25 is Mid-autumn): 09-20, 09-21…24, 09-28…30,
    // 10-08, 10-09, Sat 10-10, 10-12.
    ['National Day 2026', '2026-09-18', '2026-10-12', 12],
    // Across New Year 2026: 12-29…12-31, Sun 01-04 (make-up), 01-05…01-09.
    ['New Year 2025→2026', '2025-12-26', '2026-01-09', 9],
    ['New Year 2024→2025', '2024-12-30', '2025-01-02', 2],
    ['the whole of 2024', '2023-12-31', '2024-12-31', 251],
    ['the whole of 2025', '2024-12-31', '2025-12-31', 248],
    ['the whole of 2026', '2025-12-31', '2026-12-31', 248],
    ['the start day is not counted', '2026-02-13', '2026-02-14', 1],
    ['a single holiday', '2026-02-15', '2026-02-16', 0],
  ])('%s: (%s, %s] has %i working days', (_name, from, to, days) => {
    expect(calendar.workingDaysBetween(from, to)).toEqual({
      days,
      provisional: false,
      calendarVersion: calendar.version,
    });
  });

  it('is 0 when to <= from', () => {
    expect(calendar.workingDaysBetween('2026-03-02', '2026-03-02').days).toBe(0);
    expect(calendar.workingDaysBetween('2026-03-02', '2026-02-02').days).toBe(0);
  });

  it('is provisional exactly when the range runs into 2027', () => {
    // 12-28…12-31 (official), then Fri 2027-01-01 and 01-04…01-08 counted as weekdays.
    expect(calendar.workingDaysBetween('2026-12-25', '2027-01-08')).toEqual({
      days: 10,
      provisional: true,
      calendarVersion: calendar.version,
    });
    expect(calendar.workingDaysBetween('2026-12-01', '2026-12-31')).toMatchObject({
      days: 22,
      provisional: false,
    });
    // The whole of 2027 by weekends only.
    expect(calendar.workingDaysBetween('2026-12-31', '2027-12-31')).toMatchObject({
      days: 261,
      provisional: true,
    });
  });
});

describe('addWorkingDays over real periods: the n-th working day after from', () => {
  it.each([
    ['over Spring Festival 2026', '2026-02-13', 2, '2026-02-24'],
    ['the day before Spring Festival 2026', '2026-02-12', 1, '2026-02-13'],
    ['lands on the 2026 make-up Saturday 02-28', '2026-02-24', 4, '2026-02-28'],
    ['lands on the 2025 make-up Saturday 10-11', '2025-10-09', 2, '2025-10-11'],
    ['lands on the 2026 make-up Saturday 05-09', '2026-05-08', 1, '2026-05-09'],
    ['lands on the 2024 make-up Sunday 09-29', '2024-09-27', 1, '2024-09-29'],
    ['jumps National Day week 2024', '2024-09-30', 1, '2024-10-08'],
    ['an 80-day limit from 2026-06-01', '2026-06-01', 80, '2026-09-21'],
    ['n = 0 returns from, even on a holiday', '2026-02-16', 0, '2026-02-16'],
  ])('%s: %s + %i → %s', (_name, from, n, date) => {
    expect(calendar.addWorkingDays(from, n)).toEqual({
      date,
      provisional: false,
      calendarVersion: calendar.version,
    });
  });

  it('is provisional when the deadline runs into 2027', () => {
    expect(calendar.addWorkingDays('2026-12-30', 1)).toMatchObject({
      date: '2026-12-31',
      provisional: false,
    });
    expect(calendar.addWorkingDays('2026-12-30', 2)).toMatchObject({
      date: '2027-01-01',
      provisional: true,
    });
    expect(calendar.addWorkingDays('2026-11-02', 80)).toMatchObject({
      date: '2027-02-22',
      provisional: true,
    });
  });

  it('gives the end of the deadline day in Beijing time for timers', () => {
    const { date } = calendar.addWorkingDays('2026-02-24', 4);
    expect(calendar.endOfDay(date)).toBe(Date.parse('2026-02-28T23:59:59.999+08:00'));
  });
});

describe('unionWorkingDays: the project clock', () => {
  // Item A (02-09, 02-27] = 9 days, item B (02-24, 03-06] = 9 days; they share 02-25…02-27.
  const a = { from: '2026-02-09', to: '2026-02-27' };
  const b = { from: '2026-02-24', to: '2026-03-06' };

  it('counts shared days once across Spring Festival 2026', () => {
    expect(calendar.workingDaysBetween(a.from, a.to).days).toBe(9);
    expect(calendar.workingDaysBetween(b.from, b.to).days).toBe(9);
    expect(calendar.unionWorkingDays([a, b])).toEqual({
      days: 15,
      provisional: false,
      calendarVersion: calendar.version,
    });
  });

  it('joins touching intervals without a gap or a double count', () => {
    const joined = calendar.unionWorkingDays([
      { from: '2026-03-02', to: '2026-03-06' },
      { from: '2026-03-06', to: '2026-03-13' },
    ]);
    expect(joined.days).toBe(calendar.workingDaysBetween('2026-03-02', '2026-03-13').days);
    expect(joined.days).toBe(9);
  });

  it('leaves out the gap between disjoint intervals (a paused clock)', () => {
    // (03-02, 03-06] = 4, paused (03-06, 03-16], resumed (03-16, 03-20] = 4.
    const clock = calendar.unionWorkingDays([
      { from: '2026-03-16', to: '2026-03-20' },
      { from: '2026-03-02', to: '2026-03-06' },
    ]);
    expect(clock.days).toBe(8);
  });

  it('is 0 for no intervals and for empty ones', () => {
    expect(calendar.unionWorkingDays([]).days).toBe(0);
    expect(calendar.unionWorkingDays([{ from: '2026-03-02', to: '2026-03-02' }]).days).toBe(0);
  });

  it('is provisional when any interval reaches 2027', () => {
    expect(calendar.unionWorkingDays([a, { from: '2026-12-30', to: '2027-01-04' }])).toMatchObject({
      days: 9 + 3,
      provisional: true,
    });
  });
});
