/** The questionnaire and a checklist, as libs/domain/src/questionnaire produces them. */
import { ApiProperty } from '@nestjs/swagger';
import { JOINT_PROCEDURES, PROJECT_TYPES, STAGE_CODES } from '../../../../../libs/domain/src';

export class QuestionOptionDto {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) text!: string;
  @ApiProperty({ type: String }) textEn!: string;
}

export class QuestionDto {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) text!: string;
  @ApiProperty({ type: String }) textEn!: string;
  @ApiProperty({ type: String }) label!: string;
  @ApiProperty({ type: String }) labelEn!: string;
  /** `single`: exactly one option; `multi`: any number, none included. */
  @ApiProperty({ enum: ['single', 'multi'] }) kind!: string;
  @ApiProperty({ type: [QuestionOptionDto] }) options!: QuestionOptionDto[];
}

/** A combination of answers that cannot describe a real project. */
export class AnswerExclusionDto {
  @ApiProperty({ type: String }) id!: string;
  /** The rule: `{ question, anyOf }`, `{ all: [rule] }` or `{ any: [rule] }`. */
  @ApiProperty({ type: 'object', additionalProperties: true }) when!: Record<string, unknown>;
  @ApiProperty({ type: String }) message!: string;
  @ApiProperty({ type: String }) messageEn!: string;
}

export class QuestionnaireDto {
  @ApiProperty({ type: String }) version!: string;
  @ApiProperty({ type: [QuestionDto] }) questions!: QuestionDto[];
  @ApiProperty({ type: [AnswerExclusionDto] }) exclusions!: AnswerExclusionDto[];
}

/** An answer that made an item required (or waived it). */
export class AnswerReasonDto {
  @ApiProperty({ type: String }) questionId!: string;
  @ApiProperty({ type: String }) optionId!: string;
  @ApiProperty({ type: String }) text!: string;
  @ApiProperty({ type: String }) textEn!: string;
}

/** What a required and a waived item share. */
class CatalogItemRefDto {
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) nameEn!: string;
  @ApiProperty({ enum: STAGE_CODES }) stage!: string;
  @ApiProperty({ type: String }) theme!: string;
  @ApiProperty({ type: String }) department!: string;
}

export class ChecklistItemDto extends CatalogItemRefDto {
  @ApiProperty({ type: String }) departmentName!: string;
  @ApiProperty({ type: String }) departmentNameEn!: string;
  @ApiProperty({ type: 'integer' }) limitDays!: number;
  @ApiProperty({ type: 'integer' }) statutoryLimitDays!: number;
  @ApiProperty({ enum: JOINT_PROCEDURES, nullable: true }) jointProcedure!: string | null;
  @ApiProperty({ type: [String] }) prerequisites!: string[];
  @ApiProperty({ type: [AnswerReasonDto] }) requiredBecause!: AnswerReasonDto[];
}

export class ChecklistThemeDto {
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) nameEn!: string;
  @ApiProperty({ type: [ChecklistItemDto] }) items!: ChecklistItemDto[];
}

export class ChecklistStageDto {
  @ApiProperty({ enum: STAGE_CODES }) code!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) nameEn!: string;
  @ApiProperty({ type: 'integer', nullable: true }) budgetDays!: number | null;
  @ApiProperty({ type: 'integer' }) criticalPathDays!: number;
  @ApiProperty({ type: [String] }) criticalPathItems!: string[];
  @ApiProperty({ type: [ChecklistThemeDto] }) themes!: ChecklistThemeDto[];
}

export class WaivedItemDto extends CatalogItemRefDto {
  @ApiProperty({ type: [AnswerReasonDto] }) waivedBecause!: AnswerReasonDto[];
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, nullable: true }) noteEn!: string | null;
}

export class ChecklistVersionsDto {
  @ApiProperty({ type: String }) catalog!: string;
  @ApiProperty({ type: String }) questionnaire!: string;
  @ApiProperty({ type: String }) policies!: string;
}

export class ChecklistDto {
  @ApiProperty({ enum: PROJECT_TYPES }) projectType!: string;
  @ApiProperty({ type: 'integer' }) limitDays!: number;
  @ApiProperty({ type: 'integer' }) warningThresholdDays!: number;
  @ApiProperty({ type: 'integer' }) criticalPathDays!: number;
  @ApiProperty({ type: [ChecklistStageDto] }) stages!: ChecklistStageDto[];
  @ApiProperty({ type: [WaivedItemDto] }) waived!: WaivedItemDto[];
  @ApiProperty({ type: [String] }) departments!: string[];
  /** The answers as understood: option ids per question. */
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
  })
  answers!: Record<string, string[]>;
  @ApiProperty({ type: ChecklistVersionsDto }) versions!: ChecklistVersionsDto;
}
