import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { BadRequestException, Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { IsObject } from 'class-validator';
import { AnswersValidationError, checklist, questionnaire } from '../../../../libs/domain/src';

export class ChecklistRequest {
  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject({ message: 'answers must be an object { questionId: optionId | [optionId] }' })
  answers!: Record<string, unknown>;
}

/** Questionnaire answers as a checklist, or a 400 naming each bad question. */
export function checklistOr400(answers: unknown) {
  try {
    return checklist(answers);
  } catch (err) {
    if (err instanceof AnswersValidationError) {
      throw new BadRequestException(err.issues.map((i) => `answers.${i.questionId}: ${i.message}`));
    }
    throw err;
  }
}

@ApiTags('catalog')
@ApiBearerAuth()
@Controller()
export class CatalogController {
  @Get('questionnaire')
  questionnaire() {
    return questionnaire;
  }

  /** A preview: the items the answers make required, per stage and theme, and those waived. */
  @Post('checklists')
  @HttpCode(200)
  preview(@Body() body: ChecklistRequest) {
    return checklistOr400(body.answers);
  }
}
