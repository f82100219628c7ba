/**
 * The approval state machine: which command the state allows (`validateCommand`, run by the
 * workflow's Update validator, so a refusal never enters history) and what it changes
 * (`applyCommand`). Pure and synchronous: the workflow supplies the day, the instant and ids.
 *
 * Rejection rule: a rejected item blocks its stage (stage BLOCKED, project still IN_PROGRESS)
 * until the applicant either resubmits it (RESUBMIT_ITEM: a new round with a fresh item clock;
 * earlier rounds stay on the project clock) or withdraws it (WITHDRAW_ITEM: it no longer holds
 * the stage). Withdrawing the whole project while an item stands rejected ends it REJECTED,
 * otherwise WITHDRAWN.
 */
import type { WorkingDayCalendar } from '../../calendar/src/core';
import { CalendarError } from '../../calendar/src/core';
import type { StageCode } from '../../domain/src';
import { CommandEnvelope, CommandRefused, CommandResult, DECISION_ACTIONS } from './commands';
import {
  Deficiency,
  ItemState,
  Notice,
  OPEN_ITEM_STATUSES,
  PauseReason,
  ProjectState,
  ProjectWorkflowInput,
  SPECIAL_PROCEDURE_TYPES,
  StageState,
  TimelineEvent,
} from './types';

export interface Ctx {
  /** Local date (calendar time zone) of the command. */
  today: string;
  /** ISO instant of the command. */
  at: string;
  cal: WorkingDayCalendar;
  newId: () => string;
}

/** Collects what a command produced; the workflow writes it to the read model. */
export class Outbox {
  readonly events: TimelineEvent[] = [];
  readonly notices: Notice[] = [];

  constructor(
    private readonly state: ProjectState,
    private readonly ctx: Pick<Ctx, 'at'>,
    private readonly env?: Pick<CommandEnvelope, 'actor' | 'onBehalfOf'>,
  ) {}

  event(type: string, e: Omit<TimelineEvent, 'seq' | 'at' | 'actor' | 'role' | 'type'> = {}) {
    this.events.push({
      seq: ++this.state.seq,
      at: this.ctx.at,
      actor: this.env?.actor.username ?? 'system',
      role: this.env?.actor.role ?? 'SYSTEM',
      ...(this.env?.onBehalfOf ? { onBehalfOf: this.env.onBehalfOf } : {}),
      type,
      ...e,
    });
  }

  notice(n: Omit<Notice, 'seq' | 'at'>) {
    this.notices.push({ seq: ++this.state.seq, at: this.ctx.at, ...n });
  }
}

const refuse = (code: 'NOT_FOUND' | 'CONFLICT' | 'INVALID', msg: string): never => {
  throw new CommandRefused(code, msg);
};

const CLOSED = new Set(['APPROVED', 'REJECTED', 'WITHDRAWN']);
const DONE = new Set(['APPROVED', 'WITHDRAWN']);

export function findItem(state: ProjectState, code: string): ItemState {
  return (
    state.items.find((i) => i.code === code) ??
    refuse('NOT_FOUND', `item ${code} is not on this project's checklist`)
  );
}

function stageOf(state: ProjectState, code: StageCode): StageState {
  return (
    state.stages.find((s) => s.code === code) ?? refuse('NOT_FOUND', `stage ${code} does not exist`)
  );
}

function requireText(v: string | undefined, field: string): string {
  if (typeof v !== 'string' || v.trim() === '') refuse('INVALID', `${field} is required`);
  return v!.trim();
}

function checkDate(cal: WorkingDayCalendar, v: string, field: string) {
  try {
    cal.isWorkingDay(v);
  } catch (e) {
    refuse('INVALID', `${field}: ${e instanceof CalendarError ? e.reason : String(e)}`);
  }
}

/** Throws CommandRefused when the state does not allow the command; returns nothing otherwise. */
export function validateCommand(
  state: ProjectState,
  env: CommandEnvelope,
  ctx: Pick<Ctx, 'today' | 'cal'>,
): void {
  if (env.requestId && state.recentRequests.includes(env.requestId)) return; // replayed request: one effect
  const c = env.command;
  if (state.status !== 'IN_PROGRESS') refuse('CONFLICT', `the project is ${state.status}`);
  switch (c.kind) {
    case 'SUBMIT_STAGE': {
      const s = stageOf(state, c.stage);
      if (c.stage !== state.stage)
        refuse('CONFLICT', `the project is in stage ${state.stage}, not ${c.stage}`);
      if (s.status !== 'NOT_STARTED' && s.status !== 'RETURNED')
        refuse(
          'CONFLICT',
          `stage ${c.stage} is ${s.status}; only a stage not yet submitted or returned can be submitted`,
        );
      return;
    }
    case 'ACCEPT_STAGE': {
      const s = stageOf(state, c.stage);
      if (s.status !== 'SUBMITTED')
        refuse(
          'CONFLICT',
          `stage ${c.stage} is ${s.status}; only a submitted stage can be accepted or returned`,
        );
      if (c.decision !== 'ACCEPT' && c.decision !== 'RETURN')
        refuse('INVALID', 'decision must be ACCEPT or RETURN');
      if (c.decision === 'RETURN') requireText(c.reason, 'reason');
      return;
    }
    case 'DECIDE': {
      const item = findItem(state, c.itemCode);
      if (!DECISION_ACTIONS.includes(c.action))
        refuse('INVALID', `action must be one of ${DECISION_ACTIONS.join(', ')}`);
      const st = item.status;
      const need = (ok: boolean, what: string) =>
        ok || refuse('CONFLICT', `item ${item.code} is ${st}; ${c.action} needs it ${what}`);
      switch (c.action) {
        case 'APPROVE': {
          need(st === 'UNDER_REVIEW', 'UNDER_REVIEW');
          const open = item.deficiencies.find((d) => d.status !== 'DELIVERED');
          if (open)
            refuse(
              'CONFLICT',
              `item ${item.code} has an outstanding deficiency (${open.description}, due ${open.dueDate}); it cannot be approved before the materials arrive`,
            );
          const jp = state.jointProcedures.find(
            (j) => j.status === 'SCHEDULED' && j.itemCodes.includes(item.code),
          );
          if (jp)
            refuse(
              'CONFLICT',
              `item ${item.code} is in joint procedure ${jp.type} (${jp.id}) that has not finished`,
            );
          return;
        }
        case 'REJECT':
          need(st === 'UNDER_REVIEW' || st === 'SUSPENDED', 'UNDER_REVIEW or SUSPENDED');
          requireText(c.comment, 'comment (the reason for the rejection)');
          return;
        case 'REQUEST_SUPPLEMENT':
          need(st === 'UNDER_REVIEW', 'UNDER_REVIEW');
          requireText(c.comment, 'comment (what the applicant must supply)');
          return;
        case 'START_SPECIAL_PROCEDURE': {
          need(st === 'UNDER_REVIEW', 'UNDER_REVIEW');
          const p = c.procedure;
          if (!p || !SPECIAL_PROCEDURE_TYPES.includes(p.type))
            refuse(
              'INVALID',
              `procedure.type must be one of ${SPECIAL_PROCEDURE_TYPES.join(', ')}`,
            );
          if (!Number.isInteger(p!.expectedDays) || p!.expectedDays < 1 || p!.expectedDays > 250)
            refuse(
              'INVALID',
              'procedure.expectedDays must be a whole number of working days, 1-250',
            );
          return;
        }
        case 'END_SPECIAL_PROCEDURE':
          need(st === 'SPECIAL_PROCEDURE', 'in a SPECIAL_PROCEDURE');
          if (
            item.pauses.some(
              (p) =>
                p.to === undefined &&
                p.reason === 'SITE_SURVEY' &&
                state.jointProcedures.some(
                  (j) => j.status === 'SCHEDULED' && j.itemCodes.includes(item.code),
                ),
            )
          )
            refuse(
              'CONFLICT',
              `item ${item.code} waits for a joint site survey; it ends when every department has recorded its result`,
            );
          return;
        case 'ACCEPT_WITH_DEFICIENCY': {
          need(st === 'UNDER_REVIEW', 'UNDER_REVIEW');
          const d = c.deficiency;
          if (!d) refuse('INVALID', 'deficiency is required: { description, dueDate }');
          requireText(d!.description, 'deficiency.description');
          checkDate(ctx.cal, d!.dueDate, 'deficiency.dueDate');
          if (d!.dueDate <= ctx.today)
            refuse('INVALID', `deficiency.dueDate must be after today (${ctx.today})`);
          return;
        }
      }
      return;
    }
    case 'ANSWER_SUPPLEMENT': {
      const item = findItem(state, c.itemCode);
      if (item.status !== 'SUPPLEMENT_REQUESTED')
        refuse('CONFLICT', `item ${item.code} is ${item.status}; no supplement was requested`);
      return;
    }
    case 'DELIVER_DEFICIENCY': {
      const item = findItem(state, c.itemCode);
      if (!item.deficiencies.some((d) => d.status !== 'DELIVERED'))
        refuse('CONFLICT', `item ${item.code} has no outstanding deficiency`);
      if (CLOSED.has(item.status)) refuse('CONFLICT', `item ${item.code} is ${item.status}`);
      return;
    }
    case 'RESUBMIT_ITEM': {
      const item = findItem(state, c.itemCode);
      if (item.status !== 'REJECTED')
        refuse(
          'CONFLICT',
          `item ${item.code} is ${item.status}; only a rejected item can be resubmitted`,
        );
      return;
    }
    case 'WITHDRAW_ITEM': {
      const item = findItem(state, c.itemCode);
      if (item.status === 'APPROVED' || item.status === 'WITHDRAWN')
        refuse('CONFLICT', `item ${item.code} is already ${item.status}`);
      if (item.stage !== state.stage)
        refuse(
          'CONFLICT',
          `item ${item.code} belongs to stage ${item.stage}; only items of the current stage (${state.stage}) can be withdrawn`,
        );
      return;
    }
    case 'WITHDRAW_PROJECT':
      return;
    case 'GRANT_EXTENSION': {
      const item = findItem(state, c.itemCode);
      if (CLOSED.has(item.status) || item.status === 'PENDING' || item.status === 'SUBMITTED')
        refuse(
          'CONFLICT',
          `item ${item.code} is ${item.status}; only an item under review can be extended`,
        );
      if (!Number.isInteger(c.days) || c.days < 1)
        refuse('INVALID', 'days must be a whole number of working days, at least 1');
      if (item.extensionDays + c.days > 10)
        refuse(
          'CONFLICT',
          `item ${item.code} already has ${item.extensionDays} extension days; art. 42 allows 10 in all`,
        );
      requireText(c.reason, 'reason');
      return;
    }
    case 'SCHEDULE_JOINT_PROCEDURE': {
      checkDate(ctx.cal, c.date, 'date');
      if (c.date < ctx.today) refuse('INVALID', `date must be today or later (${ctx.today})`);
      const items = jointItems(state, c.type, c.itemCodes);
      if (items.length === 0)
        refuse('CONFLICT', `no open item of stage ${state.stage} takes part in ${c.type}`);
      const bad = items.find((i) => i.status !== 'UNDER_REVIEW');
      if (bad)
        refuse(
          'CONFLICT',
          `item ${bad.code} is ${bad.status}; a joint procedure needs its items UNDER_REVIEW`,
        );
      const busy = state.jointProcedures.find(
        (j) => j.status === 'SCHEDULED' && j.itemCodes.some((x) => items.some((i) => i.code === x)),
      );
      if (busy)
        refuse(
          'CONFLICT',
          `joint procedure ${busy.id} (${busy.type}) already holds some of these items`,
        );
      return;
    }
    case 'RECORD_JOINT_RESULT': {
      const jp =
        state.jointProcedures.find((j) => j.id === c.procedureId) ??
        refuse('NOT_FOUND', `joint procedure ${c.procedureId} does not exist`);
      if (jp.status !== 'SCHEDULED') refuse('CONFLICT', `joint procedure ${jp.id} is already done`);
      if (!jp.departments.includes(c.department))
        refuse(
          'CONFLICT',
          `department ${c.department} does not take part in joint procedure ${jp.id}`,
        );
      if (jp.results[c.department])
        refuse('CONFLICT', `department ${c.department} has already recorded its result`);
      if (typeof c.passed !== 'boolean') refuse('INVALID', 'passed must be true or false');
      return;
    }
    default:
      refuse('INVALID', `unknown command ${(c as { kind: string }).kind}`);
  }
}

function jointItems(state: ProjectState, type: string, codes?: string[]): ItemState[] {
  if (codes && codes.length) return codes.map((c) => findItem(state, c));
  return state.items.filter(
    (i) => i.stage === state.stage && i.jointProcedure === type && !CLOSED.has(i.status),
  );
}

// ---- effects ---------------------------------------------------------------------------

function startClock(item: ItemState, from: string) {
  item.status = 'UNDER_REVIEW';
  item.intervals.push({ from });
}

function stopClock(item: ItemState, on: string) {
  const open = item.intervals[item.intervals.length - 1];
  if (open && open.to === undefined) open.to = on < open.from ? open.from : on;
}

function pause(
  item: ItemState,
  reason: PauseReason,
  on: string,
  extra: { expectedDays?: number; note?: string } = {},
) {
  stopClock(item, on);
  item.pauses.push({ reason, from: on, ...extra });
}

function resume(item: ItemState, on: string) {
  const p = item.pauses[item.pauses.length - 1];
  if (p && p.to === undefined) p.to = on;
  startClock(item, on);
}

const REASON_TEXT: Record<PauseReason, string> = {
  SUPPLEMENT: 'materials must be supplemented (补正)',
  DEFICIENCY_OVERDUE: 'promised materials (容缺) did not arrive by the committed date',
  EXPERT_REVIEW: 'expert review (专家评审)',
  PUBLIC_NOTICE: 'public notice (公示)',
  HEARING: 'hearing (听证)',
  SITE_SURVEY: 'site survey (现场踏勘)',
  INSPECTION_TESTING: 'inspection and testing (检验检测)',
  APPRAISAL: 'appraisal (鉴定)',
};

/**
 * Ends a supplement or special procedure: the clock runs again — unless a 容缺 commitment was
 * missed meanwhile. Then the item stays stopped, SUSPENDED, until the materials arrive (the
 * applicant's time, not counted), and the missed deficiency is returned.
 */
function endStop(item: ItemState, on: string): Deficiency | undefined {
  const missed = item.deficiencies.find((d) => d.status === 'MISSED');
  if (!missed) {
    resume(item, on);
    return undefined;
  }
  const p = item.pauses[item.pauses.length - 1];
  if (p && p.to === undefined) p.to = on;
  item.pauses.push({ reason: 'DEFICIENCY_OVERDUE', from: on, note: missed.description });
  item.status = 'SUSPENDED';
  return missed;
}

function stillStopped(
  state: ProjectState,
  item: ItemState,
  d: Deficiency,
  on: string,
  out: Outbox,
) {
  out.notice({
    recipientRole: 'APPLICANT',
    organisation: state.ownerOrganisation,
    kind: 'CLOCK_STOPPED',
    itemCode: item.code,
    message: `The clock of ${item.name} stays stopped on ${on}: ${REASON_TEXT.DEFICIENCY_OVERDUE} ("${d.description}", due ${d.dueDate}). It resumes when you deliver it.`,
  });
}

/** Items of the stage whose prerequisites are done start when the stage has been accepted. */
function startReadyItems(state: ProjectState, stage: StageCode, on: string, out: Outbox) {
  for (const item of state.items) {
    if (item.stage !== stage || (item.status !== 'PENDING' && item.status !== 'SUBMITTED'))
      continue;
    const ready = item.prerequisites.every((p) =>
      DONE.has(state.items.find((i) => i.code === p)?.status ?? 'APPROVED'),
    );
    if (!ready) {
      item.status = 'PENDING';
      continue;
    }
    startClock(item, on);
    out.event('ITEM_STARTED', { stage, itemCode: item.code, clockEffect: 'STARTED' });
  }
}

function advance(state: ProjectState, ctx: Ctx, out: Outbox) {
  for (;;) {
    const stage = stageOf(state, state.stage);
    if (stage.status === 'IN_REVIEW') startReadyItems(state, stage.code, ctx.today, out);
    const items = state.items.filter((i) => i.stage === stage.code);
    if (stage.status === 'IN_REVIEW' || stage.status === 'BLOCKED') {
      stage.status = items.some((i) => i.status === 'REJECTED') ? 'BLOCKED' : 'IN_REVIEW';
    }
    const complete =
      items.every((i) => DONE.has(i.status)) &&
      (stage.status === 'IN_REVIEW' || items.length === 0);
    if (!complete) return;
    stage.status = 'COMPLETED';
    stage.completedOn = ctx.today;
    out.event('STAGE_COMPLETED', { stage: stage.code });
    const next = state.stages[state.stages.indexOf(stage) + 1];
    if (!next) {
      state.status = 'COMPLETED';
      state.closedOn = ctx.today;
      out.event('PROJECT_COMPLETED', { clockEffect: 'ENDED' });
      return;
    }
    state.stage = next.code;
    if (!state.items.some((i) => i.stage === next.code))
      next.status = 'IN_REVIEW'; // nothing to do there
    else return;
  }
}

/** Applies a validated command. Returns what the caller is told. */
export function applyCommand(
  state: ProjectState,
  env: CommandEnvelope,
  ctx: Ctx,
  out: Outbox,
): CommandResult {
  const result = (itemCode?: string): CommandResult => {
    const item = itemCode ? state.items.find((i) => i.code === itemCode) : undefined;
    return {
      seq: state.seq,
      projectStatus: state.status,
      stage: state.stage,
      ...(item ? { item: { code: item.code, status: item.status, round: item.round } } : {}),
    };
  };
  const c = env.command;
  if (env.requestId) {
    if (state.recentRequests.includes(env.requestId)) {
      return { ...result('itemCode' in c ? c.itemCode : undefined), duplicate: true };
    }
    state.recentRequests.push(env.requestId);
    if (state.recentRequests.length > 500)
      state.recentRequests.splice(0, state.recentRequests.length - 500);
  }
  const today = ctx.today;
  switch (c.kind) {
    case 'SUBMIT_STAGE': {
      const s = stageOf(state, c.stage);
      s.status = 'SUBMITTED';
      s.submittedOn = today;
      s.submissions += 1;
      delete s.returnReason;
      for (const i of state.items)
        if (i.stage === c.stage && i.status === 'PENDING') i.status = 'SUBMITTED';
      out.event('STAGE_SUBMITTED', {
        stage: c.stage,
        detail: { note: c.note, materials: c.materials, submission: s.submissions },
      });
      return result();
    }
    case 'ACCEPT_STAGE': {
      const s = stageOf(state, c.stage);
      if (c.decision === 'RETURN') {
        s.status = 'RETURNED';
        s.returnReason = c.reason;
        for (const i of state.items)
          if (i.stage === c.stage && i.status === 'SUBMITTED') i.status = 'PENDING';
        out.event('STAGE_RETURNED', { stage: c.stage, detail: { reason: c.reason } });
        out.notice({
          recipientRole: 'APPLICANT',
          organisation: state.ownerOrganisation,
          kind: 'STAGE_RETURNED',
          message: `Stage ${c.stage} was returned: ${c.reason}. No clock runs while you prepare it again.`,
        });
        return result();
      }
      s.status = 'IN_REVIEW';
      s.acceptedOn = today;
      out.event('STAGE_ACCEPTED', { stage: c.stage, clockEffect: 'STARTED' });
      advance(state, ctx, out);
      return result();
    }
    case 'DECIDE': {
      const item = findItem(state, c.itemCode);
      const base = { stage: item.stage, itemCode: item.code };
      switch (c.action) {
        case 'APPROVE':
          stopClock(item, today);
          item.status = 'APPROVED';
          item.decidedOn = today;
          item.decisionComment = c.comment;
          out.event('ITEM_APPROVED', {
            ...base,
            detail: { comment: c.comment },
            clockEffect: 'ENDED',
          });
          advance(state, ctx, out);
          break;
        case 'REJECT':
          if (item.status === 'SUSPENDED') resume(item, today);
          stopClock(item, today);
          item.status = 'REJECTED';
          item.decidedOn = today;
          item.decisionComment = c.comment;
          out.event('ITEM_REJECTED', {
            ...base,
            detail: { comment: c.comment },
            clockEffect: 'ENDED',
          });
          out.notice({
            recipientRole: 'APPLICANT',
            organisation: state.ownerOrganisation,
            kind: 'ITEM_REJECTED',
            itemCode: item.code,
            message: `${item.name} was rejected: ${c.comment}. Stage ${item.stage} waits until you resubmit or withdraw the item.`,
          });
          advance(state, ctx, out);
          break;
        case 'REQUEST_SUPPLEMENT':
          pause(item, 'SUPPLEMENT', today, { note: c.comment });
          item.status = 'SUPPLEMENT_REQUESTED';
          out.event('SUPPLEMENT_REQUESTED', {
            ...base,
            detail: { comment: c.comment },
            clockEffect: 'STOPPED',
          });
          out.notice({
            recipientRole: 'APPLICANT',
            organisation: state.ownerOrganisation,
            kind: 'CLOCK_STOPPED',
            itemCode: item.code,
            message: `The clock of ${item.name} stopped on ${today}: ${REASON_TEXT.SUPPLEMENT}: ${c.comment}. It resumes when you answer.`,
          });
          break;
        case 'START_SPECIAL_PROCEDURE': {
          const p = c.procedure!;
          const until = ctx.cal.addWorkingDays(today, p.expectedDays).date;
          pause(item, p.type, today, { expectedDays: p.expectedDays, note: c.comment });
          item.status = 'SPECIAL_PROCEDURE';
          out.event('SPECIAL_PROCEDURE_STARTED', {
            ...base,
            detail: {
              procedure: p.type,
              expectedDays: p.expectedDays,
              expectedUntil: until,
              comment: c.comment,
            },
            clockEffect: 'STOPPED',
          });
          out.notice({
            recipientRole: 'APPLICANT',
            organisation: state.ownerOrganisation,
            kind: 'CLOCK_STOPPED',
            itemCode: item.code,
            expectedDays: p.expectedDays,
            expectedUntil: until,
            message: `The clock of ${item.name} stopped on ${today} for ${REASON_TEXT[p.type]}, expected to take ${p.expectedDays} working days (until ${until}); by art. 45 this time is not counted.`,
          });
          break;
        }
        case 'END_SPECIAL_PROCEDURE': {
          const missed = endStop(item, today);
          out.event('SPECIAL_PROCEDURE_ENDED', {
            ...base,
            detail: { comment: c.comment },
            ...(missed ? {} : { clockEffect: 'RESUMED' as const }),
          });
          if (missed) stillStopped(state, item, missed, today, out);
          else
            out.notice({
              recipientRole: 'APPLICANT',
              organisation: state.ownerOrganisation,
              kind: 'CLOCK_RESUMED',
              itemCode: item.code,
              message: `The special procedure for ${item.name} ended on ${today}; its clock runs again.`,
            });
          break;
        }
        case 'ACCEPT_WITH_DEFICIENCY': {
          const d = c.deficiency!;
          item.deficiencies.push({
            id: ctx.newId(),
            description: d.description,
            dueDate: d.dueDate,
            status: 'OPEN',
          });
          out.event('ACCEPTED_WITH_DEFICIENCY', {
            ...base,
            detail: { description: d.description, dueDate: d.dueDate },
          });
          out.notice({
            recipientRole: 'APPLICANT',
            organisation: state.ownerOrganisation,
            kind: 'CLOCK_RESUMED',
            itemCode: item.code,
            expectedUntil: d.dueDate,
            message: `${item.name} is reviewed on your commitment to deliver "${d.description}" by ${d.dueDate}; if it does not arrive by then the item is suspended.`,
          });
          break;
        }
      }
      return result(item.code);
    }
    case 'ANSWER_SUPPLEMENT': {
      const item = findItem(state, c.itemCode);
      const missed = endStop(item, today);
      out.event('SUPPLEMENT_ANSWERED', {
        stage: item.stage,
        itemCode: item.code,
        detail: { note: c.note },
        ...(missed ? {} : { clockEffect: 'RESUMED' as const }),
      });
      if (missed) stillStopped(state, item, missed, today, out);
      return result(item.code);
    }
    case 'DELIVER_DEFICIENCY': {
      const item = findItem(state, c.itemCode);
      for (const d of item.deficiencies) {
        if (d.status !== 'DELIVERED') {
          d.status = 'DELIVERED';
          d.deliveredOn = today;
        }
      }
      const wasSuspended = item.status === 'SUSPENDED';
      if (wasSuspended) resume(item, today);
      out.event('DEFICIENCY_DELIVERED', {
        stage: item.stage,
        itemCode: item.code,
        detail: { note: c.note },
        ...(wasSuspended ? { clockEffect: 'RESUMED' as const } : {}),
      });
      return result(item.code);
    }
    case 'RESUBMIT_ITEM': {
      const item = findItem(state, c.itemCode);
      item.pastIntervals.push(...item.intervals);
      item.intervals = [];
      item.deficiencies = [];
      item.round += 1;
      item.risk = 'ON_TRACK';
      delete item.decidedOn;
      startClock(item, today);
      out.event('ITEM_RESUBMITTED', {
        stage: item.stage,
        itemCode: item.code,
        detail: { note: c.note, round: item.round },
        clockEffect: 'RESTARTED',
      });
      advance(state, ctx, out);
      return result(item.code);
    }
    case 'WITHDRAW_ITEM': {
      const item = findItem(state, c.itemCode);
      closeItem(item, today);
      item.status = 'WITHDRAWN';
      out.event('ITEM_WITHDRAWN', {
        stage: item.stage,
        itemCode: item.code,
        detail: { reason: c.reason },
        clockEffect: 'ENDED',
      });
      advance(state, ctx, out);
      return result(item.code);
    }
    case 'WITHDRAW_PROJECT': {
      const rejected = state.items.some((i) => i.status === 'REJECTED');
      for (const i of state.items) {
        if (OPEN_ITEM_STATUSES.includes(i.status)) {
          closeItem(i, today);
          i.status = 'WITHDRAWN';
        }
      }
      state.status = rejected ? 'REJECTED' : 'WITHDRAWN';
      state.closedOn = today;
      out.event(rejected ? 'PROJECT_REJECTED' : 'PROJECT_WITHDRAWN', {
        detail: { reason: c.reason },
        clockEffect: 'ENDED',
      });
      return result();
    }
    case 'GRANT_EXTENSION': {
      const item = findItem(state, c.itemCode);
      item.extensionDays += c.days;
      out.event('EXTENSION_GRANTED', {
        stage: item.stage,
        itemCode: item.code,
        detail: { days: c.days, reason: c.reason },
        clockEffect: 'EXTENDED',
      });
      return result(item.code);
    }
    case 'SCHEDULE_JOINT_PROCEDURE': {
      const items = jointItems(state, c.type, c.itemCodes);
      const id = ctx.newId();
      const departments = [...new Set(items.map((i) => i.department))].sort();
      state.jointProcedures.push({
        id,
        type: c.type,
        stage: state.stage,
        scheduledFor: c.date,
        itemCodes: items.map((i) => i.code),
        departments,
        results: {},
        status: 'SCHEDULED',
      });
      out.event('JOINT_PROCEDURE_SCHEDULED', {
        stage: state.stage,
        detail: { id, type: c.type, date: c.date, items: items.map((i) => i.code), departments },
      });
      for (const d of departments) {
        out.notice({
          recipientRole: 'OFFICER',
          department: d,
          kind: 'JOINT_PROCEDURE_SCHEDULED',
          message: `Joint ${c.type} on ${c.date} for ${state.name}: ${items
            .filter((i) => i.department === d)
            .map((i) => i.code)
            .join(', ')}`,
        });
      }
      if (c.type === 'SITE_SURVEY') {
        const days = Math.max(1, ctx.cal.workingDaysBetween(today, c.date).days);
        for (const item of items) {
          pause(item, 'SITE_SURVEY', today, {
            expectedDays: days,
            note: `joint site survey ${id}`,
          });
          item.status = 'SPECIAL_PROCEDURE';
          out.event('SPECIAL_PROCEDURE_STARTED', {
            stage: item.stage,
            itemCode: item.code,
            detail: { procedure: 'SITE_SURVEY', jointProcedure: id, expectedUntil: c.date },
            clockEffect: 'STOPPED',
          });
        }
        out.notice({
          recipientRole: 'APPLICANT',
          organisation: state.ownerOrganisation,
          kind: 'CLOCK_STOPPED',
          expectedDays: days,
          expectedUntil: c.date,
          message: `A joint site survey is scheduled for ${c.date}; the clocks of ${items.map((i) => i.code).join(', ')} stop until every department has recorded its result (art. 45).`,
        });
      }
      return result();
    }
    case 'RECORD_JOINT_RESULT': {
      const jp = state.jointProcedures.find((j) => j.id === c.procedureId)!;
      jp.results[c.department] = {
        passed: c.passed,
        comment: c.comment,
        on: today,
        by: env.actor.username,
      };
      out.event('JOINT_RESULT_RECORDED', {
        stage: jp.stage,
        detail: {
          id: jp.id,
          type: jp.type,
          department: c.department,
          passed: c.passed,
          comment: c.comment,
        },
      });
      if (jp.departments.every((d) => jp.results[d])) {
        jp.status = 'DONE';
        out.event('JOINT_PROCEDURE_DONE', {
          stage: jp.stage,
          detail: {
            id: jp.id,
            type: jp.type,
            passed: jp.departments.every((d) => jp.results[d].passed),
          },
        });
        if (jp.type === 'SITE_SURVEY') {
          for (const code of jp.itemCodes) {
            const item = findItem(state, code);
            if (item.status === 'SPECIAL_PROCEDURE') {
              const missed = endStop(item, today);
              out.event('SPECIAL_PROCEDURE_ENDED', {
                stage: item.stage,
                itemCode: code,
                detail: { jointProcedure: jp.id },
                ...(missed ? {} : { clockEffect: 'RESUMED' as const }),
              });
              if (missed) stillStopped(state, item, missed, today, out);
            }
          }
        }
      }
      return result();
    }
  }
}

function closeItem(item: ItemState, today: string) {
  stopClock(item, today);
  const p = item.pauses[item.pauses.length - 1];
  if (p && p.to === undefined) p.to = today;
}

/** The state a new project starts in (all items PENDING; the import path accepts PLAN at once). */
export function initialState(
  input: Pick<
    ProjectWorkflowInput,
    | 'projectId'
    | 'name'
    | 'type'
    | 'region'
    | 'ownerOrganisation'
    | 'items'
    | 'limitDays'
    | 'stageBudgets'
    | 'warning'
  >,
  calendarVersion: string,
  createdAt: string,
): ProjectState {
  const stages: StageCode[] = ['PLAN', 'START_PERMIT', 'COMPLETION'];
  const state: ProjectState = {
    projectId: input.projectId,
    name: input.name,
    type: input.type,
    region: input.region,
    ownerOrganisation: input.ownerOrganisation,
    status: 'IN_PROGRESS',
    stage: 'PLAN',
    limitDays: input.limitDays,
    stageBudgets: input.stageBudgets,
    warning: input.warning,
    stages: stages.map((code) => ({ code, status: 'NOT_STARTED', submissions: 0 })),
    items: input.items.map((i) => ({
      code: i.code,
      name: i.name,
      nameEn: i.nameEn,
      department: i.department,
      stage: i.stage,
      theme: i.theme,
      themeName: i.themeName,
      limitDays: i.limitDays,
      statutoryLimitDays: i.statutoryLimitDays,
      extensionDays: 0,
      prerequisites: [...i.prerequisites],
      jointProcedure: i.jointProcedure,
      status: 'PENDING',
      round: 1,
      taskId: `${input.projectId}:${i.code}`,
      intervals: [],
      pastIntervals: [],
      pauses: [],
      deficiencies: [],
      risk: 'ON_TRACK',
    })),
    jointProcedures: [],
    risk: 'ON_TRACK',
    calendarVersion,
    seq: 0,
    createdAt,
    recentRequests: [],
  };
  // Stages without items are passed at once.
  while (!state.items.some((i) => i.stage === state.stage)) {
    const s = stageOf(state, state.stage);
    s.status = 'COMPLETED';
    const next = state.stages[state.stages.indexOf(s) + 1];
    if (!next) break;
    state.stage = next.code;
  }
  return state;
}
