/**
 * The soak's stand-in for a deadline: one durable timer held the way the project workflow holds
 * its next deadline (workflows/project.workflow.ts: `await condition(() => dirty, ms)`, woken
 * early only by a change). It is set when the workflow's first task runs, for `dueAt` (epoch ms),
 * and the workflow answers when its code ran again after the timer fired. `Date.now()` in
 * workflow code is the time of the workflow task (Temporal's deterministic clock), so `firedAt`
 * is when the task that saw the timer fire started. Bundled by its own worker.
 */
import { condition, defineSignal, setHandler } from '@temporalio/workflow';

export interface TimerResult {
  dueAt: number;
  /** When the timer was set (the first workflow task). */
  setAt: number;
  /** When the workflow ran after the timer fired. */
  firedAt: number;
  /** The timer did not fire: a signal woke the workflow first (never sent by the soak). */
  woken: boolean;
}

/** A change, as a command is for the project workflow; the soak never sends it. */
export const wakeSignal = defineSignal('wake');

export async function soakTimerWorkflow(dueAt: number): Promise<TimerResult> {
  let dirty = false;
  setHandler(wakeSignal, () => {
    dirty = true;
  });
  const setAt = Date.now();
  const fired = !(await condition(() => dirty, Math.max(1, dueAt - setAt)));
  return { dueAt, setAt, firedAt: Date.now(), woken: !fired };
}
