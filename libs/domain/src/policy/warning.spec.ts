import { DEFAULT_WARNING, riskOf, warningThresholdDays } from './warning';

describe('warningThresholdDays (default: 80% used or 3 days left, whichever first)', () => {
  it.each([
    // limit, threshold, which rule decides
    [80, 64, '80% (64) before 3 left (77)'],
    [35, 28, '80% (28) before 3 left (32)'],
    [20, 16, '80% (16) before 3 left (17)'],
    [15, 12, 'both at 12'],
    [12, 9, '3 left (9) before 80% (10)'],
    [10, 7, '3 left (7) before 80% (8)'],
    [5, 2, '3 left (2) before 80% (4)'],
    [4, 1, '3 left (1)'],
    [3, 1, '3 left would be 0: floor of 1'],
    [2, 1, 'floor of 1'],
    [1, 1, 'floor of 1: at risk on the deadline day'],
  ])('limit %i → AT_RISK from %i used days (%s)', (limit, threshold) => {
    expect(warningThresholdDays(limit)).toBe(threshold);
  });

  it('uses exact integer arithmetic (0.7 × 90 is 62.99999999999999 in floating point)', () => {
    expect(Math.ceil(0.7 * 90)).toBe(63);
    expect(warningThresholdDays(90, { usedPercent: 70, daysLeft: 0 })).toBe(63);
    expect(Math.ceil(0.07 * 100)).toBe(8);
    expect(warningThresholdDays(100, { usedPercent: 7, daysLeft: 0 })).toBe(7);
  });

  it('follows a region rule', () => {
    expect(warningThresholdDays(80, { usedPercent: 50, daysLeft: 3 })).toBe(40);
    expect(warningThresholdDays(80, { usedPercent: 100, daysLeft: 10 })).toBe(70);
    expect(warningThresholdDays(80, { usedPercent: 100, daysLeft: 0 })).toBe(80);
  });

  it('never exceeds the limit and never falls below 1', () => {
    for (let limit = 1; limit <= 200; limit++) {
      const t = warningThresholdDays(limit, DEFAULT_WARNING);
      expect(t).toBeGreaterThanOrEqual(1);
      expect(t).toBeLessThanOrEqual(limit);
    }
  });

  it('refuses a limit that is not a positive whole number', () => {
    expect(() => warningThresholdDays(0)).toThrow(RangeError);
    expect(() => warningThresholdDays(2.5)).toThrow(RangeError);
  });
});

describe('riskOf', () => {
  it.each([
    [0, 80, 'ON_TRACK'],
    [63, 80, 'ON_TRACK'],
    [64, 80, 'AT_RISK'],
    [80, 80, 'AT_RISK'],
    [81, 80, 'OVERDUE'],
    [8, 12, 'ON_TRACK'],
    [9, 12, 'AT_RISK'],
    [13, 12, 'OVERDUE'],
    [0, 3, 'ON_TRACK'],
    [1, 3, 'AT_RISK'],
    [0, 1, 'ON_TRACK'],
    [1, 1, 'AT_RISK'],
    [2, 1, 'OVERDUE'],
  ])('%i of %i used → %s', (used, limit, risk) => {
    expect(riskOf(used, limit)).toBe(risk);
  });

  it('refuses a negative count of used days', () => {
    expect(() => riskOf(-1, 10)).toThrow(RangeError);
  });
});
