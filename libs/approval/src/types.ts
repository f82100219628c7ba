/**
 * The state of one project's approval, as the project workflow holds it and as the read model
 * stores it. Plain JSON (it crosses continue-as-new and is written to PostgreSQL as jsonb) and
 * pure types: workflow code imports this.
 */
import type { CalendarSnapshot } from '../../calendar/src/core';
import type { JointProcedure, ProjectType, Risk, StageCode, WarningRule } from '../../domain/src';
import type { NoticeText } from './notice-texts';

export type ItemStatus =
  | 'PENDING' // stage not reached, or prerequisites still open
  | 'PRE_REVIEW' // 预审: the next stage's materials handed in early; no clock, never counted
  | 'SUBMITTED' // materials in, waiting for the window
  | 'UNDER_REVIEW' // accepted: the item's clock runs
  | 'SUPPLEMENT_REQUESTED' // 补正: clock stopped until the applicant answers
  | 'SPECIAL_PROCEDURE' // expert review, public notice, hearing, site survey …: not counted
  | 'SUSPENDED' // a 容缺 commitment date passed without the materials: clock stopped
  | 'APPROVED'
  | 'REJECTED'
  | 'WITHDRAWN'
  | 'REVOKED'; // approved on commitment (告知承诺), then the follow-up check (核查) failed

export type StageStatus =
  | 'NOT_STARTED'
  | 'SUBMITTED' // waiting for the window officer
  | 'RETURNED' // returned with reasons; the applicant prepares again (no clock runs)
  | 'IN_REVIEW' // accepted: its items run
  | 'BLOCKED' // an item was rejected: waits until the applicant resubmits or withdraws it
  | 'COMPLETED';

export type ProjectStatus = 'IN_PROGRESS' | 'COMPLETED' | 'REJECTED' | 'WITHDRAWN';

export * from './pause-reasons';
import type { MaterialInput, MaterialState } from './material-state';
import type { PauseReason } from './pause-reasons';

/** Working days in (from, to]; `to` absent while the interval is open (runs through today). */
export interface DayInterval {
  from: string;
  to?: string;
}

export interface Pause extends DayInterval {
  reason: PauseReason;
  /** Expected length in working days, when known (special procedures). */
  expectedDays?: number;
  note?: string;
}

export interface Deficiency {
  id: string;
  description: string;
  /** The applicant's commitment date for the missing materials (YYYY-MM-DD). */
  dueDate: string;
  status: 'OPEN' | 'DELIVERED' | 'MISSED';
  deliveredOn?: string;
  /** The materials it promised (a window's 容缺 acceptance names them); absent: described only. */
  materials?: string[];
}

/** An item of the checklist as the workflow receives it (a snapshot of the catalog). */
export interface ChecklistItemInput {
  code: string;
  name: string;
  nameEn: string;
  department: string;
  stage: StageCode;
  theme: string;
  themeName: string;
  /** The theme's English name (a region's own catalogue has its own; absent in older runs). */
  themeNameEn?: string;
  /** Promised limit (承诺时限) in working days; in the state, plus any extension granted. */
  limitDays: number;
  statutoryLimitDays: number;
  prerequisites: readonly string[];
  jointProcedure: JointProcedure | null;
  /** What the item asks for (absent in projects started before materials). */
  materials?: MaterialInput[];
  /**
   * 告知承诺制: the catalogue lets the item be approved on the applicant's written commitment;
   * the follow-up check (核查) is due this many working days after the approval. Absent: not
   * eligible.
   */
  commitmentCheckDays?: number;
}

/** An approval on commitment (告知承诺) and its follow-up check (核查). */
export interface CommitmentState {
  /** The applicant's commitment, as the officer recorded it. */
  text: string;
  /** The last working day of the follow-up check (YYYY-MM-DD). */
  checkDue: string;
  check?: { passed: boolean; comment?: string; on: string; by: string };
}

export interface ItemState extends Omit<ChecklistItemInput, 'prerequisites' | 'materials'> {
  extensionDays: number;
  prerequisites: string[];
  status: ItemStatus;
  /** Application round: a resubmission after a rejection starts round 2 with a fresh clock. */
  round: number;
  /** Stable per project and item: `<projectId>:<itemCode>`. */
  taskId: string;
  /** This round's clock: when it ran. */
  intervals: DayInterval[];
  /** Earlier rounds' clocks (they still count on the project clock). */
  pastIntervals: DayInterval[];
  pauses: Pause[];
  deficiencies: Deficiency[];
  /** Risk as last evaluated by the workflow (timers); reports recompute it for "now". */
  risk: Risk;
  decidedOn?: string;
  decisionComment?: string;
  materials?: MaterialState[];
  /** Set when the item was approved on commitment. */
  onCommitment?: CommitmentState;
}

export interface StageState {
  code: StageCode;
  status: StageStatus;
  submittedOn?: string;
  acceptedOn?: string;
  completedOn?: string;
  returnReason?: string;
  submissions: number;
  /** 预审: the day its materials were last handed in for pre-review (the previous stage in review). */
  preReviewedOn?: string;
  /**
   * 一次受理 per theme (the catalogue's `acceptPerTheme`): where each theme of the stage stands,
   * by theme code, once one was handed in. Absent for a stage accepted whole.
   */
  themes?: Record<string, ThemeAcceptance>;
}

/** A theme's own hand-in and acceptance, in a stage accepted per theme. */
export interface ThemeAcceptance {
  status: 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';
  submittedOn: string;
  acceptedOn?: string;
  returnReason?: string;
  /** Handed in from pre-review when the previous stage completed (its clocks count from then). */
  preReviewed?: true;
}

export interface JointProcedureState {
  id: string;
  type: JointProcedure;
  stage: StageCode;
  scheduledFor: string;
  itemCodes: string[];
  departments: string[];
  results: Record<string, { passed: boolean; comment?: string; on: string; by: string }>;
  status: 'SCHEDULED' | 'DONE';
}

export interface Actor {
  username: string;
  role: string;
  department?: string;
  organisation?: string;
}

/** An entry of the append-only timeline: who, what, when, with the clock effect. */
export interface TimelineEvent {
  seq: number;
  /** ISO instant. */
  at: string;
  actor: string;
  role: string;
  onBehalfOf?: string;
  type: string;
  stage?: StageCode;
  itemCode?: string;
  detail?: Record<string, unknown>;
  clockEffect?: 'STARTED' | 'STOPPED' | 'RESUMED' | 'ENDED' | 'RESTARTED' | 'EXTENDED';
  /**
   * What time alone raised (a warning, an overdue) names itself, the same wherever it is
   * evaluated: the read model keeps one row per key, so the deadline sweep's and the workflow's
   * own later evaluation of the same crossing are one event (deadlineKey in deadlines.ts).
   */
  key?: string;
}

/** A message to a person or role: every clock stop, warning and escalation creates one. */
export interface Notice {
  seq: number;
  at: string;
  recipientRole: 'APPLICANT' | 'OFFICER' | 'DEPARTMENT_HEAD' | 'SUPERVISOR';
  department?: string;
  organisation?: string;
  kind:
    | 'CLOCK_STOPPED'
    | 'CLOCK_RESUMED'
    | 'STAGE_RETURNED'
    | 'ITEM_REJECTED'
    | 'STAGE_ACCEPTED'
    | 'ITEM_APPROVED'
    | 'WARNING'
    | 'OVERDUE_ESCALATION'
    | 'DEFICIENCY_MISSED'
    | 'JOINT_PROCEDURE_SCHEDULED'
    | 'RESULT_REVOKED'
    | 'PRE_REVIEW_COMMENT';
  itemCode?: string;
  /** Its English wording, kept for clients that do not render `text`. */
  message: string;
  /** Its wording in any language (notice-texts.ts); absent on notices written before it. */
  text?: NoticeText;
  /** As TimelineEvent.key: the crossing's key and the recipient. */
  key?: string;
  /** For a clock stop: the expected length in working days, and until when, when known. */
  expectedDays?: number;
  expectedUntil?: string;
}

export interface ProjectState {
  projectId: string;
  name: string;
  type: ProjectType;
  region: string;
  ownerOrganisation: string;
  status: ProjectStatus;
  stage: StageCode;
  limitDays: number;
  stageBudgets: Partial<Record<StageCode, number>> | null;
  warning: WarningRule;
  stages: StageState[];
  items: ItemState[];
  jointProcedures: JointProcedureState[];
  /** Risk of the project as last evaluated (timers, decisions). */
  risk: Risk;
  calendarVersion: string;
  /** The catalogue version the project runs on (absent: started before versions, built-in). */
  catalogueVersion?: string;
  /** Last timeline/notice sequence number used. */
  seq: number;
  createdAt: string;
  closedOn?: string;
  /** Recent request ids already applied: a retried command has one effect, across runs too. */
  recentRequests: string[];
  /** The catalogue's policy accepts a pre-reviewed stage at once, without the window's click. */
  preReviewAutoAccept?: boolean;
  /** The catalogue's policy: each theme of a stage is handed in and accepted on its own. */
  acceptPerTheme?: boolean;
}

export interface ProjectWorkflowInput {
  projectId: string;
  name: string;
  type: ProjectType;
  region: string;
  ownerOrganisation: string;
  /**
   * The id of the catalogue version the items and limits come from (pinned at creation; absent
   * in projects started before catalogue versions: the built-in catalogue).
   */
  catalogueVersion?: string;
  /** The checklist's items, as `checklist(answers)` produced them (a snapshot of the catalog). */
  items: ChecklistItemInput[];
  limitDays: number;
  stageBudgets: Partial<Record<StageCode, number>> | null;
  warning: WarningRule;
  calendar: CalendarSnapshot;
  createdBy: Actor;
  /** Set when an agent creates the project under a mandate: the organisation it acts for. */
  onBehalfOf?: string;
  /** Import path: the date the first stage was accepted elsewhere (its items run since then). */
  acceptedAt?: string;
  /** The catalogue's policy: a pre-reviewed stage is accepted at once (default: the window confirms). */
  preReviewAutoAccept?: boolean;
  /** The catalogue's policy: 一次受理 per theme (default: a stage is accepted whole). */
  acceptPerTheme?: boolean;
  /** Set by continue-as-new: the state carried into the next run. */
  state?: ProjectState;
  /** Which run of the project this is: 0, then +1 at every continue-as-new. */
  run?: number;
  /** Events past this count a run continues as new (default 4,000; tests lower it). */
  historyLimit?: number;
  /**
   * Wakes for a risk instant up to this much later (wakeDelayMs, by the project's id), so that a
   * midnight on which thousands of instants fall is not one burst of workflow tasks. Set by the
   * API when the worker's deadline sweep writes those crossings at the instant
   * (DEADLINE_SWEEP_SECONDS); absent: at the instant.
   */
  riskWakeSpreadMs?: number;
}
