/**
 * Baseline levels, shared by the baseline benchmark and the ones that compare against it in the
 * same run: `noopWorkflow` started and awaited (client `workflow.execute`) from this process,
 * `concurrency` at a time, on the given task queue.
 */
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { LoadResult, runLoad } from '../lib/runner';
import type { BenchWorkerSpec } from '../lib/stack';
import type { noopWorkflow } from './workflows';

export const BASELINE_TASK_QUEUE = 'bench-baseline';

export function baselineWorker(): BenchWorkerSpec {
  return {
    name: 'baseline worker',
    taskQueue: BASELINE_TASK_QUEUE,
    workflowsPath: join(__dirname, 'workflows.ts'),
    activitiesPath: join(__dirname, 'activities.ts'),
  };
}

export interface BaselineLevelOptions {
  client: Client;
  concurrency: number;
  total: number;
  maxSeconds: number;
  label?: string;
  log?: ((line: string) => void) | null;
}

export function runBaselineLevel(o: BaselineLevelOptions): Promise<LoadResult> {
  const run = randomUUID().slice(0, 8);
  return runLoad({
    label: o.label ?? `baseline c=${o.concurrency}`,
    concurrency: o.concurrency,
    total: o.total,
    maxSeconds: o.maxSeconds,
    log: o.log,
    op: async (i) => {
      const r = await o.client.workflow.execute<typeof noopWorkflow>('noopWorkflow', {
        taskQueue: BASELINE_TASK_QUEUE,
        workflowId: `baseline-${run}-${i}`,
        args: [i],
      });
      if (r !== i) throw new Error(`noopWorkflow returned ${r}, expected ${i}`);
    },
  });
}
