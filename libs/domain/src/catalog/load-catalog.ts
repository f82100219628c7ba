import { deepFreeze } from '../deep-freeze';
import { STAGE_CODES, isStageCode, stageIndex } from '../project-types';
import {
  questionnaire as defaultQuestionnaire,
  type Questionnaire,
} from '../questionnaire/questions';
import {
  DEPARTMENT_LEVELS,
  type Catalog,
  type CatalogItem,
  type Department,
  type DepartmentLevel,
  type Stage,
  type Theme,
} from './types';
import { IssuesError } from '../issues-error';
import { checkProducers } from './load-materials';
import { ITEM_CODE_PATTERN, loadItem } from './load-item';

export { ITEM_CODE_PATTERN };

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

export interface LoadCatalogOptions {
  /** The questionnaire the item rules refer to; the default questionnaire unless given. */
  readonly questionnaire?: Questionnaire;
}

import { isObj, isText, show } from './checks';

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
    const { code, name, nameEn, kind, level, region } = raw;
    if (typeof code !== 'string' || !DEPARTMENT_CODE_PATTERN.test(code)) {
      return issue(entry, `code must match ${DEPARTMENT_CODE_PATTERN.source}, got ${show(code)}`);
    }
    if (departments.some((d) => d.code === code)) return issue(entry, 'duplicate department code');
    if (!isText(name) || !isText(nameEn)) issue(entry, 'name and nameEn must be non-empty strings');
    if (kind !== 'GOVERNMENT' && kind !== 'UTILITY')
      issue(entry, `kind must be GOVERNMENT or UTILITY, got ${show(kind)}`);
    if (level !== undefined && !(DEPARTMENT_LEVELS as readonly unknown[]).includes(level))
      issue(entry, `level must be one of ${DEPARTMENT_LEVELS.join(', ')}, got ${show(level)}`);
    if (region !== undefined && !isText(region))
      issue(entry, `region must be a region code, got ${show(region)}`);
    departments.push({
      code,
      name: String(name),
      nameEn: String(nameEn),
      kind: kind === 'UTILITY' ? 'UTILITY' : 'GOVERNMENT',
      ...(level !== undefined ? { level: level as DepartmentLevel } : {}),
      ...(typeof region === 'string' ? { region } : {}),
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
  const itemContext = { departments, themes, items, questions, issue, count: () => issues.length };
  list('items').forEach((raw, i) => loadItem(raw, i, itemContext));

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
