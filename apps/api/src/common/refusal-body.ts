import { REFUSAL_KEYS, type RefusalReason } from '../../../../libs/approval/src';

const isReason = (x: unknown): x is RefusalReason =>
  typeof x === 'object' &&
  x !== null &&
  (REFUSAL_KEYS as readonly unknown[]).includes((x as { key?: unknown }).key);

/**
 * A refusal's HTTP body: the English message (logs, API callers) and, when the refusal says
 * why, `reason` — a stable key and what it names — for a page to say in the reader's language.
 */
export function refusalBody(message: string, reason?: unknown) {
  return isReason(reason) ? { message, reason } : { message };
}
