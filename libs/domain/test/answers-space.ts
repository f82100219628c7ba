import { questionnaire, type Questionnaire } from '../src/questionnaire/questions';

type Answers = Record<string, string | string[]>;

/** Every combination of answers the questionnaire allows (before exclusions): each option of a
 *  single-choice question, each subset of a multi-choice one. */
export function allAnswerCombinations(questions: Questionnaire = questionnaire): Answers[] {
  let combos: Answers[] = [{}];
  for (const question of questions.questions) {
    const ids = question.options.map((o) => o.id);
    const values: (string | string[])[] =
      question.kind === 'single'
        ? ids
        : Array.from({ length: 2 ** ids.length }, (_, mask) =>
            ids.filter((_, bit) => mask & (1 << bit)),
          );
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [question.id]: value })));
  }
  return combos;
}

/** A mutable deep copy of plain data, for building broken variants in tests. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
