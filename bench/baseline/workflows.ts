/**
 * The baseline: a workflow that does nothing but run one activity, the least a workflow with
 * one side effect costs on this Temporal server. Bundled by its own worker (bench/lib/worker-main).
 */
import { proxyActivities } from '@temporalio/workflow';
import type * as activities from './activities';

const { noop } = proxyActivities<typeof activities>({ startToCloseTimeout: '30 seconds' });

export async function noopWorkflow(n: number): Promise<number> {
  return noop(n);
}
