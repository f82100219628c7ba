import { AnswersValidationError, validateAnswers } from './answers';
import { questionnaire } from './questions';

const valid = {
  projectType: 'SOCIAL_INVESTMENT',
  landAcquisition: 'GRANT',
  regionalAssessment: 'NO',
  eiaCategory: 'TABLE',
  civilAirDefence: 'YES',
  fireSpecial: 'NO',
  belowPermitThreshold: 'NO',
  utilities: ['WATER', 'POWER'],
  municipalWorks: [],
  culturalRelics: 'NO',
};

function refusal(answers: unknown): AnswersValidationError {
  try {
    validateAnswers(answers);
  } catch (error) {
    if (error instanceof AnswersValidationError) return error;
    throw error;
  }
  throw new Error('expected the answers to be refused');
}

describe('questionnaire', () => {
  it('has 5 to 10 single- or multi-choice questions, the first being the project type', () => {
    expect(questionnaire.questions.length).toBeGreaterThanOrEqual(5);
    expect(questionnaire.questions.length).toBeLessThanOrEqual(10);
    const type = questionnaire.questions.find((q) => q.id === 'projectType')!;
    expect(type.kind).toBe('single');
    expect(type.options.map((o) => o.id)).toEqual([
      'GOVERNMENT_INVESTED',
      'SOCIAL_INVESTMENT',
      'SIMPLE_LOW_RISK',
    ]);
    expect(new Set(questionnaire.questions.map((q) => q.id)).size).toBe(
      questionnaire.questions.length,
    );
    expect(questionnaire.questions.some((q) => q.kind === 'multi')).toBe(true);
  });

  it('is JSON with the API shape { version, questions: [{ id, text, kind, options: [{ id, text }] }] }', () => {
    const json = JSON.parse(JSON.stringify(questionnaire)) as typeof questionnaire;
    expect(json).toEqual(questionnaire);
    expect(typeof json.version).toBe('string');
    for (const q of json.questions) {
      expect(q).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          text: expect.stringMatching(/[\u4e00-\u9fff]/),
          kind: expect.stringMatching(/^(single|multi)$/),
        }),
      );
      for (const o of q.options)
        expect(o).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^[A-Z_]+$/),
            text: expect.any(String),
          }),
        );
    }
  });
});

describe('validateAnswers', () => {
  it('accepts complete answers and normalizes every answer to a list', () => {
    expect(validateAnswers(valid)).toEqual({
      ...valid,
      projectType: ['SOCIAL_INVESTMENT'],
      landAcquisition: ['GRANT'],
      regionalAssessment: ['NO'],
      eiaCategory: ['TABLE'],
      civilAirDefence: ['YES'],
      fireSpecial: ['NO'],
      belowPermitThreshold: ['NO'],
      culturalRelics: ['NO'],
    });
  });

  it('accepts a bare option for a multi-choice question and a one-element list for a single-choice one', () => {
    const normalized = validateAnswers({
      ...valid,
      utilities: 'GAS',
      projectType: ['GOVERNMENT_INVESTED'],
    });
    expect(normalized.utilities).toEqual(['GAS']);
    expect(normalized.projectType).toEqual(['GOVERNMENT_INVESTED']);
  });

  it('puts multi-choice options in questionnaire order and drops repeats', () => {
    expect(validateAnswers({ ...valid, utilities: ['GAS', 'WATER', 'GAS'] }).utilities).toEqual([
      'WATER',
      'GAS',
    ]);
  });

  it('refuses a missing question', () => {
    const { fireSpecial: _omitted, ...rest } = valid;
    expect(refusal(rest).issues).toEqual([
      { questionId: 'fireSpecial', message: 'missing answer' },
    ]);
  });

  it('refuses an unknown option and names the allowed ones', () => {
    expect(refusal({ ...valid, utilities: ['WATER', 'HEATING'] }).issues).toEqual([
      { questionId: 'utilities', message: 'unknown option "HEATING" (allowed: WATER, POWER, GAS)' },
    ]);
  });

  it('refuses several options for a single-choice question, and none', () => {
    expect(refusal({ ...valid, landAcquisition: ['GRANT', 'ALLOCATION'] }).issues).toEqual([
      {
        questionId: 'landAcquisition',
        message: 'single-choice question needs exactly one option, got 2: ALLOCATION, GRANT',
      },
    ]);
    expect(refusal({ ...valid, landAcquisition: [] }).issues[0].questionId).toBe('landAcquisition');
  });

  it('refuses an unknown question and an option that is not a string', () => {
    expect(refusal({ ...valid, heating: 'YES', culturalRelics: true }).issues).toEqual([
      { questionId: 'culturalRelics', message: 'unknown option true (allowed: YES, NO)' },
      { questionId: 'heating', message: 'unknown question' },
    ]);
  });

  it('lists each bad question in one error', () => {
    const error = refusal({
      ...valid,
      projectType: 'PRIVATE',
      eiaCategory: ['REPORT', 'TABLE'],
      regionalAssessment: undefined,
    });
    expect(error.questionIds).toEqual(['projectType', 'regionalAssessment', 'eiaCategory']);
    expect(error.message).toMatch(
      /^Invalid answers: projectType: unknown option "PRIVATE".*; regionalAssessment: missing answer; eiaCategory: single-choice/,
    );
  });

  it('refuses answers that are not an object', () => {
    for (const bad of [null, 'x', ['projectType'], 42]) {
      expect(refusal(bad).issues).toEqual([
        { questionId: 'answers', message: expect.stringContaining('must be an object') },
      ]);
    }
  });

  it('refuses a simple low-risk project that is a special fire project or needs an EIA report, naming both questions', () => {
    const fire = refusal({ ...valid, projectType: 'SIMPLE_LOW_RISK', fireSpecial: 'YES' });
    expect(fire.questionIds).toEqual(['projectType', 'fireSpecial']);
    expect(fire.issues[0].message).toContain('[low-risk-special-fire]');
    const eia = refusal({ ...valid, projectType: 'SIMPLE_LOW_RISK', eiaCategory: 'REPORT' });
    expect(eia.questionIds).toEqual(['projectType', 'eiaCategory']);
  });
});
