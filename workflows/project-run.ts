/**
 * One run of a project's workflow: the state and what happened since the last write, the
 * handlers' bodies, and the write of the read model (which items changed, the search attributes,
 * the answer a command gets). `project.workflow.ts` wires it to Temporal's handlers and loop, as
 * temporalio/samples-typescript's `cluster-manager.ts` does for its workflow.
 */
import { ApplicationFailure, condition, patched, uuid4 } from '@temporalio/workflow';
import {
  CommandRefused,
  Outbox,
  applyCommand,
  buildReport,
  evaluateDeadlines,
  initialState,
  nextDeadline,
  projectClock,
  validateCommand,
  wakeDelayMs,
  checkOpen,
  type CommandEnvelope,
  type Ctx,
  type Notice,
  type ProjectState,
  type ProjectWorkflowInput,
  type TimelineEvent,
} from '../libs/approval/src';
import type { CalendarSnapshot, WorkingDayCalendar } from '../libs/calendar/src/core';
import { REFUSAL_TYPE, type CommandAnswer, type ProjectWorkflowResult } from '../libs/temporal/src';
import { calendarFor } from './calendars';
import { ReadModelWriter } from './read-model-writer';

/**
 * Issue 27's express lanes (pre-review, approval on commitment and its follow-up check): their
 * commands mark the history, and a completed project waits for an open check only behind it.
 * No run from before the patch holds any of them, so the old path is the same code.
 */
export const EXPRESS_LANES_PATCH = 'express-lanes-v1';

/**
 * 一次受理 per theme (issue 27): only a project started on a catalogue whose policy says
 * `acceptPerTheme` hands in and accepts its stages per theme; no run from before the patch holds
 * that policy, so the old path is the same code. The marker records where the new path began.
 */
export const ACCEPT_PER_THEME_PATCH = 'accept-per-theme-v1';

const stageCommand = (env: CommandEnvelope) =>
  env.command.kind === 'SUBMIT_STAGE' || env.command.kind === 'ACCEPT_STAGE';

const expressLane = (env: CommandEnvelope) =>
  env.command.kind === 'CHECK_COMMITMENT' ||
  env.command.kind === 'PRE_REVIEW_STAGE' ||
  env.command.kind === 'PRE_REVIEW_COMMENT' ||
  (env.command.kind === 'DECIDE' && env.command.action === 'APPROVE_ON_COMMITMENT');

function toFailure(err: unknown): Error {
  if (err instanceof CommandRefused) {
    return ApplicationFailure.create({
      type: REFUSAL_TYPE[err.code],
      message: err.message,
      nonRetryable: true,
      // Why, for the reader's language (the API passes it on as the body's `reason`).
      ...(err.reason ? { details: [err.reason] } : {}),
    });
  }
  return err as Error;
}

export class ProjectRun {
  readonly state: ProjectState;
  private snapshot: CalendarSnapshot;
  private cal: WorkingDayCalendar;
  private readonly events: TimelineEvent[] = [];
  private readonly notices: Notice[] = [];
  /** The seq the read model holds; a command's Update returns once it is at least its own. */
  private flushedSeq: number;
  /** A handler changed something: the loop wakes to write it. */
  dirty = false;
  private readonly writer = new ReadModelWriter();
  /** A repair asked for the whole read model to be written again. */
  private rewrite = false;

  constructor(private readonly input: ProjectWorkflowInput) {
    this.snapshot = input.calendar;
    this.cal = calendarFor(this.snapshot);
    const fresh = input.state === undefined;
    this.state = input.state ?? initialState(input, this.cal.version, this.isoNow());
    this.flushedSeq = fresh ? -1 : this.state.seq;
    if (fresh) this.created();
  }

  private isoNow = () => new Date(Date.now()).toISOString();
  private today = () => this.cal.localDate(Date.now());
  private ctx = (day = this.today()): Ctx => ({
    today: day,
    at: this.isoNow(),
    cal: this.cal,
    newId: () => uuid4(),
  });

  private collect(out: Outbox) {
    this.events.push(...out.events);
    this.notices.push(...out.notices);
  }

  /** The first run's first events: the project exists; an import's first stage was accepted. */
  private created() {
    const { state, input } = this;
    const creator = { actor: input.createdBy, onBehalfOf: input.onBehalfOf };
    const out = new Outbox(state, this.ctx(), creator);
    out.event('PROJECT_CREATED', {
      detail: { type: state.type, limitDays: state.limitDays, items: state.items.length },
    });
    if (input.acceptedAt) {
      // Import: the first stage was submitted and accepted elsewhere on `acceptedAt`.
      const c = { ...this.ctx(input.acceptedAt), imported: true };
      for (const command of [
        { kind: 'SUBMIT_STAGE', stage: state.stage, note: 'imported' } as const,
        { kind: 'ACCEPT_STAGE', stage: state.stage, decision: 'ACCEPT' } as const,
      ]) {
        validateCommand(state, { ...creator, command }, c);
        applyCommand(state, { ...creator, command }, c, out);
      }
    }
    this.collect(out);
  }

  // ── the handlers ────────────────────────────────────────────────────────────────────────────

  validate(env: CommandEnvelope): void {
    try {
      validateCommand(this.state, env, { today: this.today(), cal: this.cal });
    } catch (err) {
      throw toFailure(err);
    }
  }

  /** Applies a validated command; answers once the read model holds it. */
  async command(env: CommandEnvelope): Promise<CommandAnswer> {
    // The marker only: a history from before the patch never carries these commands.
    if (expressLane(env)) patched(EXPRESS_LANES_PATCH);
    if (this.state.acceptPerTheme && stageCommand(env)) patched(ACCEPT_PER_THEME_PATCH);
    const c = this.ctx();
    const out = new Outbox(this.state, c, env);
    let result;
    try {
      result = applyCommand(this.state, env, c, out);
    } catch (err) {
      throw toFailure(err);
    }
    evaluateDeadlines(this.state, this.cal, c.today, out);
    this.collect(out);
    this.dirty = true;
    const mine = this.state.seq;
    await condition(() => this.flushedSeq >= mine);
    return {
      ...result,
      seq: mine,
      changed: this.writer.answerOf(this.state, this.cal, result.item?.code, env.answer),
    };
  }

  calendarUpdated(next: CalendarSnapshot): void {
    if (next.version === this.snapshot.version) return;
    const previous = this.snapshot.version;
    this.snapshot = next;
    this.cal = calendarFor(next);
    this.state.calendarVersion = this.cal.version;
    const out = new Outbox(this.state, this.ctx());
    out.event('CALENDAR_UPDATED', { detail: { from: previous, to: this.cal.version } });
    this.collect(out);
    this.dirty = true;
  }

  /** Update-with-Start of a create: the report once the first write has committed. */
  async firstReport() {
    await condition(() => this.flushedSeq >= 0);
    return this.report();
  }

  report() {
    return buildReport(this.state, this.cal, this.today());
  }

  // ── the loop's steps ────────────────────────────────────────────────────────────────────────

  /** Applies what time alone changed; whether there is anything to write. */
  evaluate(): boolean {
    const out = new Outbox(this.state, this.ctx());
    evaluateDeadlines(this.state, this.cal, this.today(), out);
    this.collect(out);
    return (
      this.rewrite ||
      this.state.seq > this.flushedSeq ||
      this.events.length > 0 ||
      this.notices.length > 0
    );
  }

  /** A completed project whose approval on commitment still waits for its follow-up check. */
  awaitsCheck(): boolean {
    return (
      this.state.status === 'COMPLETED' &&
      this.state.items.some(checkOpen) &&
      patched(EXPRESS_LANES_PATCH)
    );
  }

  /** Whether every change is written (continue-as-new and the end wait for it). */
  get flushed(): boolean {
    return this.state.seq <= this.flushedSeq;
  }

  /** The arguments of the next run: this run's state and calendar. */
  continuation(): ProjectWorkflowInput {
    return {
      ...this.input,
      run: (this.input.run ?? 0) + 1,
      calendar: this.snapshot,
      state: this.state,
      acceptedAt: undefined,
    };
  }

  /** The instant of the next deadline (epoch ms), or undefined when none is ahead. */
  nextWake(): number | undefined {
    const delay = wakeDelayMs(this.state.projectId, this.input.riskWakeSpreadMs ?? 0);
    return nextDeadline(this.state, this.cal, this.today(), Date.now(), delay);
  }

  /** Writes the state and what happened since the last write; a refused write is kept. */
  async flush(): Promise<void> {
    const seq = this.state.seq;
    const batch = {
      events: this.events.splice(0),
      notices: this.notices.splice(0),
      fromSeq: this.flushedSeq,
      run: this.input.run ?? 0,
      day: this.today(),
    };
    this.rewrite = false;
    if (await this.writer.write(this.state, this.cal, batch)) {
      this.flushedSeq = Math.max(this.flushedSeq, seq);
    } else {
      // Held: the batch goes back in front of what came meanwhile; the loop writes again.
      this.events.unshift(...batch.events);
      this.notices.unshift(...batch.notices);
    }
  }

  /** Repair: the next write carries every item again (the read model is rewritten whole). */
  rewriteAll(): void {
    this.writer.forgetItems();
    this.rewrite = true;
    this.dirty = true;
  }

  /** What the workflow returns when the project has ended. */
  result(): ProjectWorkflowResult {
    const { state } = this;
    return {
      projectId: state.projectId,
      status: state.status,
      closedOn: state.closedOn,
      usedDays: projectClock(state, this.cal, this.today()).usedDays,
    };
  }
}
