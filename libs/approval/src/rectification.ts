/**
 * The rules of a rectification (its workflow's messages are libs/temporal's): a bad rating
 * (好差评: score 1 or 2) opens one; the department head must respond within 5 working days of the
 * project's calendar, then the applicant confirms it was put right or disputes it.
 */
import type { CalendarSnapshot, WorkingDayCalendar } from '../../calendar/src/core';
import { itemNames } from '../../domain/src';
import { noticeText, type NoticeText } from './notice-texts';

/** Working days the head has to respond, counted as item limits are (the opening day not counted). */
export const RECTIFICATION_WORKING_DAYS = 5;
/** Scores that open a rectification (1 = 非常不满意, 2 = 不满意). */
export const BAD_SCORE_MAX = 2;
export const RATING_SCORES = [1, 2, 3, 4, 5] as const;

export const RECTIFICATION_STATUSES = [
  'OPEN',
  'RESPONDED',
  'CONFIRMED',
  'DISPUTED',
  'OVERDUE',
] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

/** Notice kinds the rectification workflow writes into the `notices` table (negative seq). */
export const RECTIFICATION_NOTICE_KINDS = [
  'RECTIFICATION_OPENED',
  'RECTIFICATION_OVERDUE',
  'RECTIFICATION_RESPONDED',
  'RECTIFICATION_CONFIRMED',
  'RECTIFICATION_DISPUTED',
] as const;
export type RectificationNoticeKind = (typeof RECTIFICATION_NOTICE_KINDS)[number];

/** The due date: the 5th working day after the opening day. */
export function rectificationDueDate(cal: WorkingDayCalendar, openedOn: string): string {
  return cal.addWorkingDays(openedOn, RECTIFICATION_WORKING_DAYS).date;
}

/** The instant it becomes OVERDUE: right after the end of the due day in Asia/Shanghai. */
export function rectificationDueAt(cal: WorkingDayCalendar, dueDate: string): number {
  return cal.endOfDay(dueDate) + 1;
}

/** What a rating says of the item it rates: the rectification opens with it. */
interface RatedItem {
  /** The rating's id; the rectification has the same id. */
  id: string;
  projectId: string;
  projectName: string;
  itemCode: string;
  itemName: string;
  department: string;
  /** The project's owner organisation (the applicant side). */
  organisation: string;
  score: number;
  comment: string | null;
  /** YYYY-MM-DD (Asia/Shanghai) on which the rating was given. */
  openedOn: string;
}

export interface RectificationInput extends RatedItem {
  /** The project's calendar (the API's snapshot in force when the rating was given). */
  calendar: CalendarSnapshot;
}

/** The rectification as the workflow holds it and the `rectifications` table stores it. */
export interface RectificationView extends RatedItem {
  status: RectificationStatus;
  dueDate: string;
  /** ISO instant at which it goes OVERDUE unless responded. */
  dueAt: string;
  overdueAt: string | null;
  response: string | null;
  respondedBy: string | null;
  respondedAt: string | null;
  confirmationNote: string | null;
  satisfied: boolean | null;
  confirmedBy: string | null;
  confirmedAt: string | null;
  calendarVersion: string;
}

export interface RectificationNoticeDraft {
  recipientRole: 'APPLICANT' | 'DEPARTMENT_HEAD' | 'SUPERVISOR';
  department?: string;
  organisation?: string;
  kind: RectificationNoticeKind;
  itemCode: string;
  message: string;
  /** Absent in writes from runs started before notice texts. */
  text?: NoticeText;
}

/** One write of the rectification: the whole row at `version`, with the notices of the change. */
export interface RectificationWrite {
  rectification: RectificationView;
  /** Increases with every change of one workflow: an older or repeated write changes nothing. */
  version: number;
  at: string;
  notices: RectificationNoticeDraft[];
}

/** Who is told what at each change (the wording lives here). */
export function rectificationNotices(
  r: RectificationView,
  kind: RectificationNoticeKind,
): RectificationNoticeDraft[] {
  const what = `${r.projectName} — ${r.itemName}`;
  const whatEn = `${r.projectName} — ${itemNames(r.itemCode, r.itemName).en}`;
  const head = { recipientRole: 'DEPARTMENT_HEAD', department: r.department } as const;
  const supervisor = { recipientRole: 'SUPERVISOR' } as const;
  const applicant = { recipientRole: 'APPLICANT', organisation: r.organisation } as const;
  const base = { kind, itemCode: r.itemCode };
  switch (kind) {
    case 'RECTIFICATION_OPENED':
      return [
        {
          ...head,
          ...base,
          ...noticeText('rectificationOpened', { what, whatEn, score: r.score, due: r.dueDate }),
        },
      ];
    case 'RECTIFICATION_OVERDUE': {
      const text = noticeText('rectificationOverdue', { what, whatEn, due: r.dueDate });
      return [
        { ...supervisor, ...base, ...text },
        { ...head, ...base, ...text },
      ];
    }
    case 'RECTIFICATION_RESPONDED':
      return [
        {
          ...applicant,
          ...base,
          ...noticeText('rectificationResponded', { what, whatEn }),
        },
      ];
    case 'RECTIFICATION_CONFIRMED':
      return [{ ...head, ...base, ...noticeText('rectificationConfirmed', { what, whatEn }) }];
    case 'RECTIFICATION_DISPUTED': {
      const text = noticeText('rectificationDisputed', { what, whatEn });
      return [
        { ...supervisor, ...base, ...text },
        { ...head, ...base, ...text },
      ];
    }
  }
}
