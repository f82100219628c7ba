import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { ProjectionActivities, ProjectionItem } from '../activities/projection.activities';
import {
  CommandEnvelope,
  CommandRefused,
  Ctx,
  Notice,
  Outbox,
  TimelineEvent,
  applyCommand,
  buildReport,
  clockReport,
  computeItemClocks,
  itemReport,
  evaluateDeadlines,
  initialState,
  nextDeadline,
  projectClock,
  riskInstants,
  wakeDelayMs,
  validateCommand,
  type ProjectWorkflowInput,
} from '../libs/approval/src';
import type { CalendarSnapshot, WorkingDayCalendar } from '../libs/calendar/src/core';
import { calendarFor } from './calendars';
import {
  REFUSAL_TYPE,
  ProjectWorkflowResult,
  calendarUpdatedSignal,
  projectCommandUpdate,
  projectFirstReportUpdate,
  projectReportQuery,
  projectStateQuery,
} from '../libs/temporal/src/project';
import {
  OWNER_ORGANISATION,
  PROJECT_DUE_DATE,
  PROJECT_RISK,
  PROJECT_STAGE,
  PROJECT_TYPE,
} from '../libs/temporal/src/search-attributes';

const { projectState: writeReadModel } = proxyLocalActivities<ProjectionActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const DEFAULT_HISTORY_LIMIT = 4000;

/**
 * Runs started before the search attributes replay without them (the committed fixtures).
 * Versioning policy (README "Changing the workflow"): a change to the commands an open run
 * would issue goes behind `patched('<id>')`, with a replay fixture of the new shape and the old
 * ones kept (test/versioning.e2e-spec.ts runs a project started on the code before this patch to
 * completion on today's); `deprecatePatch('<id>')` once no run from before the patch is open,
 * then removed. A change too large to patch goes to Worker Deployments with build ids instead.
 */
const SEARCH_ATTRIBUTES_PATCH = 'search-attributes-v1';

/** What an operator filters projects by (libs/temporal/src/search-attributes.ts). */
function searchAttributesOf(
  state: { stage: string; type: string; ownerOrganisation: string },
  clock: { risk: string; dueDate: string | null },
  cal: WorkingDayCalendar,
): SearchAttributeUpdatePair[] {
  let due: Date | null = null;
  if (clock.dueDate) {
    try {
      due = new Date(cal.startOfDay(clock.dueDate));
    } catch {
      due = null; // a due date past the calendar's range: no attribute rather than a failed task
    }
  }
  return [
    { key: PROJECT_STAGE, value: state.stage },
    { key: PROJECT_RISK, value: clock.risk },
    { key: PROJECT_TYPE, value: state.type },
    { key: OWNER_ORGANISATION, value: state.ownerOrganisation },
    { key: PROJECT_DUE_DATE, value: due },
  ];
}

/** riskInstants' epoch milliseconds as the ISO instants the read model stores. */
function isoInstants(r: { warnsAt: number | null; overdueAt: number | null }) {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return { warnsAt: iso(r.warnsAt), overdueAt: iso(r.overdueAt) };
}

function toFailure(err: unknown): Error {
  if (err instanceof CommandRefused) {
    return ApplicationFailure.create({
      type: REFUSAL_TYPE[err.code],
      message: err.message,
      nonRetryable: true,
    });
  }
  return err as Error;
}

/**
 * One project's approval: PLAN → START_PERMIT → COMPLETION; inside a stage every item runs in
 * parallel unless the catalog gives it a prerequisite. People act through the `command`
 * Update; time acts through one durable timer for the next deadline (libs/approval/deadlines).
 * Every change reaches the read model through an idempotent activity before the Update
 * returns, so a caller that reads after a command sees it.
 */
export async function projectWorkflow(input: ProjectWorkflowInput): Promise<ProjectWorkflowResult> {
  let snapshot = input.calendar;
  let cal = calendarFor(snapshot);
  const isoNow = () => new Date(Date.now()).toISOString();
  const today = () => cal.localDate(Date.now());
  const fresh = input.state === undefined;
  const state = input.state ?? initialState(input, cal.version, isoNow());
  const events: TimelineEvent[] = [];
  const notices: Notice[] = [];
  let flushedSeq = fresh ? -1 : state.seq;
  let dirty = false;
  /**
   * What the read model holds of each item, as this run last wrote it (code → its columns), so a
   * write sends only the items that changed. Rebuilt by replay like the rest of the run's memory;
   * empty at the start of a run, whose first write sends every item.
   */
  const writtenItems = new Map<string, string>();
  /** The clocks of the last write: a command's answer is what the read model now holds. */
  let written:
    | {
        day: string;
        clocks: ReturnType<typeof computeItemClocks>;
        clock: ReturnType<typeof projectClock>;
      }
    | undefined;
  /** The search attributes last upserted, so an unchanged write adds no command. */
  let shownAttributes = '';

  const ctx = (day = today()): Ctx => ({ today: day, at: isoNow(), cal, newId: () => uuid4() });
  const collect = (out: Outbox) => {
    events.push(...out.events);
    notices.push(...out.notices);
  };

  if (fresh) {
    const creator = { actor: input.createdBy, onBehalfOf: input.onBehalfOf };
    const out = new Outbox(state, ctx(), creator);
    out.event('PROJECT_CREATED', {
      detail: { type: state.type, limitDays: state.limitDays, items: state.items.length },
    });
    if (input.acceptedAt) {
      // Import: the first stage was submitted and accepted elsewhere on `acceptedAt`.
      const c = ctx(input.acceptedAt);
      for (const command of [
        { kind: 'SUBMIT_STAGE', stage: state.stage, note: 'imported' } as const,
        { kind: 'ACCEPT_STAGE', stage: state.stage, decision: 'ACCEPT' } as const,
      ]) {
        validateCommand(state, { ...creator, command }, c);
        applyCommand(state, { ...creator, command }, c, out);
      }
    }
    collect(out);
  }

  setHandler(
    projectCommandUpdate,
    async (env: CommandEnvelope) => {
      const c = ctx();
      const out = new Outbox(state, c, env);
      let result;
      try {
        result = applyCommand(state, env, c, out);
      } catch (err) {
        throw toFailure(err);
      }
      evaluateDeadlines(state, cal, c.today, out);
      collect(out);
      dirty = true;
      const mine = state.seq;
      await condition(() => flushedSeq >= mine);
      return { ...result, seq: mine, changed: answerOf(result.item?.code) };
    },
    {
      validator: (env: CommandEnvelope) => {
        try {
          validateCommand(state, env, { today: today(), cal });
        } catch (err) {
          throw toFailure(err);
        }
      },
    },
  );

  setHandler(calendarUpdatedSignal, (next: CalendarSnapshot) => {
    if (next.version === snapshot.version) return;
    const previous = snapshot.version;
    snapshot = next;
    cal = calendarFor(next);
    state.calendarVersion = cal.version;
    const out = new Outbox(state, ctx());
    out.event('CALENDAR_UPDATED', { detail: { from: previous, to: cal.version } });
    collect(out);
    dirty = true;
  });
  // Update-with-Start of a create: the report once the first write has committed.
  setHandler(projectFirstReportUpdate, async () => {
    await condition(() => flushedSeq >= 0);
    return buildReport(state, cal, today());
  });
  setHandler(projectStateQuery, () => state);
  setHandler(projectReportQuery, () => buildReport(state, cal, today()));

  /** The item a command was about and the project clock, as the last write put them. */
  function answerOf(itemCode: string | undefined) {
    if (!written) return undefined;
    const item = itemCode ? state.items.find((i) => i.code === itemCode) : undefined;
    const clock = item ? written.clocks.get(item.code) : undefined;
    return {
      ...(item && clock ? { item: itemReport(item, clock) } : {}),
      clock: clockReport(written.clock),
      asOf: written.day,
    };
  }

  async function flush() {
    const batch = { events: events.splice(0), notices: notices.splice(0) };
    const seq = state.seq;
    const fromSeq = flushedSeq;
    const day = today();
    const clocks = computeItemClocks(state, cal, day);
    const pc = projectClock(state, cal, day, clocks);
    if (patched(SEARCH_ATTRIBUTES_PATCH)) {
      const attributes = searchAttributesOf(state, pc, cal);
      const shown = JSON.stringify(attributes.map((a) => a.value));
      if (shown !== shownAttributes) {
        upsertSearchAttributes(attributes);
        shownAttributes = shown;
      }
    }
    const rows = state.items.map((i): [ProjectionItem, string] => {
      const c = clocks.get(i.code)!;
      const row = { code: i.code, dueDate: c.dueDate, risk: c.risk, usedDays: c.usedDays };
      // Everything the item's row holds that can change (upsertItems in read-model/projection).
      const key = `${i.taskId}|${i.status}|${i.round}|${i.limitDays}|${i.decidedOn ?? ''}|${c.risk}|${c.dueDate ?? ''}|${c.usedDays}`;
      return [row, key];
    });
    const changed = rows.filter(([row, key]) => writtenItems.get(row.code) !== key);
    try {
      const write = {
        state,
        items: changed.map(([row]) => row),
        projectClock: {
          usedDays: pc.usedDays,
          remainingDays: pc.remainingDays,
          risk: pc.risk,
          dueDate: pc.dueDate,
          // When time alone raises the risk: lists find the project then, before the next wake-up.
          ...isoInstants(riskInstants(state, cal, day, clocks)),
        },
        ...batch,
        // Lets the read model tell this task's write from one of a task the server never
        // committed (see activities/projection.activities.ts).
        fence: { run: input.run ?? 0, history: workflowInfo().historyLength },
        fromSeq,
      };
      // Only the changed items, unless nothing was written yet in this run.
      let sent = changed;
      let r = await writeReadModel(
        writtenItems.size > 0
          ? { ...write, changedItemsOnly: true }
          : { ...write, items: rows.map(([row]) => row) },
      );
      if (r.resend) {
        // A task the server never committed changed items this write does not carry: all of them.
        // No patch needed: only this answer adds the second local activity, and no history
        // recorded before it exists holds one (their markers answer `{ applied }` alone).
        // Which items a write carries is its input, which replay does not compare.
        sent = rows;
        r = await writeReadModel({ ...write, items: rows.map(([row]) => row) });
      }
      if (r.applied) for (const [row, key] of sent) writtenItems.set(row.code, key);
      written = { day, clocks, clock: pc };
    } catch (err) {
      // Only a non-retryable refusal gets here (a bug); the process state is intact and the next
      // write carries the whole state again.
      log.error('read model write refused', { error: String(err), seq });
    }
    flushedSeq = Math.max(flushedSeq, seq);
  }

  for (;;) {
    const out = new Outbox(state, ctx());
    evaluateDeadlines(state, cal, today(), out);
    collect(out);
    if (state.seq > flushedSeq || events.length || notices.length) {
      await flush();
      continue; // handlers may have changed the state while the write ran
    }
    if (state.status !== 'IN_PROGRESS') break;
    const info = workflowInfo();
    if (
      info.historyLength >= (input.historyLimit ?? DEFAULT_HISTORY_LIMIT) ||
      info.continueAsNewSuggested
    ) {
      // Handlers in flight wait for their write, so keep flushing until they are all done.
      await condition(() => allHandlersFinished() || state.seq > flushedSeq);
      if (!allHandlersFinished() || state.seq > flushedSeq) continue;
      await continueAsNew<typeof projectWorkflow>({
        ...input,
        run: (input.run ?? 0) + 1,
        calendar: snapshot,
        state,
        acceptedAt: undefined,
      });
    }
    dirty = false;
    const delay = wakeDelayMs(state.projectId, input.riskWakeSpreadMs ?? 0);
    const next = nextDeadline(state, cal, today(), Date.now(), delay);
    if (next === undefined) await condition(() => dirty);
    else await condition(() => dirty, Math.max(1, next - Date.now()));
  }
  await condition(allHandlersFinished);
  if (state.seq > flushedSeq) await flush();
  return {
    projectId: state.projectId,
    status: state.status,
    closedOn: state.closedOn,
    usedDays: projectClock(state, cal, today()).usedDays,
  };
}
