/**
 * A material in the workflow's state: what it is, whether the project needs it, the files handed
 * in for it per round (ids and hashes only: the bytes are in object storage) and the verdicts.
 */
import type { AnswerReason, MaterialSource } from '../../domain/src';

export const MATERIAL_STATUSES = [
  'MISSING',
  'UPLOADED',
  'ACCEPTED',
  'NEEDS_CORRECTION',
  'PROVIDED_BY_RESULT',
  'WAIVED',
] as const;
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];

/** A material as the checklist gives it to the workflow. */
export interface MaterialInput {
  code: string;
  name: string;
  nameEn: string;
  /** False: waived for this project. */
  required: boolean;
  /** The item on this project whose result it is (nothing to hand in once that is approved). */
  producedBy?: string;
  /** 容缺: the window may accept the item while it is still missing. */
  deficiencyAllowed?: boolean;
  /** Who hands it in (absent: the applicant). */
  source?: MaterialSource;
  /** The answers that made it required or waived (absent: the item always asks for it). */
  reason?: AnswerReason[];
}

/** A file handed in: its id in the files table and storage, and its SHA-256. */
export interface MaterialFile {
  id: string;
  sha256: string;
  /** The round it belongs to: 1, then +1 each time the material is asked for again. */
  round: number;
}

export interface MaterialVerdict {
  status: 'ACCEPTED' | 'NEEDS_CORRECTION';
  by: string;
  on: string;
  round: number;
  reason?: string;
}

export interface MaterialState extends MaterialInput {
  status: MaterialStatus;
  round: number;
  files: MaterialFile[];
  /** Why it was asked for again (a return, a supplement request), for this round. */
  correction?: string;
  /** The last verdict of the window or an officer. */
  verdict?: MaterialVerdict;
}
