import { matchRule, type MatchedAnswer, type NormalizedAnswers } from './rules';
import { questionnaire as defaultQuestionnaire, type Questionnaire } from './questions';
import { IssuesError } from '../issues-error';

/** What a caller sends: `{ <questionId>: <optionId> | [<optionId>, ...] }`. */
export type AnswersInput = Readonly<Record<string, string | readonly string[]>>;

export interface AnswerIssue {
  /** The question at fault; `answers` when the whole value is not an object. */
  readonly questionId: string;
  readonly message: string;
}

/**
 * Answers that cannot be turned into a checklist. `issues` names every bad question (not only
 * the first), so an API can return them all in one 400.
 */
export class AnswersValidationError extends IssuesError<AnswerIssue> {
  override readonly name = 'AnswersValidationError';

  constructor(issues: readonly AnswerIssue[]) {
    super('answers', issues, (i) => i.questionId);
  }

  get questionIds(): string[] {
    return [...new Set(this.issues.map((i) => i.questionId))];
  }
}

/**
 * Checks answers against the questionnaire and returns them normalized (every question present,
 * options as a list in questionnaire order). Refused: a non-object, an unknown question, a
 * missing question, an option that is not a string or not one of the question's, more than one
 * option for a single-choice question, and combinations listed in `exclusions`.
 *
 * Lenient on form only: a single-choice answer may be a one-element list, a multi-choice answer
 * may be a bare option id, and a repeated option counts once.
 */
export function validateAnswers(
  answers: unknown,
  questions: Questionnaire = defaultQuestionnaire,
): NormalizedAnswers {
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) {
    throw new AnswersValidationError([
      {
        questionId: 'answers',
        message: 'must be an object of { questionId: optionId | optionId[] }',
      },
    ]);
  }
  const raw = answers as Record<string, unknown>;
  const issues: AnswerIssue[] = [];
  const normalized: Record<string, readonly string[]> = {};
  const known = new Set(questions.questions.map((q) => q.id));

  for (const question of questions.questions) {
    const value = raw[question.id];
    if (value === undefined || value === null) {
      issues.push({ questionId: question.id, message: 'missing answer' });
      continue;
    }
    const chosen = Array.isArray(value) ? (value as unknown[]) : [value];
    const optionIds = question.options.map((o) => o.id);
    const bad = chosen.filter((c) => typeof c !== 'string' || !optionIds.includes(c));
    if (bad.length > 0) {
      const shown = bad.map((b) => JSON.stringify(b)).join(', ');
      issues.push({
        questionId: question.id,
        message: `unknown option ${shown} (allowed: ${optionIds.join(', ')})`,
      });
      continue;
    }
    const distinct = optionIds.filter((id) => chosen.includes(id));
    if (question.kind === 'single' && distinct.length !== 1) {
      issues.push({
        questionId: question.id,
        message:
          distinct.length === 0
            ? 'single-choice question needs exactly one option, got none'
            : `single-choice question needs exactly one option, got ${distinct.length}: ${distinct.join(', ')}`,
      });
      continue;
    }
    normalized[question.id] = distinct;
  }

  for (const key of Object.keys(raw)) {
    if (!known.has(key)) issues.push({ questionId: key, message: 'unknown question' });
  }

  if (issues.length === 0) {
    for (const exclusion of questions.exclusions) {
      const matched = matchRule(exclusion.when, normalized);
      if (matched === null) continue;
      for (const questionId of new Set(matched.map((m) => m.questionId))) {
        issues.push({
          questionId,
          message: `${exclusion.messageEn} (${describeAll(matched)}) [${exclusion.id}]`,
        });
      }
    }
  }

  if (issues.length > 0) throw new AnswersValidationError(issues);
  return normalized;
}

/**
 * Why an item is on (or off) a checklist: one chosen option, with the question named in Chinese
 * and English. `text` reads "项目类型：政府投资项目"; `textEn` reads
 * "projectType = GOVERNMENT_INVESTED (Project type: Government-invested project)".
 */
export interface AnswerReason {
  readonly questionId: string;
  readonly optionId: string;
  readonly text: string;
  readonly textEn: string;
}

export function describeAnswer(
  matched: MatchedAnswer,
  questions: Questionnaire = defaultQuestionnaire,
): AnswerReason {
  const question = questions.questions.find((q) => q.id === matched.questionId);
  const option = question?.options.find((o) => o.id === matched.optionId);
  const code = `${matched.questionId} = ${matched.optionId}`;
  return {
    questionId: matched.questionId,
    optionId: matched.optionId,
    text: `${question?.label ?? matched.questionId}：${option?.text ?? matched.optionId}`,
    textEn: question && option ? `${code} (${question.labelEn}: ${option.textEn})` : code,
  };
}

function describeAll(matched: readonly MatchedAnswer[]): string {
  return matched.map((m) => `${m.questionId} = ${m.optionId}`).join(', ');
}
