import { ApiProperty } from '@nestjs/swagger';
import { MATERIAL_SOURCES, PROJECT_TYPES, STAGE_CODES } from '../../../../../libs/domain/src';
import { AnswerReasonDto, PaperCopiesDto } from '../../catalog/dto/catalog.dto';

export class RequirementMaterialDto {
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) nameEn!: string;
  @ApiProperty({ type: Boolean }) required!: boolean;
  @ApiProperty({ type: [AnswerReasonDto] }) reason!: AnswerReasonDto[];
  @ApiProperty({ enum: MATERIAL_SOURCES }) source!: string;
  @ApiProperty({ type: String, nullable: true }) producedBy!: string | null;
  @ApiProperty({ type: PaperCopiesDto, nullable: true }) paper!: PaperCopiesDto | null;
  @ApiProperty({ type: Boolean }) deficiencyAllowed!: boolean;
  @ApiProperty({ type: String, nullable: true }) template!: string | null;
  @ApiProperty({ type: String }) standard!: string;
  /** Where the material stands on the project (null in a preview). */
  @ApiProperty({ type: String, nullable: true }) status!: string | null;
}

export class RequirementItemDto {
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) nameEn!: string;
  @ApiProperty({ type: String }) department!: string;
  @ApiProperty({ type: String }) departmentName!: string;
  @ApiProperty({ type: 'integer' }) limitDays!: number;
  @ApiProperty({ type: 'integer' }) statutoryLimitDays!: number;
  @ApiProperty({ type: [RequirementMaterialDto] }) materials!: RequirementMaterialDto[];
}

export class RequirementStageDto {
  @ApiProperty({ enum: STAGE_CODES }) code!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: [RequirementItemDto] }) items!: RequirementItemDto[];
}

export class WaivedRequirementDto {
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) because!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class HandInDto {
  @ApiProperty({ type: String }) online!: string;
  @ApiProperty({ type: String }) window!: string;
}

/** 一次性告知书: every item and material of a project (or of answers, before it exists). */
export class RequirementsDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) projectId!: string | null;
  @ApiProperty({ type: String, nullable: true }) projectName!: string | null;
  @ApiProperty({ enum: PROJECT_TYPES }) projectType!: string;
  @ApiProperty({ type: 'integer' }) limitDays!: number;
  @ApiProperty({ type: [RequirementStageDto] }) stages!: RequirementStageDto[];
  @ApiProperty({ type: [WaivedRequirementDto] }) waived!: WaivedRequirementDto[];
  @ApiProperty({ type: HandInDto }) handIn!: HandInDto;
  @ApiProperty({ type: String, format: 'date' }) generatedOn!: string;
}
