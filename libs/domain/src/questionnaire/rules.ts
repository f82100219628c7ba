/**
 * Rules that tie catalog items (and questionnaire consistency checks) to answers. They are data,
 * so a region's catalog can carry its own; evaluating one returns the answers that made it true,
 * which is what a checklist shows as `requiredBecause` / `waivedBecause`.
 *
 * Only positive conditions exist (no `not`): a reason is always something the applicant chose.
 */
export type Rule =
  | Condition
  /** True when every sub-rule is true; the reasons are all of theirs. */
  | { readonly all: readonly Rule[] }
  /** True when at least one sub-rule is true; the reasons are those of every true sub-rule. */
  | { readonly any: readonly Rule[] };

/** True when the answer to `question` includes at least one of `anyOf`. */
export interface Condition {
  readonly question: string;
  readonly anyOf: readonly string[];
}

/** Answers after validation: every question present, options as a (possibly empty) list. */
export type NormalizedAnswers = Readonly<Record<string, readonly string[]>>;

/** One chosen option that contributed to a rule being true. */
export interface MatchedAnswer {
  readonly questionId: string;
  readonly optionId: string;
}

/** Shorthand for the common condition. */
export function when(question: string, ...anyOf: string[]): Rule {
  return { question, anyOf };
}

export function allOf(...rules: Rule[]): Rule {
  return { all: rules };
}

export function anyOf(...rules: Rule[]): Rule {
  return { any: rules };
}

export function isCondition(rule: Rule): rule is Condition {
  return 'question' in rule;
}

/**
 * The answers that make `rule` true, in rule order without duplicates, or `null` when it is
 * false. A true rule always yields at least one answer.
 */
export function matchRule(rule: Rule, answers: NormalizedAnswers): MatchedAnswer[] | null {
  const matched = collect(rule, answers);
  if (matched === null) return null;
  const seen = new Set<string>();
  return matched.filter((m) => {
    const key = `${m.questionId}\u0000${m.optionId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function collect(rule: Rule, answers: NormalizedAnswers): MatchedAnswer[] | null {
  if (isCondition(rule)) {
    const chosen = answers[rule.question] ?? [];
    const hits = chosen.filter((option) => rule.anyOf.includes(option));
    return hits.length > 0
      ? hits.map((optionId) => ({ questionId: rule.question, optionId }))
      : null;
  }
  if ('all' in rule) {
    if (rule.all.length === 0) return null;
    const out: MatchedAnswer[] = [];
    for (const sub of rule.all) {
      const m = collect(sub, answers);
      if (m === null) return null;
      out.push(...m);
    }
    return out;
  }
  const out: MatchedAnswer[] = [];
  let any = false;
  for (const sub of rule.any) {
    const m = collect(sub, answers);
    if (m !== null) {
      any = true;
      out.push(...m);
    }
  }
  return any ? out : null;
}
