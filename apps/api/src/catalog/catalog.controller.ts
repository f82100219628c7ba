import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { IsObject, IsOptional, IsString } from 'class-validator';
import { CatalogService } from './catalog.service';
import { ChecklistDto, QuestionnaireDto } from './dto/catalog.dto';

export class ChecklistRequest {
  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject({ message: 'answers must be an object { questionId: optionId | [optionId] }' })
  answers!: Record<string, unknown>;

  /** The region's code (`GET /api/regions`); the default region when absent. */
  @ApiPropertyOptional({ type: String })
  @IsOptional()
  @IsString({ message: 'region must be a region code' })
  region?: string;
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
  async preview(@Body() body: ChecklistRequest) {
    const { list, region, catalogue } = await this.catalog.forRegion(body.answers, body.region);
    return { ...list, region, catalogueVersion: catalogue.id };
  }
}
