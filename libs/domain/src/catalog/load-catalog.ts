import { deepFreeze } from '../deep-freeze';
import {
  PROJECT_TYPES,
  STAGE_CODES,
  isProjectType,
  isStageCode,
  stageIndex,
  type ProjectType,
} from '../project-types';
import {
  questionnaire as defaultQuestionnaire,
  type Questionnaire,
} from '../questionnaire/questions';
import type { Rule } from '../questionnaire/rules';
import {
  JOINT_PROCEDURES,
  type Catalog,
  type CatalogItem,
  type Department,
  type JointProcedure,
  type Stage,
  type Theme,
} from './types';
import { IssuesError } from '../issues-error';
import { checkProducers, loadMaterials } from './load-materials';

export interface CatalogIssue {
  /** The entry at fault, e.g. `item PLANNING_PERMIT`, `department NRP`, `items[3]`. */
  readonly entry: string;
  readonly message: string;
}

/**
 * A catalog that cannot be used. Every problem found is listed, each naming its entry, so an
 * administrator fixes a region's catalog in one pass.
 */
export class CatalogValidationError extends IssuesError<CatalogIssue> {
  override readonly name = 'CatalogValidationError';

  constructor(issues: readonly CatalogIssue[]) {
    super('catalog', issues, (i) => i.entry);
  }
}

/** Department codes become usernames (`officer.<code>`): uppercase ASCII, 2-16 characters. */
export const DEPARTMENT_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,15}$/;
/** Item and theme codes appear in URLs: uppercase ASCII, digits, `_` and `-`, 2-40 characters. */
export const ITEM_CODE_PATTERN = /^[A-Z][A-Z0-9_-]{1,39}$/;

export interface LoadCatalogOptions {
  /** The questionnaire the item rules refer to; the default questionnaire unless given. */
  readonly questionnaire?: Questionnaire;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isPositiveWhole = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v > 0;
const show = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v));

/**
 * Validates catalog data (typed, or parsed JSON from a region) and returns it as a frozen
 * `Catalog` with every optional field filled in. Throws `CatalogValidationError` listing each
 * problem: unknown department, stage or theme; duplicate code; an item in a theme of another
 * stage; a prerequisite that is unknown, in a later stage, or part of a cycle; a limit that is
 * not a positive whole number or a promised limit above the statutory one; a rule that names an
 * unknown question or option.
 */
export function loadCatalog(data: unknown, options: LoadCatalogOptions = {}): Catalog {
  const questions = options.questionnaire ?? defaultQuestionnaire;
  const issues: CatalogIssue[] = [];
  const issue = (entry: string, message: string) => issues.push({ entry, message });

  if (!isObj(data))
    throw new CatalogValidationError([{ entry: 'catalog', message: 'must be an object' }]);
  if (!isText(data.version))
    issue('catalog', `version must be a non-empty string, got ${show(data.version)}`);

  const list = (key: string): unknown[] => {
    const value = data[key];
    if (Array.isArray(value)) return value;
    issue('catalog', `${key} must be an array, got ${show(value)}`);
    return [];
  };

  // Departments
  const departments: Department[] = [];
  list('departments').forEach((raw, i) => {
    const entry =
      isObj(raw) && typeof raw.code === 'string' ? `department ${raw.code}` : `departments[${i}]`;
    if (!isObj(raw)) return issue(entry, 'must be an object');
    const { code, name, nameEn, kind } = raw;
    if (typeof code !== 'string' || !DEPARTMENT_CODE_PATTERN.test(code)) {
      return issue(entry, `code must match ${DEPARTMENT_CODE_PATTERN.source}, got ${show(code)}`);
    }
    if (departments.some((d) => d.code === code)) return issue(entry, 'duplicate department code');
    if (!isText(name) || !isText(nameEn)) issue(entry, 'name and nameEn must be non-empty strings');
    if (kind !== 'GOVERNMENT' && kind !== 'UTILITY')
      issue(entry, `kind must be GOVERNMENT or UTILITY, got ${show(kind)}`);
    departments.push({
      code,
      name: String(name),
      nameEn: String(nameEn),
      kind: kind === 'UTILITY' ? 'UTILITY' : 'GOVERNMENT',
    });
  });

  // Stages: exactly the three, in process order.
  const stages: Stage[] = [];
  list('stages').forEach((raw, i) => {
    const entry = isObj(raw) && typeof raw.code === 'string' ? `stage ${raw.code}` : `stages[${i}]`;
    if (!isObj(raw)) return issue(entry, 'must be an object');
    const { code, name, nameEn, nationalStages } = raw;
    if (!isStageCode(code))
      return issue(entry, `unknown stage (allowed: ${STAGE_CODES.join(', ')})`);
    if (stages.some((s) => s.code === code)) return issue(entry, 'duplicate stage code');
    if (!isText(name) || !isText(nameEn)) issue(entry, 'name and nameEn must be non-empty strings');
    const national = Array.isArray(nationalStages) ? nationalStages : [];
    if (
      !Array.isArray(nationalStages) ||
      !national.every((n) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 4)
    ) {
      issue(entry, 'nationalStages must be a list of the national stage numbers 1-4');
    }
    stages.push({
      code,
      name: String(name),
      nameEn: String(nameEn),
      nationalStages: national as number[],
    });
  });
  if (stages.map((s) => s.code).join() !== STAGE_CODES.join()) {
    const got = stages.map((s) => s.code).join(', ') || 'none';
    issue('catalog', `stages must be ${STAGE_CODES.join(', ')} in this order, got ${got}`);
  }

  // Themes
  const themes: Theme[] = [];
  list('themes').forEach((raw, i) => {
    const entry = isObj(raw) && typeof raw.code === 'string' ? `theme ${raw.code}` : `themes[${i}]`;
    if (!isObj(raw)) return issue(entry, 'must be an object');
    const { code, stage, name, nameEn } = raw;
    if (typeof code !== 'string' || !ITEM_CODE_PATTERN.test(code)) {
      return issue(entry, `code must match ${ITEM_CODE_PATTERN.source}, got ${show(code)}`);
    }
    if (themes.some((t) => t.code === code)) return issue(entry, 'duplicate theme code');
    if (!isStageCode(stage)) return issue(entry, `unknown stage ${show(stage)}`);
    if (!isText(name) || !isText(nameEn)) issue(entry, 'name and nameEn must be non-empty strings');
    themes.push({ code, stage, name: String(name), nameEn: String(nameEn) });
  });

  // Items (shape and references; prerequisites are checked once all codes are known)
  const items: CatalogItem[] = [];
  const rawItems = list('items');
  rawItems.forEach((raw, i) => {
    const entry = isObj(raw) && typeof raw.code === 'string' ? `item ${raw.code}` : `items[${i}]`;
    if (!isObj(raw)) return issue(entry, 'must be an object');
    const code = raw.code;
    if (typeof code !== 'string' || !ITEM_CODE_PATTERN.test(code)) {
      return issue(entry, `code must match ${ITEM_CODE_PATTERN.source}, got ${show(code)}`);
    }
    if (items.some((it) => it.code === code)) return issue(entry, 'duplicate item code');
    const before = issues.length;

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
        issue(
          entry,
          `${label} must be a positive whole number of working days, got ${show(value)}`,
        );
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
      for (const problem of ruleProblems(waivedWhen, 'waivedWhen', questions))
        issue(entry, problem);
    for (const key of ['waiverNote', 'waiverNoteEn', 'sources'] as const) {
      if (raw[key] !== undefined && raw[key] !== null && typeof raw[key] !== 'string')
        issue(entry, `${key} must be a string`);
    }
    const materials = loadMaterials(raw.materials, entry, issue, questions, ruleProblems);
    const referenceNos = raw.referenceNos ?? [];
    if (!Array.isArray(referenceNos) || !referenceNos.every((n) => isPositiveWhole(n))) {
      issue(entry, 'referenceNos must be a list of row numbers');
    }

    if (issues.length > before) {
      // Keep the code known so that later entries are checked against it, but skip building.
      items.push({ code } as CatalogItem);
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
    });
  });

  // Prerequisites: known, not the item itself, not in a later stage, no cycles.
  const byCode = new Map(items.filter((it) => it.stage !== undefined).map((it) => [it.code, it]));
  const known = new Set(items.map((it) => it.code));
  for (const item of byCode.values()) {
    for (const prerequisite of item.prerequisites) {
      const entry = `item ${item.code}`;
      if (prerequisite === item.code) issue(entry, 'lists itself as a prerequisite');
      else if (!known.has(prerequisite)) issue(entry, `unknown prerequisite ${prerequisite}`);
      else {
        const other = byCode.get(prerequisite);
        if (other && stageIndex(other.stage) > stageIndex(item.stage)) {
          issue(entry, `prerequisite ${prerequisite} is in the later stage ${other.stage}`);
        }
      }
    }
  }
  checkProducers([...byCode.values()], known, (stage) => stageIndex(stage as Stage['code']), issue);
  for (const cycle of prerequisiteCycles([...byCode.values()])) {
    issue(`item ${cycle[0]}`, `prerequisite cycle ${[...cycle, cycle[0]].join(' → ')}`);
  }

  if (issues.length > 0) throw new CatalogValidationError(issues);
  return deepFreeze<Catalog>({
    version: data.version as string,
    departments,
    stages,
    themes,
    items,
  });
}

/** The distinct prerequisite cycles (each reported once, from its first item in catalog order). */
function prerequisiteCycles(
  items: readonly { code: string; prerequisites: readonly string[] }[],
): string[][] {
  const prerequisitesOf = new Map(items.map((it) => [it.code, it.prerequisites]));
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[][] = [];
  const path: string[] = [];

  const visit = (code: string) => {
    state.set(code, 'visiting');
    path.push(code);
    for (const next of prerequisitesOf.get(code) ?? []) {
      if (!prerequisitesOf.has(next) || next === code) continue;
      if (state.get(next) === 'visiting') cycles.push(path.slice(path.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(code, 'done');
  };
  for (const item of items) if (!state.has(item.code)) visit(item.code);
  return cycles;
}

/** Shape and reference problems of an untrusted rule, each prefixed with where it sits. */
function ruleProblems(rule: unknown, at: string, questions: Questionnaire): string[] {
  if (!isObj(rule)) return [`${at} must be a rule object, got ${show(rule)}`];
  const keys = ['question', 'all', 'any'].filter((k) => k in rule);
  if (keys.length !== 1) return [`${at} must have exactly one of question, all, any`];
  if (keys[0] === 'question') {
    const question = questions.questions.find((q) => q.id === rule.question);
    if (!question) return [`${at} refers to unknown question ${show(rule.question)}`];
    const options = rule.anyOf;
    if (!Array.isArray(options) || options.length === 0)
      return [`${at}.anyOf must be a non-empty list of options`];
    return options
      .filter((o) => !question.options.some((q) => q.id === o))
      .map((o) => `${at} refers to unknown option ${show(o)} of question ${question.id}`);
  }
  const key = keys[0] as 'all' | 'any';
  const subs = rule[key];
  if (!Array.isArray(subs) || subs.length === 0)
    return [`${at}.${key} must be a non-empty list of rules`];
  return subs.flatMap((sub, i) => ruleProblems(sub, `${at}.${key}[${i}]`, questions));
}
