import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { SmokeActivities } from '../activities/smoke.activities';
import type { SmokeWorkflowInput, SmokeWorkflowResult } from '../libs/temporal/src/smoke';

const { recordSmoke } = proxyActivities<SmokeActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

export async function smokeWorkflow({ message }: SmokeWorkflowInput): Promise<SmokeWorkflowResult> {
  const { workflowId } = workflowInfo();
  const { recordedAt } = await recordSmoke({ workflowId, message });
  return { workflowId, message, recordedAt };
}
