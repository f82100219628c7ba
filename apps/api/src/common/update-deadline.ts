import { ServiceUnavailableException } from '@nestjs/common';
import { WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { dependencyOutage } from './dependency-outage';

/**
 * An Update that was still waiting when its deadline passed: the client gives up with
 * `WorkflowUpdateRPCTimeoutOrCancelledError` (the gRPC call ended DEADLINE_EXCEEDED or
 * CANCELLED), or with a Temporal outage at the deadline. The command may have been applied and be
 * waiting for its read-model write (Temporal or PostgreSQL down), so it is a 503 — Retry-After
 * comes with every 503 — telling the caller how to retry (a command: with the same
 * Idempotency-Key, which answers its result without applying it twice). Anything else: undefined.
 */
export function unconfirmedUpdate(
  err: unknown,
  waitedMs: number,
  deadlineMs: number,
  what = 'the project did not confirm the command',
  retry = 'retry with the same Idempotency-Key to get its result',
): ServiceUnavailableException | undefined {
  const timedOut =
    err instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
    (waitedMs >= deadlineMs && dependencyOutage(err) === 'temporal');
  if (!timedOut) return undefined;
  return new ServiceUnavailableException(
    `${what} within ${Math.round(deadlineMs / 1000)} s (Temporal or PostgreSQL may be down); ${retry}`,
  );
}
