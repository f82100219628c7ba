import type { Questionnaire } from '../questionnaire/questions';

/** What the catalog's loaders share: the shape checks of untrusted data. */
export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
export const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
export const isPositiveWhole = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v > 0;
export const show = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v));

/** Shape and reference problems of an untrusted rule, each prefixed with where it sits. */
export function ruleProblems(rule: unknown, at: string, questions: Questionnaire): string[] {
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
