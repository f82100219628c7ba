/**
 * Fault: PostgreSQL is stopped (fast shutdown) while decisions are in flight and started again
 * on the same port with the same data. While it is down the API must answer 503 (never 500) and
 * the workflows keep going (their read-model writes are local activities that retry); once it is
 * back the read model catches up: every command answered 200 is in the reports, once. On the
 * cluster (FAULT_TEMPORAL=cluster) Temporal keeps its own state in that PostgreSQL, so it stops
 * too: /health names both down, nothing is applied meanwhile, and every decision in flight at
 * the stop is applied once after PostgreSQL returns.
 * `npm run fault:postgres-stop`; FAULT_PROJECTS (200), FAULT_CHECKLIST (school), FAULT_DOWN_S (15).
 */
import { projectStateQuery } from '../../libs/temporal/src';
import { projectWorkflowId } from '../../libs/temporal/src';
import { mapLimit } from './lib/client';
import { crashRun } from './lib/crash-run';
import { createDuringOutage, healthUntil } from './lib/outage';
import { log, sleep } from './lib/progress';
import { runFault } from './lib/result';
import type { Target } from './lib/scenario';
import { withPg, withTemporal } from './lib/verify';

const PROJECTS = Number(process.env.FAULT_PROJECTS ?? 200);
const CHECKLIST = process.env.FAULT_CHECKLIST ?? 'school';
const DOWN_MS = Number(process.env.FAULT_DOWN_S ?? 15) * 1000;
const EXTRA = 5;
const CLUSTER = process.env.FAULT_TEMPORAL === 'cluster';

/**
 * The pending decisions that their workflow has applied, asked of Temporal (not PostgreSQL). A
 * query waits for the workflow task in progress, which a retrying local activity keeps open for
 * seconds, so each query gets until `deadline`; unanswered ones count as unknown.
 */
async function appliedByWorkflows(
  address: string,
  pending: Target[],
  deadline: number,
): Promise<{ applied: Target[]; unanswered: number }> {
  return withTemporal(address, async (client) => {
    const answers = await mapLimit(pending, pending.length, async (t) => {
      try {
        const state = await client.connection.withDeadline(deadline, () =>
          client.workflow.getHandle(projectWorkflowId(t.projectId)).query(projectStateQuery),
        );
        return state.items.some((i) => i.code === t.code && i.status === 'APPROVED')
          ? 'applied'
          : 'not yet';
      } catch {
        return 'unanswered';
      }
    });
    return {
      applied: pending.filter((_, i) => answers[i] === 'applied'),
      unanswered: answers.filter((a) => a === 'unanswered').length,
    };
  });
}

runFault(
  'postgres-stop',
  `stop PostgreSQL while ${PROJECTS} projects' PLAN decisions are in flight; start it again after ${DOWN_MS / 1000} s`,
  async (ctx) => {
    const { stack, checks, data } = ctx;
    let health: unknown;
    let appliedWhileDown: Target[] = [];
    let catchUp: { caughtUp: boolean; afterMs: number; approvedRows: number } | undefined;
    const { api, window } = await crashRun(ctx, {
      projects: PROJECTS,
      checklist: CHECKLIST,
      concurrency: 24,
      fault: async (_ctx, { api, tokens, progress, runId }) => {
        const pending = [...progress.pending];
        const downAt = Date.now();
        log(`stopping PostgreSQL (${progress.done} decided, ${pending.length} in flight)`);
        await stack.stopPostgres();
        log(
          `PostgreSQL is down; creating ${EXTRA} projects meanwhile (retried until they succeed)`,
        );
        const creates = createDuringOutage(api, tokens, {
          count: EXTRA,
          checklist: CHECKLIST,
          runId,
        });
        health = await healthUntil(api, 503, 10_000);
        log(`/health while PostgreSQL is down: ${JSON.stringify(health)}`);
        // The cluster cannot answer a query without its database: nothing to ask while it is down.
        if (!CLUSTER) {
          const asked = await appliedByWorkflows(
            stack.temporalAddress,
            pending,
            downAt + DOWN_MS - 500,
          );
          appliedWhileDown = asked.applied;
          log(
            `${appliedWhileDown.length} of the ${pending.length} decisions in flight at the stop are applied in their workflows while PostgreSQL is down (Temporal query; ${asked.unanswered} unanswered)`,
          );
        }
        await sleep(Math.max(0, DOWN_MS - (Date.now() - downAt)));
        await stack.startPostgres();
        const upAt = Date.now();
        log(`PostgreSQL is back after ${upAt - downAt} ms; waiting for the read model to catch up`);
        // On the cluster every decision in flight at the stop is applied after it, by its retry.
        const caught = CLUSTER ? pending : appliedWhileDown;
        const keys = caught.map((t) => `${t.projectId}/${t.code}`);
        for (;;) {
          const approvedRows = await withPg(stack.databaseUrl, async (c) =>
            Number(
              (
                await c.query(
                  `SELECT count(*) AS n FROM project_items
                   WHERE status = 'APPROVED' AND (project_id::text || '/' || code) = ANY($1)`,
                  [keys],
                )
              ).rows[0].n,
            ),
          );
          const afterMs = Date.now() - upAt;
          if (approvedRows === keys.length || afterMs > 120_000) {
            catchUp = { caughtUp: approvedRows === keys.length, afterMs, approvedRows };
            break;
          }
          await sleep(250);
        }
        log(`read model caught up: ${JSON.stringify(catchUp)}`);
        const healthAfter = await healthUntil(api, 200, 60_000);
        log(`/health answered 200 ${healthAfter.afterMs} ms after the wait`);
        const made = await creates;
        return {
          downAt,
          upAt,
          inFlightAtStop: pending.length,
          appliedWhileDown: appliedWhileDown.length,
          catchUp,
          extraIds: made.ids,
          extraCreateStatuses: made.statuses,
          extraCreateFinal: made.final,
        };
      },
    });
    data.healthDuringOutage = health;
    const during = api.countStatuses(window.downAt, window.upAt);
    checks.check(
      'while PostgreSQL was down the API answered 503 and never 500',
      (during['503'] ?? 0) > 0 && !during['500'],
      `answers during the outage: ${JSON.stringify(during)}`,
    );
    const h = health as { status: unknown };
    checks.check(
      '/health answered 503 naming PostgreSQL as down',
      h.status === 503 && /postgres[^}]*"down"/.test(JSON.stringify(h)),
      JSON.stringify(h),
    );
    if (CLUSTER) {
      checks.check(
        '/health named Temporal down too (the cluster keeps its state in that PostgreSQL)',
        /temporal[^}]*"down"/.test(JSON.stringify(h)),
        JSON.stringify(h),
      );
    } else {
      checks.check(
        'workflows applied decisions while PostgreSQL was down (Temporal query)',
        appliedWhileDown.length > 0,
        `${appliedWhileDown.length} of ${window.inFlightAtStop as number} decisions in flight at the stop`,
      );
    }
    const caughtCount = CLUSTER ? (window.inFlightAtStop as number) : appliedWhileDown.length;
    checks.check(
      CLUSTER
        ? 'after PostgreSQL returned every decision in flight at the stop was applied'
        : 'after PostgreSQL returned the read model caught up with them by itself',
      !!catchUp?.caughtUp && (!CLUSTER || caughtCount > 0),
      catchUp
        ? `${catchUp.approvedRows}/${caughtCount} rows APPROVED ${catchUp.afterMs} ms after the restart`
        : 'not measured',
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
      `the worker${stack.copies > 1 ? 's' : ''} and the API${stack.copies > 1 ? 's' : ''} stayed up through the outage`,
      stack.productUp(),
      JSON.stringify(stack.exits),
    );
  },
);
