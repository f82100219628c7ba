/*
 * The calendar without its data source: safe to import from Temporal workflow code (no Node
 * built-ins, no clock, no `chinese-days`). Workflows receive a `CalendarSnapshot` as data and
 * build the calendar with `WorkingDayCalendar.fromSnapshot(snapshot)`.
 */
export * from './calendar';
export { CalendarError, type CalendarErrorCode } from './errors';
export * from './snapshot';
export {
  endOfLocalDay,
  instantToLocalDate,
  localEpochDayOf,
  supportedTimeZones,
  utcOffsetMinutes,
} from './time-zone';
export { civilOf, epochDayOf, formatEpochDay, parseDate, weekdayOf } from './civil-date';
