/**
 * The status sets of items, declared once: the state machine, the clocks, the deadlines and
 * (later) the API's queries import them from here.
 */
import type { ItemStatus } from './types';

/** Not decided yet: the item still holds its stage (PRE_REVIEW: its stage is not reached). */
export const OPEN_ITEM_STATUSES: readonly ItemStatus[] = [
  'PENDING',
  'PRE_REVIEW',
  'SUBMITTED',
  'UNDER_REVIEW',
  'SUPPLEMENT_REQUESTED',
  'SPECIAL_PROCEDURE',
  'SUSPENDED',
];

/** Accepted and not decided: its clock runs or is stopped; a department works on it. */
export const IN_REVIEW_ITEM_STATUSES: readonly ItemStatus[] = [
  'UNDER_REVIEW',
  'SUPPLEMENT_REQUESTED',
  'SPECIAL_PROCEDURE',
  'SUSPENDED',
];

/** The item's clock is stopped and the time is not counted (art. 45, 补正, a missed 容缺). */
export const PAUSED_ITEM_STATUSES: readonly ItemStatus[] = [
  'SUPPLEMENT_REQUESTED',
  'SPECIAL_PROCEDURE',
  'SUSPENDED',
];

/** Decided: its clock has ended for this round. */
export const CLOSED_ITEM_STATUSES: readonly ItemStatus[] = [
  'APPROVED',
  'REJECTED',
  'WITHDRAWN',
  'REVOKED',
];

/**
 * No longer holds its stage (a rejected item blocks it until resubmitted or withdrawn). A
 * revoked result does not reopen its stage: the revocation is the sanction, the stage moved on.
 */
export const DONE_ITEM_STATUSES: readonly ItemStatus[] = ['APPROVED', 'WITHDRAWN', 'REVOKED'];

/** An officer's decision ended it (a withdrawal is the applicant's, not a decision). */
export const DECIDED_ITEM_STATUSES: readonly ItemStatus[] = ['APPROVED', 'REJECTED', 'REVOKED'];

export const isOpen = (s: ItemStatus) => OPEN_ITEM_STATUSES.includes(s);
export const isInReview = (s: ItemStatus) => IN_REVIEW_ITEM_STATUSES.includes(s);
export const isClosed = (s: ItemStatus) => CLOSED_ITEM_STATUSES.includes(s);
export const isDone = (s: ItemStatus) => DONE_ITEM_STATUSES.includes(s);
export const isDecided = (s: ItemStatus) => DECIDED_ITEM_STATUSES.includes(s);

/** An approval on commitment whose follow-up check (核查) is still to be made. */
export const checkOpen = (item: { onCommitment?: { check?: unknown } }) =>
  item.onCommitment !== undefined && item.onCommitment.check === undefined;
