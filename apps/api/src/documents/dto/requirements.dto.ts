import { ApiProperty } from '@nestjs/swagger';
import { PROJECT_TYPES, STAGE_CODES } from '../../../../../libs/domain/src';
import { ChecklistMaterialDto } from '../../catalog/dto/catalog.dto';

/** A checklist material, with where it stands on the project. */
export class RequirementMaterialDto extends ChecklistMaterialDto {
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
  /** 投资项目统一代码; null in a preview or when none was given. */
  @ApiProperty({ type: String, nullable: true }) projectCode!: string | null;
  @ApiProperty({ enum: PROJECT_TYPES }) projectType!: string;
  @ApiProperty({ type: 'integer' }) limitDays!: number;
  @ApiProperty({ type: [RequirementStageDto] }) stages!: RequirementStageDto[];
  @ApiProperty({ type: [WaivedRequirementDto] }) waived!: WaivedRequirementDto[];
  @ApiProperty({ type: HandInDto }) handIn!: HandInDto;
  @ApiProperty({ type: String, format: 'date' }) generatedOn!: string;
}
