import type { WorkingDayCalendar } from '../../../calendar/src/core';
import type { Outbox } from '../outbox';
import type { ItemState, ProjectState } from '../types';
import type { CommandEnvelope, CommandKind, CommandOf } from './command';

export interface Ctx {
  /** Local date (calendar time zone) of the command. */
  today: string;
  /** ISO instant of the command. */
  at: string;
  cal: WorkingDayCalendar;
  newId: () => string;
  /** The import path: the first stage was handed in and accepted elsewhere (its materials too). */
  imported?: boolean;
}

/** What a validator sees: the day and the calendar, nothing that changes. */
export type ValidateCtx = Pick<Ctx, 'today' | 'cal' | 'imported'>;

/**
 * One command kind: its guard beside its change. `validate` throws `CommandRefused` (through
 * `refuse`) when the state does not allow the command; `apply` runs only after it passed and
 * returns the item the command was about, if any (the caller is told its new status).
 */
export interface CommandHandler<K extends CommandKind> {
  /**
   * Whether the actor may address what the command names at all; runs before every other check,
   * so a refusal here (NOT_FOUND) says nothing of the state.
   */
  authorize?(state: ProjectState, c: CommandOf<K>, env: CommandEnvelope): void;
  validate(state: ProjectState, c: CommandOf<K>, ctx: ValidateCtx): void;
  apply(
    state: ProjectState,
    c: CommandOf<K>,
    ctx: Ctx,
    out: Outbox,
    env: CommandEnvelope,
  ): ItemState | void;
}
