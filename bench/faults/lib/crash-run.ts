/**
 * The shape the three crash tests share: N projects are created, their PLAN is submitted and
 * accepted, then officers approve every item under review, round after round (items with
 * prerequisites start when those are approved) until PLAN is complete. Once a quarter of the
 * first round is answered, the test's fault runs alongside the decisions; it may create more
 * projects while the stack is broken, and those are driven through PLAN too. Then everything is
 * verified: nothing lost, nothing doubled.
 */
import { FaultClient } from './client';
import { checklistSize } from './checklist';
import { log } from './progress';
import type { FaultContext } from './result';
import {
  CHECKLISTS,
  DecisionOutcome,
  Progress,
  Tokens,
  approveAll,
  createProjects,
  runId,
  signIn,
  submitAndAccept,
  underReview,
  until,
} from './scenario';
import { verifyRun } from './verify';

export interface FaultWindow {
  /** When the dependency went away and when it was back (ms since epoch). */
  downAt: number;
  upAt: number;
  /** Projects created (with retries) while it was down; they go through PLAN as well. */
  extraIds?: string[];
  [k: string]: unknown;
}

export interface CrashRunOptions {
  projects: number;
  checklist: string;
  concurrency: number;
  /** Per attempt of a decision; a slower answer is retried with the same key. */
  decisionTimeoutMs?: number;
  fault: (
    ctx: FaultContext,
    run: { api: FaultClient; tokens: Tokens; progress: Progress; runId: string },
  ) => Promise<FaultWindow>;
}

export async function crashRun(
  ctx: FaultContext,
  opts: CrashRunOptions,
): Promise<{ api: FaultClient; window: FaultWindow }> {
  const { stack, data } = ctx;
  const api = new FaultClient(() => stack.apiUrl);
  const answers = CHECKLISTS[opts.checklist];
  if (!answers) throw new Error(`FAULT_CHECKLIST: one of ${Object.keys(CHECKLISTS).join(', ')}`);
  const tokens = await signIn(api, ['DRC', 'NRP', 'EEB', 'WRB']);
  const run = runId();
  const timings: Record<string, number> = {};
  const since = (t0: number) => Math.round((Date.now() - t0) / 100) / 10;
  data.config = {
    projects: opts.projects,
    checklist: opts.checklist,
    checklistSize: checklistSize(answers),
    concurrency: opts.concurrency,
    decisionTimeoutMs: opts.decisionTimeoutMs ?? 45_000,
  };
  data.timingsS = timings;

  log(
    `creating ${opts.projects} projects (${opts.checklist}, ${checklistSize(answers)} items each)`,
  );
  let t0 = Date.now();
  const { ids } = await createProjects(api, tokens, {
    count: opts.projects,
    answers,
    run,
    concurrency: 8,
  });
  timings.create = since(t0);
  log('submitting and accepting PLAN');
  t0 = Date.now();
  await submitAndAccept(api, tokens, ids, { stage: 'PLAN', run, concurrency: 8 });
  timings.submitAccept = since(t0);

  const decisions: DecisionOutcome[] = [];
  let window: FaultWindow | undefined;
  let faultRun: Promise<FaultWindow> | undefined;
  const all = [...ids];
  for (let round = 1; ; round++) {
    const targets = await underReview(api, tokens, all, { stage: 'PLAN', run, concurrency: 8 });
    if (targets.length === 0) {
      data.rounds = round - 1;
      break;
    }
    log(`round ${round}: ${targets.length} items under review, ${opts.concurrency} at a time`);
    const progress = new Progress();
    t0 = Date.now();
    const batch = approveAll(api, tokens, targets, {
      concurrency: opts.concurrency,
      progress,
      label: `round ${round} decisions`,
      timeoutMs: opts.decisionTimeoutMs,
    });
    if (!faultRun) {
      await until(() => progress.done >= Math.ceil(targets.length * 0.25), 180_000);
      faultRun = opts.fault(ctx, { api, tokens, progress, runId: run });
      // Awaited after the batch; until then a failure must not go unhandled.
      faultRun.catch(() => undefined);
    }
    decisions.push(...(await batch));
    timings[`round${round}`] = since(t0);
    if (!window) {
      window = await faultRun;
      if (window.extraIds?.length) {
        log(
          `submitting and accepting PLAN of the ${window.extraIds.length} projects created during the fault`,
        );
        await submitAndAccept(api, tokens, window.extraIds, { stage: 'PLAN', run, concurrency: 8 });
        all.push(...window.extraIds);
      }
    }
  }
  if (!window) throw new Error('the fault never ran: no decisions were sent');
  data.fault = window;
  data.statusesByRoute = api.byRoute();
  data.statusesDuringFault = api.byRoute(window.downAt, window.upAt);
  data.errorMessages = api.errorMessages;
  await verifyRun(ctx, api, tokens, {
    ids: all,
    checklistSize: checklistSize(answers),
    decisions,
    planCompleted: true,
  });
  return { api, window };
}
