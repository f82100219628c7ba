import { STAGE_CODES } from '../../domain/src';
import { materialState } from './materials';
import type { ProjectState, ProjectWorkflowInput } from './types';

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
    | 'catalogueVersion'
    | 'preReviewAutoAccept'
    | 'acceptPerTheme'
  >,
  calendarVersion: string,
  createdAt: string,
): ProjectState {
  const state: ProjectState = {
    projectId: input.projectId,
    name: input.name,
    type: input.type,
    region: input.region,
    ownerOrganisation: input.ownerOrganisation,
    status: 'IN_PROGRESS',
    stage: STAGE_CODES[0],
    limitDays: input.limitDays,
    stageBudgets: input.stageBudgets,
    warning: input.warning,
    stages: STAGE_CODES.map((code) => ({ code, status: 'NOT_STARTED', submissions: 0 })),
    items: input.items.map((i) => ({
      code: i.code,
      name: i.name,
      nameEn: i.nameEn,
      department: i.department,
      stage: i.stage,
      theme: i.theme,
      themeName: i.themeName,
      ...(i.themeNameEn !== undefined ? { themeNameEn: i.themeNameEn } : {}),
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
      ...(i.materials ? { materials: i.materials.map(materialState) } : {}),
      ...(i.commitmentCheckDays !== undefined
        ? { commitmentCheckDays: i.commitmentCheckDays }
        : {}),
    })),
    jointProcedures: [],
    risk: 'ON_TRACK',
    calendarVersion,
    ...(input.catalogueVersion ? { catalogueVersion: input.catalogueVersion } : {}),
    seq: 0,
    createdAt,
    recentRequests: [],
    ...(input.preReviewAutoAccept ? { preReviewAutoAccept: true } : {}),
    ...(input.acceptPerTheme ? { acceptPerTheme: true } : {}),
  };
  // Stages without items are passed at once.
  for (const s of state.stages) {
    if (state.items.some((i) => i.stage === s.code)) break;
    s.status = 'COMPLETED';
    const next = state.stages[state.stages.indexOf(s) + 1];
    if (!next) break;
    state.stage = next.code;
  }
  return state;
}
