/**
 * The commands: their messages (command.ts) and one handler per kind, each with its guard
 * beside its change. `state-machine.ts` dispatches through `HANDLERS`.
 */
import type { CommandKind } from './command';
import type { CommandHandler } from './handler';
import { acceptStage } from './accept-stage';
import { attachFile } from './attach-file';
import { checkCommitment } from './commitment';
import { answerSupplement } from './answer-supplement';
import { decide } from './decide';
import { deliverDeficiency } from './deliver-deficiency';
import { detachFile } from './detach-file';
import { grantExtension } from './grant-extension';
import { handOver } from './hand-over';
import { preReviewComment, preReviewStage } from './pre-review';
import { recordJointResult } from './record-joint-result';
import { resubmitItem } from './resubmit-item';
import { reviewMaterial } from './review-material';
import { scheduleJointProcedure } from './schedule-joint-procedure';
import { submitStage } from './submit-stage';
import { withdrawItem } from './withdraw-item';
import { withdrawProject } from './withdraw-project';

export * from './command';
export type { CommandHandler, Ctx, ValidateCtx } from './handler';
export { findItem } from './guards';
export { MAX_EXTENSION_DAYS } from './grant-extension';
export { MAX_COMMITMENT_LENGTH } from './commitment';

export const HANDLERS: { readonly [K in CommandKind]: CommandHandler<K> } = {
  SUBMIT_STAGE: submitStage,
  ACCEPT_STAGE: acceptStage,
  DECIDE: decide,
  ANSWER_SUPPLEMENT: answerSupplement,
  DELIVER_DEFICIENCY: deliverDeficiency,
  RESUBMIT_ITEM: resubmitItem,
  WITHDRAW_ITEM: withdrawItem,
  WITHDRAW_PROJECT: withdrawProject,
  HAND_OVER: handOver,
  GRANT_EXTENSION: grantExtension,
  SCHEDULE_JOINT_PROCEDURE: scheduleJointProcedure,
  RECORD_JOINT_RESULT: recordJointResult,
  ATTACH_FILE: attachFile,
  DETACH_FILE: detachFile,
  REVIEW_MATERIAL: reviewMaterial,
  CHECK_COMMITMENT: checkCommitment,
  PRE_REVIEW_STAGE: preReviewStage,
  PRE_REVIEW_COMMENT: preReviewComment,
};
