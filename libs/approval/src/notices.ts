/**
 * What people are told, in one place: every clock stop, warning and escalation creates a
 * notice, and its wording lives here. Each function returns the notice without its sequence
 * number and instant (the Outbox adds them). The words themselves, in each language, are in
 * notice-texts.ts.
 */
import type { ItemClock, ProjectClock } from './clock';
import type { Deficiency, ItemState, Notice, ProjectState, SpecialProcedureType } from './types';
import { departmentNames, type JointProcedure, type StageCode } from '../../domain/src';
import { materialsForNotice, type MaterialState } from './materials';
import { noticeText } from './notice-texts';

export type NoticeDraft = Omit<Notice, 'seq' | 'at'>;

const toApplicant = (state: ProjectState) =>
  ({ recipientRole: 'APPLICANT', organisation: state.ownerOrganisation }) as const;

/** An item by name, in both languages (notice-texts.ts shows `itemEn` in English). */
const itemParams = (item: Pick<ItemState, 'name' | 'nameEn'>) => ({
  item: item.name,
  itemEn: item.nameEn,
});

/** A department by name, in both languages. */
const departmentParams = (code: string) => {
  const n = departmentNames(code);
  return { department: n.zh, departmentEn: n.en };
};

/** Working days late: the number (Chinese counts it with 个工作日) and English's words. */
const lateParams = (days: number) => ({
  late: days,
  lateEn: `${days} working day${days === 1 ? '' : 's'}`,
});

/** Items by name, listed in each language's way. */
const itemsParams = (state: ProjectState, codes: readonly string[]) => {
  const items = codes.map((c) => state.items.find((i) => i.code === c) ?? { name: c, nameEn: c });
  return {
    items: items.map((i) => i.name).join('、'),
    itemsEn: items.map((i) => i.nameEn).join(', '),
  };
};

export const stageReturned = (
  state: ProjectState,
  stage: StageCode,
  reason?: string,
  materials: readonly { m: MaterialState; reason?: string }[] = [],
): NoticeDraft => ({
  ...toApplicant(state),
  kind: 'STAGE_RETURNED',
  ...(materials.length
    ? noticeText('stageReturnedMaterials', {
        stage,
        comment: reason ?? '',
        ...materialsForNotice(materials),
      })
    : noticeText('stageReturned', { stage, comment: reason ?? '' })),
});

export const stageAccepted = (
  state: ProjectState,
  stage: StageCode,
  on: string,
  itemCodes: readonly string[],
): NoticeDraft => ({
  ...toApplicant(state),
  kind: 'STAGE_ACCEPTED',
  ...noticeText('stageAccepted', {
    stage,
    on,
    count: itemCodes.length,
    ...itemsParams(state, itemCodes),
  }),
});

export const itemApproved = (state: ProjectState, item: ItemState, on: string): NoticeDraft => ({
  ...toApplicant(state),
  kind: 'ITEM_APPROVED',
  itemCode: item.code,
  ...noticeText('itemApproved', { ...itemParams(item), ...departmentParams(item.department), on }),
});

/** A failed follow-up check (核查) revoked an approval on commitment. */
export const resultRevoked = (
  state: ProjectState,
  item: ItemState,
  on: string,
  comment: string,
): NoticeDraft => ({
  ...toApplicant(state),
  kind: 'RESULT_REVOKED',
  itemCode: item.code,
  ...noticeText('resultRevoked', {
    ...itemParams(item),
    ...departmentParams(item.department),
    on,
    comment,
  }),
});

/** A department's pre-review comment (预审意见): the applicant corrects before acceptance. */
export const preReviewComment = (
  state: ProjectState,
  item: ItemState,
  comment: string,
): NoticeDraft => ({
  ...toApplicant(state),
  kind: 'PRE_REVIEW_COMMENT',
  itemCode: item.code,
  ...noticeText('preReviewComment', {
    ...itemParams(item),
    ...departmentParams(item.department),
    comment,
  }),
});

export const itemRejected = (
  state: ProjectState,
  item: ItemState,
  comment?: string,
): NoticeDraft => ({
  ...toApplicant(state),
  kind: 'ITEM_REJECTED',
  itemCode: item.code,
  ...noticeText('itemRejected', { ...itemParams(item), comment: comment ?? '', stage: item.stage }),
});

export const supplementRequested = (
  state: ProjectState,
  item: ItemState,
  on: string,
  comment?: string,
  materials: readonly { m: MaterialState; reason?: string }[] = [],
): NoticeDraft => {
  const params = { ...itemParams(item), on, reason: 'SUPPLEMENT', comment: comment ?? '' };
  return {
    ...toApplicant(state),
    kind: 'CLOCK_STOPPED',
    itemCode: item.code,
    ...(materials.length
      ? noticeText('supplementRequestedMaterials', { ...params, ...materialsForNotice(materials) })
      : noticeText('supplementRequested', params)),
  };
};

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
  ...noticeText('specialProcedureStarted', {
    ...itemParams(item),
    on,
    reason: procedure.type,
    days: procedure.expectedDays,
    until,
  }),
});

export const specialProcedureEnded = (
  state: ProjectState,
  item: ItemState,
  on: string,
): NoticeDraft => ({
  ...toApplicant(state),
  kind: 'CLOCK_RESUMED',
  itemCode: item.code,
  ...noticeText('specialProcedureEnded', { ...itemParams(item), on }),
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
  ...noticeText('acceptedWithDeficiency', {
    ...itemParams(item),
    description: d.description,
    due: d.dueDate,
  }),
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
  ...noticeText('stillStopped', {
    ...itemParams(item),
    on,
    reason: 'DEFICIENCY_OVERDUE',
    description: d.description,
    due: d.dueDate,
  }),
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
  ...noticeText('jointProcedureScheduled', {
    procedure: type,
    date,
    project: state.name,
    ...itemsParams(state, itemCodes),
  }),
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
  ...noticeText('siteSurveyStopsClocks', { date, ...itemsParams(state, itemCodes) }),
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
    ...noticeText('deficiencyMissedApplicant', {
      description: d.description,
      ...itemParams(item),
      due: d.dueDate,
    }),
  },
  {
    recipientRole: 'OFFICER',
    department: item.department,
    kind: 'DEFICIENCY_MISSED',
    itemCode: item.code,
    ...noticeText('deficiencyMissedOfficer', {
      project: state.name,
      ...itemParams(item),
      due: d.dueDate,
    }),
  },
];

export const itemWarning = (state: ProjectState, item: ItemState, c: ItemClock): NoticeDraft => ({
  recipientRole: 'OFFICER',
  department: item.department,
  kind: 'WARNING',
  itemCode: item.code,
  ...noticeText(c.dueDate ? 'itemWarning' : 'itemWarningStopped', {
    project: state.name,
    ...itemParams(item),
    used: c.usedDays,
    limit: c.limitDays,
    ...(c.dueDate ? { due: c.dueDate } : {}),
  }),
});

/** Past its limit: the department head and the supervisor are told. */
export const itemOverdue = (state: ProjectState, item: ItemState, c: ItemClock): NoticeDraft[] =>
  (['DEPARTMENT_HEAD', 'SUPERVISOR'] as const).map((recipientRole) => ({
    recipientRole,
    department: item.department,
    kind: 'OVERDUE_ESCALATION',
    itemCode: item.code,
    ...noticeText('itemOverdueBy', {
      project: state.name,
      ...itemParams(item),
      ...departmentParams(item.department),
      ...lateParams(Math.max(1, c.usedDays - c.limitDays)),
      limit: c.limitDays,
      due: c.dueDate ?? '',
    }),
  }));

export const projectRisk = (state: ProjectState, pc: ProjectClock): NoticeDraft => ({
  recipientRole: 'SUPERVISOR',
  kind: pc.risk === 'OVERDUE' ? 'OVERDUE_ESCALATION' : 'WARNING',
  ...noticeText('projectRisk', { project: state.name, used: pc.usedDays, limit: pc.limitDays }),
});
