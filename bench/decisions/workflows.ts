/**
 * The raw Temporal Update round trip: a workflow whose Update handler does nothing but count and
 * answer, no validator, no activity. It waits until signalled to stop. Bundled by its own worker.
 */
import {
  allHandlersFinished,
  condition,
  defineSignal,
  defineUpdate,
  setHandler,
} from '@temporalio/workflow';

export const pingUpdate = defineUpdate<number, [number]>('ping');
export const stopSignal = defineSignal('stop');

export async function updateTargetWorkflow(): Promise<number> {
  let count = 0;
  let stopped = false;
  setHandler(pingUpdate, (n: number) => {
    count++;
    return n;
  });
  setHandler(stopSignal, () => {
    stopped = true;
  });
  await condition(() => stopped);
  await condition(allHandlersFinished);
  return count;
}
