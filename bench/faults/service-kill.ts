/**
 * Fault, on the Temporal cluster only (FAULT_TEMPORAL=cluster): one service of the server is
 * killed while decisions are in flight and started again — by default the history service
 * (SIGKILL: its shards move to nothing until it is back), FAULT_SERVICE=frontend for a frontend
 * restart, or matching. Meanwhile the API answers 503, never 500; afterwards every decision and
 * every project created meanwhile has taken effect once. `npm run fault:service-kill`;
 * FAULT_PROJECTS (200), FAULT_CHECKLIST (school), FAULT_DOWN_S (10), FAULT_SIGNAL (SIGKILL).
 */
import type { ClusterService } from '../../libs/embedded/src';
import { crashRun } from './lib/crash-run';
import { createDuringOutage } from './lib/outage';
import { log, sleep } from './lib/progress';
import { runFault } from './lib/result';

const PROJECTS = Number(process.env.FAULT_PROJECTS ?? 200);
const CHECKLIST = process.env.FAULT_CHECKLIST ?? 'school';
const DOWN_MS = Number(process.env.FAULT_DOWN_S ?? 10) * 1000;
const SIGNAL = (process.env.FAULT_SIGNAL ?? 'SIGKILL') as NodeJS.Signals;
const SERVICE = (process.env.FAULT_SERVICE ?? 'history') as ClusterService;
const EXTRA = 5;

if (process.env.FAULT_TEMPORAL !== 'cluster') {
  process.stderr.write('fault:service-kill needs the cluster: FAULT_TEMPORAL=cluster\n');
  process.exit(2);
}

runFault(
  `${SERVICE}-kill`,
  `${SIGNAL} the Temporal ${SERVICE} service while ${PROJECTS} projects' PLAN decisions are in flight; start it again after ${DOWN_MS / 1000} s`,
  async (ctx) => {
    const { stack, checks } = ctx;
    const { api, window } = await crashRun(ctx, {
      projects: PROJECTS,
      checklist: CHECKLIST,
      concurrency: 24,
      fault: async (_ctx, { api, tokens, progress, runId }) => {
        const inFlight = progress.inFlight;
        const downAt = Date.now();
        log(`${SIGNAL} the ${SERVICE} service (${progress.done} decided, ${inFlight} in flight)`);
        await stack.killTemporalService(SERVICE, SIGNAL);
        const creates = createDuringOutage(api, tokens, {
          count: EXTRA,
          checklist: CHECKLIST,
          runId,
        });
        await sleep(Math.max(0, DOWN_MS - (Date.now() - downAt)));
        await stack.restartTemporalService(SERVICE);
        const upAt = Date.now();
        log(`the ${SERVICE} service is back after ${upAt - downAt} ms`);
        const made = await creates;
        return {
          downAt,
          upAt,
          inFlightAtStop: inFlight,
          extraIds: made.ids,
          extraCreateStatuses: made.statuses,
          extraCreateFinal: made.final,
        };
      },
    });
    const during = api.countStatuses(window.downAt, window.upAt);
    checks.check(
      `while the ${SERVICE} service was down the API answered 503 or waited, and never 500`,
      !during['500'],
      `answers during the outage: ${JSON.stringify(during)}`,
    );
    const finals = window.extraCreateFinal as unknown[];
    checks.check(
      `the ${EXTRA} projects created during the outage were created once each`,
      finals.length === EXTRA &&
        finals.every((s) => s === 201 || s === 200) &&
        new Set(window.extraIds).size === EXTRA,
      `final statuses ${JSON.stringify(finals)}; attempts ${JSON.stringify(window.extraCreateStatuses)}`,
    );
    checks.check(
      'the workers and the APIs stayed up, and no other service died',
      stack.productUp(),
      JSON.stringify(stack.exits),
    );
  },
);
