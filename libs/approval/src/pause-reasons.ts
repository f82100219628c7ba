/** Administrative Licensing Law art. 45: procedures not counted in the time limit. */
export const SPECIAL_PROCEDURE_TYPES = [
  'EXPERT_REVIEW',
  'PUBLIC_NOTICE',
  'HEARING',
  'SITE_SURVEY',
  'INSPECTION_TESTING',
  'APPRAISAL',
] as const;
export type SpecialProcedureType = (typeof SPECIAL_PROCEDURE_TYPES)[number];

/** Why a clock stopped: every stop has one, and the applicant is told it. */
export type PauseReason = 'SUPPLEMENT' | 'DEFICIENCY_OVERDUE' | SpecialProcedureType;
