/**
 * When a clock turns AT_RISK: `usedPercent` of the limit used, or only `daysLeft` working days
 * left, whichever comes first. Percent is a whole number so the threshold is exact integer
 * arithmetic (0.07 × 100 is not 7 in floating point).
 */
export interface WarningRule {
  readonly usedPercent: number;
  readonly daysLeft: number;
}

/** The default: 80% of the limit used, or 3 working days left (docs/design.md §4). */
export const DEFAULT_WARNING: WarningRule = Object.freeze({ usedPercent: 80, daysLeft: 3 });

/** A clock's standing, from best to worst. */
export const RISKS = ['ON_TRACK', 'AT_RISK', 'OVERDUE'] as const;

export type Risk = (typeof RISKS)[number];

/**
 * The number of used working days at which a clock with `limitDays` turns AT_RISK:
 *
 *   max(1, min(ceil(usedPercent × limit / 100), limit − daysLeft))
 *
 * `ceil` because "80% used" is reached on the first whole day at or past 80%. The floor of 1
 * keeps a short clock on track on the day it starts: with the plain formula an item of 3 days or
 * less (3 days left the moment it is accepted) would be at risk before anyone could act.
 * Examples with the default: 80 → 64, 35 → 28, 12 → 9, 5 → 2, 3 → 1, 1 → 1.
 */
export function warningThresholdDays(
  limitDays: number,
  rule: WarningRule = DEFAULT_WARNING,
): number {
  if (!Number.isInteger(limitDays) || limitDays <= 0) {
    throw new RangeError(`limitDays must be a positive whole number, got ${limitDays}`);
  }
  const byPercent = Math.ceil((rule.usedPercent * limitDays) / 100);
  const byDaysLeft = limitDays - rule.daysLeft;
  return Math.max(1, Math.min(byPercent, byDaysLeft));
}

/**
 * The risk of a clock that has used `usedDays` of `limitDays`. A deadline of N working days
 * falls on the N-th working day, so using all N days is still on time (AT_RISK at most);
 * OVERDUE starts at N + 1.
 */
export function riskOf(
  usedDays: number,
  limitDays: number,
  rule: WarningRule = DEFAULT_WARNING,
): Risk {
  if (!Number.isInteger(usedDays) || usedDays < 0) {
    throw new RangeError(`usedDays must be a non-negative whole number, got ${usedDays}`);
  }
  if (usedDays > limitDays) return 'OVERDUE';
  return usedDays >= warningThresholdDays(limitDays, rule) ? 'AT_RISK' : 'ON_TRACK';
}
