/** Look-ups and checks the commands share; each refuses with the field or state at fault. */
import { CalendarError, type WorkingDayCalendar } from '../../../calendar/src/core';
import type { StageCode } from '../../../domain/src';
import type { ItemState, ProjectState, StageState } from '../types';
import { findMaterial, type MaterialState } from '../materials';
import { refuse } from './command';

export function findItem(state: ProjectState, code: string): ItemState {
  return (
    state.items.find((i) => i.code === code) ??
    refuse('NOT_FOUND', `item ${code} is not on this project's checklist`, { key: 'NOT_FOUND' })
  );
}

/** The item's material `code`; NOT_FOUND when the item has no such material. */
export function findItemMaterial(item: ItemState, code: string): MaterialState {
  return (
    findMaterial(item, code) ??
    refuse('NOT_FOUND', `item ${item.code} asks for no material ${code}`, { key: 'NOT_FOUND' })
  );
}

export function stageOf(state: ProjectState, code: StageCode): StageState {
  return (
    state.stages.find((s) => s.code === code) ??
    refuse('NOT_FOUND', `stage ${code} does not exist`, { key: 'NOT_FOUND' })
  );
}

export function requireText(v: string | undefined, field: string): string {
  if (typeof v !== 'string' || v.trim() === '') refuse('INVALID', `${field} is required`);
  return v.trim();
}

export function checkDate(cal: WorkingDayCalendar, v: string, field: string) {
  try {
    cal.isWorkingDay(v);
  } catch (e) {
    refuse('INVALID', `${field}: ${e instanceof CalendarError ? e.reason : String(e)}`);
  }
}
