/** The questionnaire and a checklist, as libs/domain/src/questionnaire produces them. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  JOINT_PROCEDURES,
  MATERIAL_SOURCES,
  PROJECT_TYPES,
  STAGE_CODES,
} from '../../../../../libs/domain/src';

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

export class PaperCopiesDto {
  @ApiProperty({ type: 'integer' }) originals!: number;
  @ApiProperty({ type: 'integer' }) copies!: number;
  @ApiPropertyOptional({ enum: ['A3', 'A4', 'A5'] }) size?: string;
}

/** A material (申请材料) an item asks for on this checklist. */
export class ChecklistMaterialDto {
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) nameEn!: string;
  /** False: waived for this project (`reason` says by which answers). */
  @ApiProperty({ type: Boolean }) required!: boolean;
  /** The answers that made it required or waived; empty when the item always asks for it. */
  @ApiProperty({ type: [AnswerReasonDto] }) reason!: AnswerReasonDto[];
  @ApiProperty({ enum: MATERIAL_SOURCES }) source!: string;
  /** The item on this checklist whose result it is: nothing to hand in once that is approved. */
  @ApiProperty({ type: String, nullable: true }) producedBy!: string | null;
  @ApiProperty({ type: PaperCopiesDto, nullable: true }) paper!: PaperCopiesDto | null;
  /** 容缺: the window may accept the item while it is still missing. */
  @ApiProperty({ type: Boolean }) deficiencyAllowed!: boolean;
  @ApiProperty({ type: String, nullable: true }) template!: string | null;
  /** The acceptance standard (受理标准) the window checks it against. */
  @ApiProperty({ type: String }) standard!: string;
  /** In English (the Chinese text where the catalogue has none). */
  @ApiProperty({ type: String }) standardEn!: string;
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
  @ApiProperty({ type: [ChecklistMaterialDto] }) materials!: ChecklistMaterialDto[];
  /** 告知承诺制: working days to the follow-up check; absent when the item is not eligible. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1 }) commitmentCheckDays?: number;
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
  /** The region whose catalogue made the checklist, and that catalogue version's id. */
  @ApiProperty({ type: String }) region!: string;
  @ApiProperty({ type: String, format: 'uuid' }) catalogueVersion!: string;
}
