/**
 * What people are told, in one place: every clock stop, warning and escalation creates a
 * notice, and its wording lives here. Each function returns the notice without its sequence
 * number and instant (the Outbox adds them).
 */
import type { ItemClock, ProjectClock } from './clock';
import type {
  Deficiency,
  ItemState,
  Notice,
  PauseReason,
  ProjectState,
  SpecialProcedureType,
} from './types';
import type { JointProcedure, StageCode } from '../../domain/src';

export type NoticeDraft = Omit<Notice, 'seq' | 'at'>;

export const REASON_TEXT: Record<PauseReason, string> = {
  SUPPLEMENT: 'materials must be supplemented (补正)',
  DEFICIENCY_OVERDUE: 'promised materials (容缺) did not arrive by the committed date',
  EXPERT_REVIEW: 'expert review (专家评审)',
  PUBLIC_NOTICE: 'public notice (公示)',
  HEARING: 'hearing (听证)',
  SITE_SURVEY: 'site survey (现场踏勘)',
  INSPECTION_TESTING: 'inspection and testing (检验检测)',
  APPRAISAL: 'appraisal (鉴定)',
};

const toApplicant = (state: ProjectState) =>
  ({ recipientRole: 'APPLICANT', organisation: state.ownerOrganisation }) as const;

export const stageReturned = (
  state: ProjectState,
  stage: StageCode,
  reason?: string,
): NoticeDraft => ({
  ...toApplicant(state),
  kind: 'STAGE_RETURNED',
  message: `Stage ${stage} was returned: ${reason}. No clock runs while you prepare it again.`,
});

export const itemRejected = (
  state: ProjectState,
  item: ItemState,
  comment?: string,
): NoticeDraft => ({
  ...toApplicant(state),
  kind: 'ITEM_REJECTED',
  itemCode: item.code,
  message: `${item.name} was rejected: ${comment}. Stage ${item.stage} waits until you resubmit or withdraw the item.`,
});

export const supplementRequested = (
  state: ProjectState,
  item: ItemState,
  on: string,
  comment?: string,
): NoticeDraft => ({
  ...toApplicant(state),
  kind: 'CLOCK_STOPPED',
  itemCode: item.code,
  message: `The clock of ${item.name} stopped on ${on}: ${REASON_TEXT.SUPPLEMENT}: ${comment}. It resumes when you answer.`,
});

export const specialProcedureStarted = (
  state: ProjectState,
  item: ItemState,
  on: string,
  procedure: { type: SpecialProcedureType; expectedDays: number },
  until: string,
): NoticeDraft => ({
  ...toApplicant(state),
  kind: 'CLOCK_STOPPED',
  itemCode: item.code,
  expectedDays: procedure.expectedDays,
  expectedUntil: until,
  message: `The clock of ${item.name} stopped on ${on} for ${REASON_TEXT[procedure.type]}, expected to take ${procedure.expectedDays} working days (until ${until}); by art. 45 this time is not counted.`,
});

export const specialProcedureEnded = (
  state: ProjectState,
  item: ItemState,
  on: string,
): NoticeDraft => ({
  ...toApplicant(state),
  kind: 'CLOCK_RESUMED',
  itemCode: item.code,
  message: `The special procedure for ${item.name} ended on ${on}; its clock runs again.`,
});

export const acceptedWithDeficiency = (
  state: ProjectState,
  item: ItemState,
  d: { description: string; dueDate: string },
): NoticeDraft => ({
  ...toApplicant(state),
  kind: 'CLOCK_RESUMED',
  itemCode: item.code,
  expectedUntil: d.dueDate,
  message: `${item.name} is reviewed on your commitment to deliver "${d.description}" by ${d.dueDate}; if it does not arrive by then the item is suspended.`,
});

/** A supplement or special procedure ended, but a missed 容缺 keeps the clock stopped. */
export const stillStopped = (
  state: ProjectState,
  item: ItemState,
  d: Deficiency,
  on: string,
): NoticeDraft => ({
  ...toApplicant(state),
  kind: 'CLOCK_STOPPED',
  itemCode: item.code,
  message: `The clock of ${item.name} stays stopped on ${on}: ${REASON_TEXT.DEFICIENCY_OVERDUE} ("${d.description}", due ${d.dueDate}). It resumes when you deliver it.`,
});

export const jointProcedureScheduled = (
  state: ProjectState,
  department: string,
  type: JointProcedure,
  date: string,
  itemCodes: string[],
): NoticeDraft => ({
  recipientRole: 'OFFICER',
  department,
  kind: 'JOINT_PROCEDURE_SCHEDULED',
  message: `Joint ${type} on ${date} for ${state.name}: ${itemCodes.join(', ')}`,
});

export const siteSurveyStopsClocks = (
  state: ProjectState,
  itemCodes: string[],
  days: number,
  date: string,
): NoticeDraft => ({
  ...toApplicant(state),
  kind: 'CLOCK_STOPPED',
  expectedDays: days,
  expectedUntil: date,
  message: `A joint site survey is scheduled for ${date}; the clocks of ${itemCodes.join(', ')} stop until every department has recorded its result (art. 45).`,
});

export const deficiencyMissed = (
  state: ProjectState,
  item: ItemState,
  d: Deficiency,
): NoticeDraft[] => [
  {
    ...toApplicant(state),
    kind: 'DEFICIENCY_MISSED',
    itemCode: item.code,
    message: `"${d.description}" for ${item.name} was due on ${d.dueDate} and has not arrived: the item is suspended and its clock stopped until you deliver it.`,
  },
  {
    recipientRole: 'OFFICER',
    department: item.department,
    kind: 'DEFICIENCY_MISSED',
    itemCode: item.code,
    message: `${state.name}: ${item.code} suspended, committed materials missing since ${d.dueDate}.`,
  },
];

export const itemWarning = (state: ProjectState, item: ItemState, c: ItemClock): NoticeDraft => ({
  recipientRole: 'OFFICER',
  department: item.department,
  kind: 'WARNING',
  itemCode: item.code,
  message: `${state.name}: ${item.name} has used ${c.usedDays} of ${c.limitDays} working days; due ${c.dueDate ?? '(clock stopped)'}.`,
});

/** Past its limit: the department head and the supervisor are told. */
export const itemOverdue = (state: ProjectState, item: ItemState, c: ItemClock): NoticeDraft[] =>
  (['DEPARTMENT_HEAD', 'SUPERVISOR'] as const).map((recipientRole) => ({
    recipientRole,
    department: item.department,
    kind: 'OVERDUE_ESCALATION',
    itemCode: item.code,
    message: `${state.name}: ${item.name} (${item.department}) passed its limit of ${c.limitDays} working days (due ${c.dueDate}).`,
  }));

export const projectRisk = (state: ProjectState, pc: ProjectClock): NoticeDraft => ({
  recipientRole: 'SUPERVISOR',
  kind: pc.risk === 'OVERDUE' ? 'OVERDUE_ESCALATION' : 'WARNING',
  message: `${state.name}: ${pc.usedDays} of ${pc.limitDays} working days used on the project clock.`,
});
