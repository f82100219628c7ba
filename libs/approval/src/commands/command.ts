import type { JointProcedure, StageCode } from '../../../domain/src';
import type { Actor, SpecialProcedureType } from '../types';

export const DECISION_ACTIONS = [
  'APPROVE',
  'REJECT',
  'REQUEST_SUPPLEMENT',
  'START_SPECIAL_PROCEDURE',
  'END_SPECIAL_PROCEDURE',
  'ACCEPT_WITH_DEFICIENCY',
  'APPROVE_ON_COMMITMENT',
] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/** Everything a person can do to a running project. One Temporal Update carries them all. */
export type Command =
  | {
      kind: 'SUBMIT_STAGE';
      stage: StageCode;
      /** 一次受理 per theme: hand in this theme only (default: every theme still to hand in). */
      theme?: string;
      note?: string;
      materials?: { name: string; uri?: string }[];
    }
  | {
      kind: 'ACCEPT_STAGE';
      stage: StageCode;
      /** 一次受理 per theme: decide on this theme only (default: every theme handed in). */
      theme?: string;
      decision: 'ACCEPT' | 'RETURN';
      reason?: string;
      /** RETURN: the materials missing or wrong, each asked for again (with why). */
      materials?: { itemCode: string; materialCode: string; reason?: string }[];
      /** ACCEPT with 容缺: the missing materials each item takes later, by a committed date. */
      deficiencies?: { itemCode: string; materials: string[]; dueDate: string }[];
    }
  | {
      kind: 'DECIDE';
      itemCode: string;
      action: DecisionAction;
      comment?: string;
      procedure?: { type: SpecialProcedureType; expectedDays: number };
      deficiency?: { description: string; dueDate: string };
      /** REQUEST_SUPPLEMENT: the materials to correct (default: those judged NEEDS_CORRECTION). */
      materials?: { code: string; reason?: string }[];
      /** APPROVE_ON_COMMITMENT: the applicant's written commitment (告知承诺). */
      commitment?: string;
    }
  /** The department's follow-up check (核查) of an approval on commitment. */
  | { kind: 'CHECK_COMMITMENT'; itemCode: string; passed: boolean; comment?: string }
  /** 预审: the next stage's materials handed in while the current stage is in review. */
  | { kind: 'PRE_REVIEW_STAGE'; stage: StageCode; note?: string }
  /** A department's comment on an item in pre-review (no decision, no clock). */
  | { kind: 'PRE_REVIEW_COMMENT'; itemCode: string; comment: string }
  | { kind: 'ANSWER_SUPPLEMENT'; itemCode: string; note?: string }
  | { kind: 'DELIVER_DEFICIENCY'; itemCode: string; note?: string }
  | { kind: 'RESUBMIT_ITEM'; itemCode: string; note?: string }
  | { kind: 'WITHDRAW_ITEM'; itemCode: string; reason?: string }
  | { kind: 'WITHDRAW_PROJECT'; reason?: string }
  /**
   * 首接负责: the project's responsible window hands it over to another window (the API checks
   * that `from` is the contact now and `to` a window officer; the workflow records it).
   */
  | { kind: 'HAND_OVER'; from: string; to: string; reason: string }
  | { kind: 'GRANT_EXTENSION'; itemCode: string; days: number; reason: string }
  | { kind: 'SCHEDULE_JOINT_PROCEDURE'; type: JointProcedure; date: string; itemCodes?: string[] }
  | {
      kind: 'ATTACH_FILE';
      itemCode: string;
      materialCode: string;
      /** A file the API has stored: its id and SHA-256 (the workflow never sees its bytes). */
      file: { id: string; sha256: string };
    }
  | { kind: 'DETACH_FILE'; itemCode: string; materialCode: string; fileId: string }
  | {
      kind: 'REVIEW_MATERIAL';
      itemCode: string;
      materialCode: string;
      verdict: 'ACCEPTED' | 'NEEDS_CORRECTION';
      reason?: string;
    }
  | {
      kind: 'RECORD_JOINT_RESULT';
      procedureId: string;
      department: string;
      passed: boolean;
      comment?: string;
    };

export type CommandKind = Command['kind'];

/** The command of one kind: what its handler takes. */
export type CommandOf<K extends CommandKind> = Extract<Command, { kind: K }>;

export interface CommandEnvelope {
  /** Idempotency: the same request id has one effect (also used as the Temporal update id). */
  requestId?: string;
  actor: Actor;
  /** Set when an agent acts: the applicant organisation it acts for. */
  onBehalfOf?: string;
  command: Command;
  /** What the caller wants back besides the result: `report`, the whole project report. */
  answer?: 'report';
}

export type RefusalCode = 'NOT_FOUND' | 'CONFLICT' | 'INVALID';

/**
 * Why a command was refused, in words a page can say in the reader's language: a stable key
 * (the web's `reason.<KEY>` text) and what it names, names in both languages. The English
 * `message` stays for logs and API callers; pages never parse it.
 */
export const REFUSAL_KEYS = [
  'NOT_FOUND',
  'PROJECT_NOT_OPEN',
  'WRONG_STAGE',
  'STAGE_STATE',
  'THEME_STATE',
  'ITEM_STATE',
  'ITEM_OTHER_STAGE',
  'NO_SUPPLEMENT',
  'NO_OUTSTANDING_DEFICIENCY',
  'OPEN_DEFICIENCY',
  'WAITS_PREREQUISITES',
  'EXTENSION_LIMIT',
  'IN_JOINT_PROCEDURE',
  'WAITS_SITE_SURVEY',
  'JOINT_DONE',
  'NOT_IN_JOINT',
  'JOINT_RECORDED',
  'NO_JOINT_ITEMS',
  'JOINT_BUSY',
  'MATERIALS_MISSING',
  'MATERIALS_UNCOVERED',
  'NEW_VERSIONS_FIRST',
  'HAND_IN_FIRST',
  'NEEDS_CORRECTION',
  'MATERIAL_STATE',
  'NO_DEFICIENCY_FOR',
  'UPLOAD_CLOSED',
  'FILE_HANDED_IN',
  'TOO_MANY_FILES',
  'NO_FILE_TO_JUDGE',
  // Refusals of the API's own services (ratings, rectifications).
  'NOT_RATEABLE',
  'RATED_ALREADY',
  'RECTIFICATION_CLOSED',
  'MASTER_LOCKED',
  'NO_CONTACT',
  'NOT_CONTACT',
  // Express lanes (issue 27).
  'NOT_ON_COMMITMENT',
  'NO_CHECK_DUE',
  'NOT_NEXT_STAGE',
] as const;
export type RefusalKey = (typeof REFUSAL_KEYS)[number];

/** A name in both languages. */
export interface Named {
  name: string;
  nameEn: string;
}
export const named = (x: Named): Named => ({ name: x.name, nameEn: x.nameEn });

export interface RefusalReason {
  key: RefusalKey;
  params?: Record<string, string | number | Named | Named[]>;
}

/** A command the project's state does not allow: the API answers 404/409/400 with `message`. */
export class CommandRefused extends Error {
  override name = 'CommandRefused';
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly reason?: RefusalReason,
  ) {
    super(message);
  }
}

/**
 * Refuses the command; typed `never`, so what follows a guard knows the guard held. A refusal
 * of the state (404, 409) must say why in a reason; an invalid field (400) is named by its
 * message, which starts with the field.
 */
export function refuse(code: 'INVALID', message: string, reason?: RefusalReason): never;
export function refuse(
  code: 'NOT_FOUND' | 'CONFLICT',
  message: string,
  reason: RefusalReason,
): never;
export function refuse(code: RefusalCode, message: string, reason?: RefusalReason): never {
  throw new CommandRefused(code, message, reason);
}

export interface CommandResult {
  seq: number;
  projectStatus: string;
  stage: StageCode;
  item?: { code: string; status: string; round: number };
  duplicate?: boolean;
}
