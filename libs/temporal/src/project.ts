/**
 * The project workflow's messages, shared by the worker (handlers) and the API (callers).
 * One Update carries every command (see libs/approval/src/commands/): its validator refuses
 * what the state does not allow, so a refused command never enters history.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CalendarSnapshot } from '../../calendar/src/core';
import type {
  ClockReport,
  CommandEnvelope,
  CommandResult,
  ItemReport,
  ProjectReport,
  ProjectState,
} from '../../approval/src';

export const projectWorkflowId = (projectId: string) => `project-${projectId}`;

/**
 * A command's answer: what the state machine says, and what changed as the read model now holds
 * it (the item the command was about, the project clock), computed by the workflow when its
 * write committed, so the caller need not read the project back.
 */
export interface CommandAnswer extends CommandResult {
  /** Absent from runs older than the answer (their Updates answered the result alone). */
  changed?: {
    item?: ItemReport;
    clock: ClockReport;
    asOf: string;
    /** The whole report as of the write, when the envelope asked for it (`answer: 'report'`). */
    report?: ProjectReport;
  };
}

export const projectCommandUpdate = defineUpdate<CommandAnswer, [CommandEnvelope]>('command');
/**
 * Sent with the workflow's start (Update-with-Start): answers the project's report once the
 * workflow's first write of the read model has committed, so a create answers with the
 * workflow's own first state.
 */
export const projectFirstReportUpdate = defineUpdate<ProjectReport, []>('firstReport');
export const projectStateQuery = defineQuery<ProjectState>('state');
export const projectReportQuery = defineQuery<ProjectReport>('report');
/** A newly published holiday year (or a region's change): running deadlines are recomputed. */
export const calendarUpdatedSignal = defineSignal<[CalendarSnapshot]>('calendarUpdated');
/**
 * Repair: the workflow writes its whole read model again at once (every item, the state), e.g.
 * after a write the read model refused was let through by a fixed worker.
 */
export const rewriteReadModelSignal = defineSignal('rewriteReadModel');

/** ApplicationFailure types of refused commands, mapped by the API to 404 / 409 / 400. */
export const REFUSAL_TYPE = {
  NOT_FOUND: 'CommandRefused.NOT_FOUND',
  CONFLICT: 'CommandRefused.CONFLICT',
  INVALID: 'CommandRefused.INVALID',
} as const;

export interface ProjectWorkflowResult {
  projectId: string;
  status: string;
  closedOn?: string;
  usedDays: number;
}
