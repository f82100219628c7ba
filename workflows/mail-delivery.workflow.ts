import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { DeliveryOutcome, MailActivities } from '../activities/mail.activities';

/** Delivery retries while the mail server is down: 1 s, 2 s, 4 s … at most a minute apart. */
const { deliverNoticeMail } = proxyActivities<MailActivities>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '3 days',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const { giveUpNoticeMail } = proxyActivities<MailActivities>({
  startToCloseTimeout: '30 seconds',
});

/**
 * Sends one notice mail (one outbox row). The row is the key: the activity sends it at most
 * once however often this runs; a mail refused for good, or still not sent after three days,
 * is marked failed so the sweep stops starting it.
 */
export async function mailDeliveryWorkflow({
  outboxId,
}: {
  outboxId: string;
}): Promise<DeliveryOutcome | 'FAILED'> {
  try {
    return await deliverNoticeMail({ outboxId });
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    const cause = err.cause instanceof ApplicationFailure ? err.cause.message : String(err.cause);
    await giveUpNoticeMail({ outboxId, error: cause || err.message });
    return 'FAILED';
  }
}
