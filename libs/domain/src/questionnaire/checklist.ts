import { defaultCatalog, findDepartment, findItem, promisedLimitFor } from '../catalog/catalog';
import { criticalPath } from '../catalog/critical-path';
import { DEFAULT_COMMITMENT_CHECK_DAYS, type Catalog, type JointProcedure } from '../catalog/types';
import { defaultPolicies, type Policies } from '../policy/policies';
import { warningThresholdDays } from '../policy/warning';
import { isProjectType, type ProjectType, type StageCode } from '../project-types';
import {
  AnswersValidationError,
  describeAnswer,
  validateAnswers,
  type AnswerReason,
} from './answers';
import { checklistMaterials, type ChecklistMaterial } from './checklist-materials';
import { questionnaire as defaultQuestionnaire, Q, type Questionnaire } from './questions';
import { matchRule, type NormalizedAnswers } from './rules';

export interface ChecklistItem {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly stage: StageCode;
  readonly theme: string;
  /** Department code (`officer.<code>` reviews it). */
  readonly department: string;
  readonly departmentName: string;
  readonly departmentNameEn: string;
  /** Promised limit for this project type, in working days: the item's clock. */
  readonly limitDays: number;
  readonly statutoryLimitDays: number;
  readonly jointProcedure: JointProcedure | null;
  /** Prerequisites that are on this checklist (others do not hold the item back). */
  readonly prerequisites: readonly string[];
  /** The answers that made the item required; never empty. */
  readonly requiredBecause: readonly AnswerReason[];
  /** What to hand in (or what an earlier item on the checklist provides). */
  readonly materials: readonly ChecklistMaterial[];
  /** 告知承诺制: working days to the follow-up check; absent when the item is not eligible. */
  readonly commitmentCheckDays?: number;
}

export interface ChecklistTheme {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly items: readonly ChecklistItem[];
}

export interface ChecklistStage {
  readonly code: StageCode;
  readonly name: string;
  readonly nameEn: string;
  /** The policy's budget for the stage, if it has one. */
  readonly budgetDays: number | null;
  /** Longest prerequisite chain of the stage's items, in working days. */
  readonly criticalPathDays: number;
  readonly criticalPathItems: readonly string[];
  /** Themes with at least one item, in catalog order. */
  readonly themes: readonly ChecklistTheme[];
}

export interface WaivedItem {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly stage: StageCode;
  readonly theme: string;
  readonly department: string;
  /** The answers that waived the item; never empty. */
  readonly waivedBecause: readonly AnswerReason[];
  readonly note: string | null;
  readonly noteEn: string | null;
}

/** A project's tailored checklist; plain JSON, returned as is by `POST /api/checklists`. */
export interface Checklist {
  readonly projectType: ProjectType;
  /** Whole-process limit of the project type under the policy, in working days. */
  readonly limitDays: number;
  /** Used days at which the project clock turns AT_RISK under the policy's warning rule. */
  readonly warningThresholdDays: number;
  /** Critical-path estimate: the stages' longest chains summed, with promised limits. */
  readonly criticalPathDays: number;
  /** All three stages, in process order. */
  readonly stages: readonly ChecklistStage[];
  readonly waived: readonly WaivedItem[];
  /** Codes of the departments with at least one item, in catalog order. */
  readonly departments: readonly string[];
  readonly answers: NormalizedAnswers;
  readonly versions: {
    readonly catalog: string;
    readonly questionnaire: string;
    readonly policies: string;
  };
}

export interface ChecklistOptions {
  /** A region's catalog (from `loadCatalog` / `overrideCatalog`); the default otherwise. */
  readonly catalog?: Catalog;
  /** A region's policies (from `loadPolicies` / `overridePolicies`); the defaults otherwise. */
  readonly policies?: Policies;
  readonly questionnaire?: Questionnaire;
}

/**
 * The checklist for a set of answers: every item whose `requiredWhen` holds, unless its
 * `waivedWhen` holds too (then it is listed under `waived`), grouped by stage and theme, with
 * the answers behind each decision, the project type's limit and the critical-path estimate.
 * Throws `AnswersValidationError` for invalid answers.
 */
export function checklist(answers: unknown, options: ChecklistOptions = {}): Checklist {
  const catalog = options.catalog ?? defaultCatalog;
  const policies = options.policies ?? defaultPolicies;
  const questions = options.questionnaire ?? defaultQuestionnaire;
  const normalized = validateAnswers(answers, questions);

  const projectType = normalized[Q.projectType]?.[0];
  if (!isProjectType(projectType)) {
    throw new AnswersValidationError([
      { questionId: Q.projectType, message: 'the questionnaire must ask for the project type' },
    ]);
  }
  const policy = policies.byType[projectType];
  const reasons = (matched: ReturnType<typeof matchRule>) =>
    (matched ?? []).map((m) => describeAnswer(m, questions));

  const required: ChecklistItem[] = [];
  const waived: WaivedItem[] = [];
  for (const item of catalog.items) {
    const requiredBy = matchRule(item.requiredWhen, normalized);
    if (requiredBy === null) continue;
    const waivedBy = item.waivedWhen ? matchRule(item.waivedWhen, normalized) : null;
    if (waivedBy !== null) {
      waived.push({
        code: item.code,
        name: item.name,
        nameEn: item.nameEn,
        stage: item.stage,
        theme: item.theme,
        department: item.department,
        waivedBecause: reasons(waivedBy),
        note: item.waiverNote,
        noteEn: item.waiverNoteEn,
      });
      continue;
    }
    const department = findDepartment(catalog, item.department);
    required.push({
      code: item.code,
      name: item.name,
      nameEn: item.nameEn,
      stage: item.stage,
      theme: item.theme,
      department: item.department,
      departmentName: department?.name ?? item.department,
      departmentNameEn: department?.nameEn ?? item.department,
      limitDays: promisedLimitFor(item, projectType),
      statutoryLimitDays: item.statutoryLimitDays,
      jointProcedure: item.jointProcedure,
      prerequisites: item.prerequisites,
      requiredBecause: reasons(requiredBy),
      materials: [],
      ...(item.commitment
        ? { commitmentCheckDays: item.commitment.checkDays ?? DEFAULT_COMMITMENT_CHECK_DAYS }
        : {}),
    });
  }
  const onList = new Set(required.map((i) => i.code));
  const items = required.map((i) => ({
    ...i,
    prerequisites: i.prerequisites.filter((p) => onList.has(p)),
    materials: checklistMaterials(findItem(catalog, i.code)!, normalized, onList, reasons),
  }));

  const path = criticalPath(items);
  const stages = catalog.stages.map((stage): ChecklistStage => {
    const stagePath = path.stages.find((s) => s.stage === stage.code);
    return {
      code: stage.code,
      name: stage.name,
      nameEn: stage.nameEn,
      budgetDays: policy.stageBudgets?.[stage.code] ?? null,
      criticalPathDays: stagePath?.days ?? 0,
      criticalPathItems: stagePath?.itemCodes ?? [],
      themes: catalog.themes
        .filter((theme) => theme.stage === stage.code)
        .map((theme) => ({
          code: theme.code,
          name: theme.name,
          nameEn: theme.nameEn,
          items: items.filter((i) => i.theme === theme.code),
        }))
        .filter((theme) => theme.items.length > 0),
    };
  });

  return {
    projectType,
    limitDays: policy.limitDays,
    warningThresholdDays: warningThresholdDays(policy.limitDays, policy.warning),
    criticalPathDays: path.totalDays,
    stages,
    waived,
    departments: catalog.departments
      .map((d) => d.code)
      .filter((code) => items.some((i) => i.department === code)),
    answers: normalized,
    versions: {
      catalog: catalog.version,
      questionnaire: questions.version,
      policies: policies.version,
    },
  };
}

/** The checklist's items in one list, in stage, theme and catalog order. */
export function checklistItems(list: Checklist): ChecklistItem[] {
  return list.stages.flatMap((stage) => stage.themes.flatMap((theme) => theme.items));
}
