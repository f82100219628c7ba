import { deepFreeze } from '../deep-freeze';
import {
  PROJECT_TYPES,
  STAGE_CODES,
  isStageCode,
  type ProjectType,
  type StageCode,
} from '../project-types';
import { DEFAULT_WARNING, type WarningRule } from './warning';
import { IssuesError } from '../issues-error';

export interface ProjectTypePolicy {
  /** Whole-process limit in working days, counted on the project clock (docs/design.md §4). */
  readonly limitDays: number;
  /** Optional share of the limit per stage; when given, the budgets sum to at most `limitDays`. */
  readonly stageBudgets: Readonly<Partial<Record<StageCode, number>>> | null;
  readonly warning: WarningRule;
  /** 预审: a pre-reviewed stage is accepted at once, without the window's click (default off). */
  readonly preReviewAutoAccept?: boolean;
  /**
   * 一次受理 per theme: a theme whose materials are complete is handed in and accepted on its own
   * while the stage's other themes wait for theirs (default off: a stage is accepted whole).
   */
  readonly acceptPerTheme?: boolean;
}

export interface Policies {
  readonly version: string;
  readonly byType: Readonly<Record<ProjectType, ProjectTypePolicy>>;
}

export interface PolicyIssue {
  /** e.g. `SOCIAL_INVESTMENT.limitDays`. */
  readonly entry: string;
  readonly message: string;
}

export class PolicyValidationError extends IssuesError<PolicyIssue> {
  override readonly name = 'PolicyValidationError';

  constructor(issues: readonly PolicyIssue[]) {
    super('policies', issues, (i) => i.entry);
  }
}

/**
 * The defaults: 80 / 35 / 12 working days (Lufeng and Weifang, docs/design.md §1). No source splits
 * these limits by stage (reference §2.2); the budgets below are our split, chosen so that each
 * stage's longest possible critical path in the default catalog fits its budget.
 */
export const defaultPolicies: Policies = loadPolicies({
  version: 'cn-default-2026.1',
  byType: {
    GOVERNMENT_INVESTED: {
      limitDays: 80,
      stageBudgets: { PLAN: 30, START_PERMIT: 30, COMPLETION: 20 },
      warning: DEFAULT_WARNING,
    },
    SOCIAL_INVESTMENT: {
      limitDays: 35,
      stageBudgets: { PLAN: 12, START_PERMIT: 12, COMPLETION: 11 },
      warning: DEFAULT_WARNING,
    },
    SIMPLE_LOW_RISK: {
      limitDays: 12,
      stageBudgets: { PLAN: 4, START_PERMIT: 3, COMPLETION: 5 },
      warning: DEFAULT_WARNING,
    },
  },
});

export function policyFor(
  projectType: ProjectType,
  policies: Policies = defaultPolicies,
): ProjectTypePolicy {
  return policies.byType[projectType];
}

/** A region's changes: per project type, any of limit, budgets (null removes them) and warning. */
export interface PolicyOverride {
  readonly version: string;
  readonly byType?: Partial<
    Record<
      ProjectType,
      {
        readonly limitDays?: number;
        readonly stageBudgets?: Readonly<Partial<Record<StageCode, number>>> | null;
        readonly warning?: Partial<WarningRule>;
        readonly preReviewAutoAccept?: boolean;
        readonly acceptPerTheme?: boolean;
      }
    >
  >;
}

export function overridePolicies(base: Policies, override: PolicyOverride): Policies {
  const unknownTypes = Object.keys(override.byType ?? {}).filter(
    (t) => !(PROJECT_TYPES as readonly string[]).includes(t),
  );
  if (unknownTypes.length > 0) {
    throw new PolicyValidationError(
      unknownTypes.map((t) => ({ entry: t, message: 'unknown project type' })),
    );
  }
  const byType = {} as Record<ProjectType, unknown>;
  for (const type of PROJECT_TYPES) {
    const own = override.byType?.[type] ?? {};
    const baseType = base.byType[type];
    byType[type] = {
      limitDays: own.limitDays ?? baseType.limitDays,
      stageBudgets: own.stageBudgets === undefined ? baseType.stageBudgets : own.stageBudgets,
      warning: { ...baseType.warning, ...own.warning },
      preReviewAutoAccept: own.preReviewAutoAccept ?? baseType.preReviewAutoAccept,
      acceptPerTheme: own.acceptPerTheme ?? baseType.acceptPerTheme,
    };
  }
  return loadPolicies({ version: override.version, byType });
}

/**
 * Validates policies (typed, or parsed JSON) and returns them frozen. Refused: a missing project
 * type, a limit that is not a positive whole number, an unknown stage or a non-positive budget,
 * budgets that add up to more than the limit, a warning percent outside 1-100 or days-left that
 * is not a non-negative whole number.
 */
export function loadPolicies(data: unknown): Policies {
  const issues: PolicyIssue[] = [];
  const issue = (entry: string, message: string) => issues.push({ entry, message });
  const isObj = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  const whole = (v: unknown, min: number): v is number =>
    typeof v === 'number' && Number.isInteger(v) && v >= min;

  if (!isObj(data))
    throw new PolicyValidationError([{ entry: 'policies', message: 'must be an object' }]);
  if (typeof data.version !== 'string' || data.version.trim() === '') {
    issue('policies', 'version must be a non-empty string');
  }
  const byTypeRaw = isObj(data.byType) ? data.byType : {};
  if (!isObj(data.byType)) issue('policies', 'byType must be an object');

  const byType = {} as Record<ProjectType, ProjectTypePolicy>;
  for (const type of PROJECT_TYPES) {
    const raw = byTypeRaw[type];
    if (!isObj(raw)) {
      issue(type, 'missing policy');
      continue;
    }
    const limit = raw.limitDays;
    if (!whole(limit, 1))
      issue(`${type}.limitDays`, `must be a positive whole number, got ${JSON.stringify(limit)}`);

    let stageBudgets: Partial<Record<StageCode, number>> | null = null;
    if (raw.stageBudgets !== undefined && raw.stageBudgets !== null) {
      if (!isObj(raw.stageBudgets))
        issue(`${type}.stageBudgets`, 'must be an object of stage → working days');
      else {
        stageBudgets = {};
        for (const [stage, days] of Object.entries(raw.stageBudgets)) {
          if (!isStageCode(stage))
            issue(
              `${type}.stageBudgets.${stage}`,
              `unknown stage (allowed: ${STAGE_CODES.join(', ')})`,
            );
          else if (!whole(days, 1))
            issue(
              `${type}.stageBudgets.${stage}`,
              `must be a positive whole number, got ${JSON.stringify(days)}`,
            );
          else stageBudgets[stage] = days;
        }
        const sum = Object.values(stageBudgets).reduce((a, b) => a + b, 0);
        if (whole(limit, 1) && sum > limit)
          issue(`${type}.stageBudgets`, `add up to ${sum}, more than the limit ${limit}`);
      }
    }

    const warning = isObj(raw.warning) ? raw.warning : {};
    if (!isObj(raw.warning))
      issue(`${type}.warning`, 'must be an object { usedPercent, daysLeft }');
    else {
      if (!whole(warning.usedPercent, 1) || warning.usedPercent > 100) {
        issue(
          `${type}.warning.usedPercent`,
          `must be a whole number from 1 to 100, got ${JSON.stringify(warning.usedPercent)}`,
        );
      }
      if (!whole(warning.daysLeft, 0)) {
        issue(
          `${type}.warning.daysLeft`,
          `must be a non-negative whole number, got ${JSON.stringify(warning.daysLeft)}`,
        );
      }
    }
    const flag = (name: 'preReviewAutoAccept' | 'acceptPerTheme') => {
      const v = raw[name];
      if (v !== undefined && typeof v !== 'boolean')
        issue(`${type}.${name}`, `must be true or false, got ${JSON.stringify(v)}`);
      return v === true ? { [name]: true } : {};
    };
    byType[type] = {
      limitDays: limit as number,
      stageBudgets,
      warning: { usedPercent: warning.usedPercent as number, daysLeft: warning.daysLeft as number },
      ...flag('preReviewAutoAccept'),
      ...flag('acceptPerTheme'),
    };
  }
  if (issues.length > 0) throw new PolicyValidationError(issues);
  return deepFreeze<Policies>({ version: data.version as string, byType });
}
