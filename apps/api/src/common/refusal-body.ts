import { REFUSAL_KEYS, type RefusalReason } from '../../../../libs/approval/src';

/** Reasons only the API's own services give (key projects, issue 27), beside the workflow's. */
export const API_REFUSAL_KEYS = ['NO_PROPOSAL'] as const;
export type ApiRefusalKey = (typeof API_REFUSAL_KEYS)[number];

const KEYS: readonly unknown[] = [...REFUSAL_KEYS, ...API_REFUSAL_KEYS];

const isReason = (x: unknown): x is RefusalReason | { key: ApiRefusalKey } =>
  typeof x === 'object' && x !== null && KEYS.includes((x as { key?: unknown }).key);

/**
 * A refusal's HTTP body: the English message (logs, API callers) and, when the refusal says
 * why, `reason` — a stable key and what it names — for a page to say in the reader's language.
 */
export function refusalBody(message: string, reason?: unknown) {
  return isReason(reason) ? { message, reason } : { message };
}

/** A refusal of the API's own, with a key of either list: the same body as `refusalBody`. */
export function apiRefusal(
  message: string,
  reason: RefusalReason | { key: ApiRefusalKey; params?: RefusalReason['params'] },
) {
  return refusalBody(message, reason);
}
