/**
 * The rectification workflow's messages, shared by the worker (handlers) and the API (callers);
 * its rules, input and notices are libs/approval's (rectification.ts).
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { RectificationView } from '../../approval/src';

/** One workflow per rating: a retried request finds the same workflow, never a second one. */
export const rectificationWorkflowId = (ratingId: string) => `rectification-${ratingId}`;

export interface RectificationActor {
  username: string;
  role: string;
  onBehalfOf?: string;
}

export interface RespondArgs {
  note: string;
  by: RectificationActor;
}

export interface ConfirmArgs {
  satisfied: boolean;
  note?: string;
  by: RectificationActor;
}

export const rectificationRespondUpdate = defineUpdate<RectificationView, [RespondArgs]>('respond');
export const rectificationConfirmUpdate = defineUpdate<RectificationView, [ConfirmArgs]>('confirm');
export const rectificationQuery = defineQuery<RectificationView>('rectification');

/** ApplicationFailure type of a refused response or confirmation (the state forbids it → 409). */
export const RECTIFICATION_CONFLICT = 'RectificationRefused.CONFLICT';
