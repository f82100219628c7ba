/**
 * Fault: the Temporal dev server is killed while decisions are in flight and started again on
 * the same port with the same SQLite file. While it is down the API must answer 503 (never 500);
 * afterwards every decision and every project created meanwhile must have taken effect once.
 * `npm run fault:server-restart`; FAULT_PROJECTS (200), FAULT_CHECKLIST (school),
 * FAULT_DOWN_S (10), FAULT_SIGNAL (SIGKILL).
 */
import { crashRun } from './lib/crash-run';
import { createDuringOutage, healthUntil } from './lib/outage';
import { log, sleep } from './lib/progress';
import { runFault } from './lib/result';

const PROJECTS = Number(process.env.FAULT_PROJECTS ?? 200);
const CHECKLIST = process.env.FAULT_CHECKLIST ?? 'school';
const DOWN_MS = Number(process.env.FAULT_DOWN_S ?? 10) * 1000;
const SIGNAL = (process.env.FAULT_SIGNAL ?? 'SIGKILL') as NodeJS.Signals;
const EXTRA = 5;

runFault(
  'server-restart',
  `${SIGNAL} the Temporal dev server while ${PROJECTS} projects' PLAN decisions are in flight; start it again after ${DOWN_MS / 1000} s on the same port and SQLite file`,
  async (ctx) => {
    const { stack, checks, data } = ctx;
    let health: unknown;
    const { api, window } = await crashRun(ctx, {
      projects: PROJECTS,
      checklist: CHECKLIST,
      concurrency: 24,
      fault: async (_ctx, { api, tokens, progress, runId }) => {
        const inFlight = progress.inFlight;
        const downAt = Date.now();
        log(`${SIGNAL} the Temporal dev server (${progress.done} decided, ${inFlight} in flight)`);
        await stack.stopTemporal(SIGNAL);
        log(`Temporal is down; creating ${EXTRA} projects meanwhile (retried until they succeed)`);
        const creates = createDuringOutage(api, tokens, {
          count: EXTRA,
          checklist: CHECKLIST,
          runId,
        });
        health = await healthUntil(api, 503, 5_000);
        log(`/health while Temporal is down: ${JSON.stringify(health)}`);
        await sleep(Math.max(0, DOWN_MS - (Date.now() - downAt)));
        await stack.startTemporal();
        const upAt = Date.now();
        log(`Temporal is back after ${upAt - downAt} ms`);
        const healthAfter = await healthUntil(api, 200, 60_000);
        log(`/health answered 200 again ${healthAfter.afterMs} ms after the restart`);
        const made = await creates;
        return {
          downAt,
          upAt,
          inFlightAtStop: inFlight,
          extraIds: made.ids,
          extraCreateStatuses: made.statuses,
          extraCreateFinal: made.final,
          healthBackAfterMs: healthAfter.afterMs,
        };
      },
    });
    data.healthDuringOutage = health;
    const during = api.countStatuses(window.downAt, window.upAt);
    checks.check(
      'while Temporal was down the API answered 503 and never 500',
      (during['503'] ?? 0) > 0 && !during['500'],
      `answers during the outage: ${JSON.stringify(during)}`,
    );
    const h = health as { status: unknown; body?: { error?: Record<string, { status: string }> } };
    checks.check(
      '/health answered 503 naming Temporal as down',
      h.status === 503 && JSON.stringify(h.body).includes('down'),
      JSON.stringify(h),
    );
    const finals = window.extraCreateFinal as unknown[];
    checks.check(
      `the ${EXTRA} projects created during the outage were created once each after it`,
      finals.length === EXTRA &&
        finals.every((s) => s === 201 || s === 200) &&
        new Set(window.extraIds).size === EXTRA,
      `final statuses ${JSON.stringify(finals)}; attempts ${JSON.stringify(window.extraCreateStatuses)}`,
    );
    checks.check(
      `the worker${stack.copies > 1 ? 's' : ''} and the API${stack.copies > 1 ? 's' : ''} stayed up through the restart`,
      stack.productUp(),
      JSON.stringify(stack.exits),
    );
  },
);
