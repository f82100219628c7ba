/**
 * Builds projects for the state machine's unit tests the way the workflow does: `initialState`
 * and then commands through `validateCommand` + `applyCommand`, on the real mainland calendar.
 * Each command runs at 10:00 Beijing time on the day given.
 */
import { chineseDaysSnapshot } from '../../calendar/src';
import { WorkingDayCalendar } from '../../calendar/src/core';
import { DEFAULT_WARNING, type StageCode } from '../../domain/src';
import {
  Actor,
  Command,
  CommandRefused,
  CommandResult,
  ItemState,
  Notice,
  Outbox,
  ProjectState,
  ProjectWorkflowInput,
  TimelineEvent,
  applyCommand,
  evaluateDeadlines,
  initialState,
  validateCommand,
} from '../src';

export const cal = WorkingDayCalendar.fromSnapshot(chineseDaysSnapshot({ lastYear: 2030 }));

export const actors = {
  applicant: { username: 'applicant', role: 'APPLICANT', organisation: 'org-a' } as Actor,
  window: { username: 'window', role: 'WINDOW_OFFICER' } as Actor,
  officer: (department: string): Actor => ({
    username: `officer.${department}`,
    role: 'REVIEWING_OFFICER',
    department,
  }),
  head: (department: string): Actor => ({
    username: `head.${department}`,
    role: 'DEPARTMENT_HEAD',
    department,
  }),
};

export type ItemSpec = Partial<ProjectWorkflowInput['items'][number]> & { code: string };

/** 10:00 in Beijing on `day`. */
export const at = (day: string) => `${day}T02:00:00.000Z`;

export interface Produced {
  result: CommandResult;
  events: TimelineEvent[];
  notices: Notice[];
}

export class Project {
  readonly state: ProjectState;
  /** Everything produced so far, in order. */
  readonly events: TimelineEvent[] = [];
  readonly notices: Notice[] = [];
  private ids = 0;

  constructor(
    items: ItemSpec[],
    over: Partial<
      Pick<
        ProjectWorkflowInput,
        'limitDays' | 'stageBudgets' | 'warning' | 'preReviewAutoAccept' | 'acceptPerTheme'
      >
    > = {},
  ) {
    this.state = initialState(
      {
        projectId: 'p1',
        name: 'Test school',
        type: 'GOVERNMENT_INVESTED',
        region: 'CN',
        ownerOrganisation: 'org-a',
        limitDays: 80,
        stageBudgets: null,
        warning: DEFAULT_WARNING,
        items: items.map((i) => ({
          name: `${i.code} name`,
          nameEn: `${i.code} name`,
          department: 'NRP',
          stage: 'PLAN',
          theme: 'LAND_SITE',
          themeName: '用地',
          limitDays: 10,
          statutoryLimitDays: 20,
          prerequisites: [],
          jointProcedure: null,
          ...i,
        })),
        ...over,
      },
      cal.version,
      at('2026-01-05'),
    );
  }

  item(code: string): ItemState {
    const i = this.state.items.find((x) => x.code === code);
    if (!i) throw new Error(`no item ${code}`);
    return i;
  }

  stage(code: StageCode) {
    const s = this.state.stages.find((x) => x.code === code);
    if (!s) throw new Error(`no stage ${code}`);
    return s;
  }

  /** Validates and applies `command` on `day`; returns what this command alone produced. */
  run(
    command: Command,
    day: string,
    opts: { by?: Actor; requestId?: string; onBehalfOf?: string } = {},
  ): Produced {
    const env = {
      actor: opts.by ?? defaultActor(command, this.state),
      command,
      ...(opts.requestId ? { requestId: opts.requestId } : {}),
      ...(opts.onBehalfOf ? { onBehalfOf: opts.onBehalfOf } : {}),
    };
    validateCommand(this.state, env, { today: day, cal });
    const out = new Outbox(this.state, { at: at(day) }, env);
    const result = applyCommand(this.state, env, this.ctx(day), out);
    return this.collect(out, result);
  }

  /** The refusal `validateCommand` throws for `command` on `day`; the state must not change. */
  refusal(command: Command, day: string, requestId?: string): { code: string; message: string } {
    const before = JSON.stringify(this.state);
    try {
      validateCommand(
        this.state,
        { actor: defaultActor(command, this.state), command, ...(requestId ? { requestId } : {}) },
        { today: day, cal },
      );
    } catch (e) {
      expect(JSON.stringify(this.state)).toBe(before);
      if (!(e instanceof CommandRefused)) throw e;
      return { code: e.code, message: e.message };
    }
    throw new Error(`${command.kind} was not refused on ${day}`);
  }

  /** What the workflow does when its timer fires on `day` (at 00:00:01 Beijing). */
  tick(day: string): Omit<Produced, 'result'> {
    const out = new Outbox(this.state, { at: new Date(cal.startOfDay(day) + 1000).toISOString() });
    evaluateDeadlines(this.state, cal, day, out);
    const { events, notices } = this.collect(out, undefined);
    return { events, notices };
  }

  /** The import path of the workflow and the usual first step: PLAN submitted and accepted. */
  open(day: string, stage: StageCode = this.state.stage) {
    this.run({ kind: 'SUBMIT_STAGE', stage }, day);
    return this.run({ kind: 'ACCEPT_STAGE', stage, decision: 'ACCEPT' }, day);
  }

  private ctx(day: string) {
    return { today: day, at: at(day), cal, newId: () => `id-${++this.ids}` };
  }

  private collect(out: Outbox, result: CommandResult | undefined): Produced {
    this.events.push(...out.events);
    this.notices.push(...out.notices);
    return { result: result as CommandResult, events: out.events, notices: out.notices };
  }
}

function defaultActor(c: Command, state: ProjectState): Actor {
  switch (c.kind) {
    case 'ACCEPT_STAGE':
      return actors.window;
    case 'DECIDE':
    case 'REVIEW_MATERIAL':
    case 'CHECK_COMMITMENT':
    case 'PRE_REVIEW_COMMENT':
      // An officer of the item's department (another department's is refused as not found).
      return actors.officer(state.items.find((i) => i.code === c.itemCode)?.department ?? 'NRP');
    case 'SCHEDULE_JOINT_PROCEDURE':
      return actors.officer('NRP');
    case 'RECORD_JOINT_RESULT':
      return actors.officer(c.department);
    case 'GRANT_EXTENSION':
      return actors.head('NRP');
    default:
      return actors.applicant;
  }
}

/** The event types, in order. */
export const types = (p: { events: TimelineEvent[] }) => p.events.map((e) => e.type);
