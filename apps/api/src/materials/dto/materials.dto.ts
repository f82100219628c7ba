import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { MATERIAL_CODE_PATTERN } from '../../../../../libs/domain/src';
import { ItemMaterialDto } from '../../projects/dto/report.dto';

/** `:material`: a material code, or 400 naming the parameter. */
export const MaterialCodePipe: PipeTransform<string, string> = {
  transform(value: string) {
    if (!MATERIAL_CODE_PATTERN.test(value))
      throw new BadRequestException(`material must match ${MATERIAL_CODE_PATTERN.source}`);
    return value;
  },
};

/** A file handed in for a material. */
export class UploadedFileDto {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String }) itemCode!: string;
  @ApiProperty({ type: String }) materialCode!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) round!: number;
  @ApiProperty({ type: String }) filename!: string;
  @ApiProperty({ type: 'integer' }) size!: number;
  @ApiProperty({ type: String, pattern: '^[0-9a-f]{64}$' }) sha256!: string;
  /** Read from the file's content. */
  @ApiProperty({ type: String }) contentType!: string;
  @ApiProperty({ type: String }) uploadedBy!: string;
  /** The organisation an agent handed it in for. */
  @ApiProperty({ type: String, nullable: true }) onBehalfOf!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) uploadedAt!: string;
}

export class MaterialVerdictViewDto {
  @ApiProperty({ enum: ['ACCEPTED', 'NEEDS_CORRECTION'] }) status!: string;
  @ApiProperty({ type: String }) by!: string;
  @ApiProperty({ type: String, format: 'date' }) on!: string;
  @ApiProperty({ type: 'integer' }) round!: number;
  @ApiProperty({ type: String, required: false }) reason?: string;
}

export class ProvidingResultDto {
  /** The result's number (办结通知 `BJ-…`): `GET /api/projects/{id}/items/{itemCode}/result`. */
  @ApiProperty({ type: String }) number!: string;
  @ApiProperty({ type: String }) itemCode!: string;
}

/** A material as the project stands (as the report shows it), with its verdict and files. */
export class ProjectMaterialDto extends ItemMaterialDto {
  @ApiProperty({ type: MaterialVerdictViewDto, nullable: true })
  verdict!: MaterialVerdictViewDto | null;
  /** The earlier item's result that provides it (PROVIDED_BY_RESULT). */
  @ApiProperty({ type: ProvidingResultDto, nullable: true }) result!: ProvidingResultDto | null;
  /** Every round's files, oldest first. */
  @ApiProperty({ type: [UploadedFileDto] }) files!: UploadedFileDto[];
}

export class ItemMaterialsDto {
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) nameEn!: string;
  @ApiProperty({ type: String }) stage!: string;
  @ApiProperty({ type: String }) department!: string;
  @ApiProperty({ type: String }) status!: string;
  @ApiProperty({ type: String }) taskId!: string;
  @ApiProperty({ type: [ProjectMaterialDto] }) materials!: ProjectMaterialDto[];
}

export class ProjectMaterialsDto {
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: [ItemMaterialsDto] }) items!: ItemMaterialsDto[];
}
