import { theme } from 'antd';
import { useMemo } from 'react';
import type { MaterialStatus, Risk, Schemas } from '../api/types';

/**
 * What a colour says, and the colours themselves taken from the theme (AppProviders'
 * ConfigProvider, antd's palette): dark shades, so white text on a solid tag passes WCAG AA.
 */
export type Tone = 'good' | 'warn' | 'bad' | 'info' | 'muted' | 'special' | 'waiting' | 'mark';

export function useTones(): Record<Tone, string> {
  const { token } = theme.useToken();
  return useMemo(
    () => ({
      good: token.colorSuccess,
      warn: token.orange8,
      bad: token.red8,
      info: token.blue7,
      muted: token.colorTextDescription,
      special: token.purple7,
      waiting: token.cyan8,
      mark: token.magenta8,
    }),
    [token],
  );
}

/** On track, at risk, overdue: the one mapping every tag, gauge and chart uses. */
export const RISK_TONE: Record<Risk, Tone> = { ON_TRACK: 'good', AT_RISK: 'warn', OVERDUE: 'bad' };

/** A risk's colour (a code the app does not know yet: muted). */
export function useRiskColor(): (risk: string) => string {
  const tones = useTones();
  return (risk) => tones[RISK_TONE[risk as Risk] ?? 'muted'];
}

/** Items', stages' and projects' statuses. */
export const STATUS_TONE: Record<string, Tone> = {
  APPROVED: 'good',
  COMPLETED: 'good',
  REJECTED: 'bad',
  UNDER_REVIEW: 'info',
  IN_REVIEW: 'info',
  SUBMITTED: 'waiting',
  SUPPLEMENT_REQUESTED: 'warn',
  SPECIAL_PROCEDURE: 'special',
  SUSPENDED: 'bad',
  BLOCKED: 'bad',
  RETURNED: 'warn',
  WITHDRAWN: 'muted',
  PRE_REVIEW: 'mark',
  REVOKED: 'bad',
  CHECK_DUE: 'special',
  PENDING: 'muted',
  NOT_STARTED: 'muted',
};

/** A material: missing or to correct asks for the applicant; accepted is done. */
export const MATERIAL_TONE: Record<MaterialStatus, Tone> = {
  MISSING: 'warn',
  UPLOADED: 'info',
  ACCEPTED: 'good',
  NEEDS_CORRECTION: 'bad',
  PROVIDED_BY_RESULT: 'special',
  WAIVED: 'muted',
};

/** What an event did to a clock (the timeline). */
export const CLOCK_EFFECT_TONE: Record<
  NonNullable<Schemas['TimelineEventDto']['clockEffect']>,
  Tone
> = {
  STARTED: 'info',
  STOPPED: 'muted',
  RESUMED: 'info',
  ENDED: 'good',
  RESTARTED: 'info',
  EXTENDED: 'special',
};

/** Notices: a stop, a warning or an opened rectification asks for attention; a miss is bad. */
export const NOTICE_TONE: Record<Schemas['NoticeDto']['kind'], Tone> = {
  CLOCK_STOPPED: 'warn',
  DEFICIENCY_MISSED: 'bad',
  OVERDUE_ESCALATION: 'bad',
  ITEM_REJECTED: 'bad',
  STAGE_ACCEPTED: 'good',
  ITEM_APPROVED: 'good',
  STAGE_RETURNED: 'warn',
  WARNING: 'warn',
  CLOCK_RESUMED: 'good',
  JOINT_PROCEDURE_SCHEDULED: 'info',
  RESULT_REVOKED: 'bad',
  PRE_REVIEW_COMMENT: 'info',
  RECTIFICATION_OPENED: 'warn',
  RECTIFICATION_OVERDUE: 'bad',
  RECTIFICATION_DISPUTED: 'bad',
  RECTIFICATION_RESPONDED: 'info',
  RECTIFICATION_CONFIRMED: 'good',
  SPECIALIST_PROPOSED: 'info',
  SPECIALIST_ACCEPTED: 'good',
  SPECIALIST_DECLINED: 'warn',
};
