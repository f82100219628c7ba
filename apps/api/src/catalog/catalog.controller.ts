import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { IsObject } from 'class-validator';
import { CatalogService } from './catalog.service';
import { ChecklistDto, QuestionnaireDto } from './dto/catalog.dto';

export class ChecklistRequest {
  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject({ message: 'answers must be an object { questionId: optionId | [optionId] }' })
  answers!: Record<string, unknown>;
}

@ApiTags('catalog')
@ApiBearerAuth()
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @ApiOkResponse({ type: QuestionnaireDto })
  @Get('questionnaire')
  questionnaire() {
    return this.catalog.questionnaire;
  }

  /** A preview: the items the answers make required, per stage and theme, and those waived. */
  @ApiOkResponse({ type: ChecklistDto })
  @Post('checklists')
  @HttpCode(200)
  preview(@Body() body: ChecklistRequest) {
    return this.catalog.checklist(body.answers);
  }
}
