/** The three project types of the reform, each with its own whole-process limit (see policy/). */
export const PROJECT_TYPES = [
  'GOVERNMENT_INVESTED',
  'SOCIAL_INVESTMENT',
  'SIMPLE_LOW_RISK',
] as const;

export type ProjectType = (typeof PROJECT_TYPES)[number];

export function isProjectType(value: unknown): value is ProjectType {
  return typeof value === 'string' && (PROJECT_TYPES as readonly string[]).includes(value);
}

/** Stages run strictly in this order; themes inside a stage run in parallel. */
export const STAGE_CODES = ['PLAN', 'START_PERMIT', 'COMPLETION'] as const;

export type StageCode = (typeof STAGE_CODES)[number];

export function isStageCode(value: unknown): value is StageCode {
  return typeof value === 'string' && (STAGE_CODES as readonly string[]).includes(value);
}

/** Position of a stage in the process (0 for `PLAN`). */
export function stageIndex(stage: StageCode): number {
  return STAGE_CODES.indexOf(stage);
}
