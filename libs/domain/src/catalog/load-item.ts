import { PROJECT_TYPES, isProjectType, isStageCode, type ProjectType } from '../project-types';
import type { Questionnaire } from '../questionnaire/questions';
import type { Rule } from '../questionnaire/rules';
import { isObj, isPositiveWhole, isText, ruleProblems, show } from './checks';
import { loadMaterials } from './load-materials';
import {
  JOINT_PROCEDURES,
  type CatalogItem,
  type Department,
  type JointProcedure,
  type Theme,
} from './types';

/** Item and theme codes appear in URLs: uppercase ASCII, digits, `_` and `-`, 2-40 characters. */
export const ITEM_CODE_PATTERN = /^[A-Z][A-Z0-9_-]{1,39}$/;
/** A national standard item code (DYBZSPSXBM): 4 to 7 digits, e.g. `0060001` or `9990`. */
export const STANDARD_ITEM_CODE_PATTERN = /^\d{4,7}$/;

export interface ItemContext {
  readonly departments: readonly Department[];
  readonly themes: readonly Theme[];
  /** The items read so far (codes of broken ones too), for duplicates. */
  readonly items: CatalogItem[];
  readonly questions: Questionnaire;
  /** How many problems have been found so far, in the whole catalog. */
  readonly count: () => number;
  readonly issue: (entry: string, message: string) => void;
}

/**
 * Checks one catalog item's shape and references (prerequisites are checked once all codes are
 * known) and adds it to `ctx.items`: built when it has no problem, as its bare code otherwise, so
 * that later entries are still checked against it.
 */
export function loadItem(raw: unknown, i: number, ctx: ItemContext): void {
  const { departments, themes, items, questions, issue } = ctx;
  const entry = isObj(raw) && typeof raw.code === 'string' ? `item ${raw.code}` : `items[${i}]`;
  if (!isObj(raw)) return issue(entry, 'must be an object');
  const code = raw.code;
  if (typeof code !== 'string' || !ITEM_CODE_PATTERN.test(code)) {
    return issue(entry, `code must match ${ITEM_CODE_PATTERN.source}, got ${show(code)}`);
  }
  if (items.some((it) => it.code === code)) return issue(entry, 'duplicate item code');
  const before = ctx.count();

  if (!isText(raw.name) || !isText(raw.nameEn))
    issue(entry, 'name and nameEn must be non-empty strings');
  const stage = raw.stage;
  if (!isStageCode(stage)) issue(entry, `unknown stage ${show(stage)}`);
  const theme = themes.find((t) => t.code === raw.theme);
  if (!theme) issue(entry, `unknown theme ${show(raw.theme)}`);
  else if (isStageCode(stage) && theme.stage !== stage) {
    issue(
      entry,
      `theme ${theme.code} belongs to stage ${theme.stage}, not to the item's stage ${stage}`,
    );
  }
  if (!departments.some((d) => d.code === raw.department))
    issue(entry, `unknown department ${show(raw.department)}`);

  const statutory = raw.statutoryLimitDays;
  if (!isPositiveWhole(statutory)) {
    issue(
      entry,
      `statutoryLimitDays must be a positive whole number of working days, got ${show(statutory)}`,
    );
  }
  const checkPromised = (label: string, value: unknown) => {
    if (!isPositiveWhole(value)) {
      issue(entry, `${label} must be a positive whole number of working days, got ${show(value)}`);
    } else if (isPositiveWhole(statutory) && value > statutory) {
      issue(entry, `${label} ${value} exceeds the statutory limit ${statutory}`);
    }
  };
  checkPromised('promisedLimitDays', raw.promisedLimitDays);
  const byType: Partial<Record<ProjectType, number>> = {};
  if (raw.promisedLimitDaysByType !== undefined && raw.promisedLimitDaysByType !== null) {
    if (!isObj(raw.promisedLimitDaysByType))
      issue(entry, 'promisedLimitDaysByType must be an object');
    else {
      for (const [type, days] of Object.entries(raw.promisedLimitDaysByType)) {
        if (!isProjectType(type))
          issue(
            entry,
            `promisedLimitDaysByType: unknown project type ${show(type)} (allowed: ${PROJECT_TYPES.join(', ')})`,
          );
        else {
          checkPromised(`promisedLimitDaysByType.${type}`, days);
          byType[type] = days as number;
        }
      }
    }
  }
  if (raw.statutoryBasis !== 'SPECIFIC' && raw.statutoryBasis !== 'GENERAL_RULE') {
    issue(
      entry,
      `statutoryBasis must be SPECIFIC or GENERAL_RULE, got ${show(raw.statutoryBasis)}`,
    );
  }

  const prerequisites = raw.prerequisites ?? [];
  if (!Array.isArray(prerequisites) || !prerequisites.every((p) => typeof p === 'string')) {
    issue(entry, 'prerequisites must be a list of item codes');
  }
  const joint = raw.jointProcedure ?? null;
  if (joint !== null && !(JOINT_PROCEDURES as readonly unknown[]).includes(joint)) {
    issue(
      entry,
      `jointProcedure must be one of ${JOINT_PROCEDURES.join(', ')} or null, got ${show(joint)}`,
    );
  }
  for (const problem of ruleProblems(raw.requiredWhen, 'requiredWhen', questions))
    issue(entry, problem);
  const waivedWhen = raw.waivedWhen ?? null;
  if (waivedWhen !== null)
    for (const problem of ruleProblems(waivedWhen, 'waivedWhen', questions)) issue(entry, problem);
  for (const key of ['waiverNote', 'waiverNoteEn', 'sources'] as const) {
    if (raw[key] !== undefined && raw[key] !== null && typeof raw[key] !== 'string')
      issue(entry, `${key} must be a string`);
  }
  const commitment = raw.commitment ?? null;
  if (
    commitment !== null &&
    (typeof commitment !== 'object' ||
      Array.isArray(commitment) ||
      Object.keys(commitment).some((k) => k !== 'checkDays') ||
      ((commitment as { checkDays?: unknown }).checkDays !== undefined &&
        !isPositiveWhole((commitment as { checkDays?: unknown }).checkDays)))
  )
    issue(
      entry,
      'commitment must be null or { checkDays?: a positive whole number of working days }',
    );
  const standardCode = raw.standardCode ?? null;
  if (
    standardCode !== null &&
    (typeof standardCode !== 'string' || !STANDARD_ITEM_CODE_PATTERN.test(standardCode))
  )
    issue(
      entry,
      `standardCode must be the national standard item code, 4 to 7 digits (e.g. 0060001), got ${show(standardCode)}`,
    );
  const materials = loadMaterials(raw.materials, entry, issue, questions);
  const referenceNos = raw.referenceNos ?? [];
  if (!Array.isArray(referenceNos) || !referenceNos.every((n) => isPositiveWhole(n))) {
    issue(entry, 'referenceNos must be a list of row numbers');
  }

  if (ctx.count() > before) {
    // Keep the code known so that later entries are checked against it, but skip building;
    // with its stage and prerequisites, so that those are checked too (every problem at once).
    const prerequisitesOk =
      Array.isArray(prerequisites) && prerequisites.every((p) => typeof p === 'string');
    items.push({
      code,
      ...(isStageCode(stage) ? { stage } : {}),
      prerequisites: prerequisitesOk ? [...prerequisites] : [],
      materials: [],
    } as unknown as CatalogItem);
    return;
  }
  items.push({
    code,
    name: raw.name as string,
    nameEn: raw.nameEn as string,
    stage: stage as CatalogItem['stage'],
    theme: raw.theme as string,
    department: raw.department as string,
    promisedLimitDays: raw.promisedLimitDays as number,
    promisedLimitDaysByType: byType,
    statutoryLimitDays: statutory as number,
    statutoryBasis: raw.statutoryBasis as CatalogItem['statutoryBasis'],
    prerequisites: [...(prerequisites as string[])],
    jointProcedure: joint as JointProcedure | null,
    requiredWhen: raw.requiredWhen as Rule,
    waivedWhen: waivedWhen as Rule | null,
    waiverNote: (raw.waiverNote as string | undefined) ?? null,
    waiverNoteEn: (raw.waiverNoteEn as string | undefined) ?? null,
    referenceNos: [...(referenceNos as number[])],
    sources: (raw.sources as string | undefined) ?? '',
    materials,
    ...(commitment !== null ? { commitment: commitment } : {}),
    ...(standardCode !== null ? { standardCode: standardCode as string } : {}),
  });
}
