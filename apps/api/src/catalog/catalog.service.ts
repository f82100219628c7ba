import { BadRequestException, Injectable } from '@nestjs/common';
import { AnswersValidationError, checklist, questionnaire } from '../../../../libs/domain/src';

@Injectable()
export class CatalogService {
  readonly questionnaire = questionnaire;

  /** Questionnaire answers as a checklist, or a 400 naming each bad question. */
  checklist(answers: unknown) {
    try {
      return checklist(answers);
    } catch (err) {
      if (err instanceof AnswersValidationError) {
        throw new BadRequestException(
          err.issues.map((i) => `answers.${i.questionId}: ${i.message}`),
        );
      }
      throw err;
    }
  }
}
