/**
 * Fault: the worker (on the cluster both workers) is SIGKILLed while officers' decisions are in
 * flight and started again a few seconds later. Pass when every decision sent took effect exactly once and the read model holds
 * no duplicate. `npm run fault:worker-kill`; FAULT_PROJECTS (200), FAULT_CHECKLIST (school),
 * FAULT_DOWN_S (5).
 */
import { crashRun } from './lib/crash-run';
import { log, sleep } from './lib/progress';
import { runFault } from './lib/result';

const PROJECTS = Number(process.env.FAULT_PROJECTS ?? 200);
const CHECKLIST = process.env.FAULT_CHECKLIST ?? 'school';
const CLUSTER = process.env.FAULT_TEMPORAL === 'cluster';
const DOWN_MS = Number(process.env.FAULT_DOWN_S ?? 5) * 1000;

runFault(
  'worker-kill',
  `SIGKILL the worker${CLUSTER ? 's (both)' : ''} while ${PROJECTS} projects' PLAN decisions are in flight, restart it after ${DOWN_MS / 1000} s`,
  async (ctx) => {
    const { stack, checks, data } = ctx;
    const { api, window } = await crashRun(ctx, {
      projects: PROJECTS,
      checklist: CHECKLIST,
      concurrency: 24,
      // Impatient clients: a decision not answered in 8 s is sent again with its key, so
      // retries reach Temporal while the first attempt's Update is still waiting for a worker.
      decisionTimeoutMs: 8_000,
      fault: async (_ctx, { progress }) => {
        const workers = stack.parts('worker');
        const inFlightAtKill = progress.inFlight;
        const doneAtKill = progress.done;
        const downAt = Date.now();
        log(`SIGKILL ${workers.join(' + ')} (${doneAtKill} decided, ${inFlightAtKill} in flight)`);
        // Every worker: with one left, it would simply take over the task queue.
        await Promise.all(workers.map((w) => stack.kill(w, 'SIGKILL')));
        await sleep(DOWN_MS);
        stack.startWorker();
        const upAt = Date.now();
        log(`worker started again after ${upAt - downAt} ms`);
        return { downAt, upAt, inFlightAtKill, doneAtKill };
      },
    });
    checks.check(
      'the worker was killed while decisions were in flight',
      (window.inFlightAtKill as number) > 0,
      `${window.inFlightAtKill as number} decisions in flight at SIGKILL, ${window.doneAtKill as number} answered before`,
    );
    const around = api.countStatuses(window.downAt, window.upAt + 15_000, /decision/);
    data.decisionStatusesAroundFault = around;
    log(
      `decision attempts answered from the kill to 15 s after the restart: ${JSON.stringify(around)}`,
    );
    checks.check(
      'the restarted workers and the APIs stayed up; nothing else exited',
      stack.productUp(),
      JSON.stringify(stack.exits),
    );
  },
);
