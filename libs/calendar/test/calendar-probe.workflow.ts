import { type CalendarSnapshot, type DateAnswer, WorkingDayCalendar } from '../src/core';

/** Bundled by core-purity.spec.ts to prove the core loads in Temporal's workflow sandbox. */
export function calendarProbeWorkflow(input: {
  snapshot: CalendarSnapshot;
  from: string;
  n: number;
}): Promise<DateAnswer> {
  return Promise.resolve(
    WorkingDayCalendar.fromSnapshot(input.snapshot).addWorkingDays(input.from, input.n),
  );
}
