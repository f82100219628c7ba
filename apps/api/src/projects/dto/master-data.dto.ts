import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  CONSTRUCTION_NATURE_CODES,
  FUNDING_SOURCE_CODES,
  creditCodeProblem,
  projectCodeProblem,
  type ConstructionNature,
  type FundingSource,
} from '../../../../../libs/domain/src';

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

/** A domain check as a class-validator rule: its problem is the message, after the field. */
function Checked(name: string, problem: (value: string) => string | undefined) {
  return ValidateBy({
    name,
    validator: {
      validate: (v: unknown) => typeof v === 'string' && problem(v) === undefined,
      defaultMessage: (args) =>
        typeof args?.value === 'string'
          ? `${args.property}: ${problem(args.value)}`
          : `${args?.property}: must be a string`,
    },
  });
}

/** 统一社会信用代码 with its GB 32100-2015 check character (the organisations' rule). */
const IsCreditCode = () => Checked('isCreditCode', creditCodeProblem);
/** 投资项目统一代码 (libs/domain project/master-data.ts). */
const IsProjectCode = () =>
  Checked('isProjectCode', (v) => projectCodeProblem(v, new Date().getUTCFullYear()));

const AREA = { type: Number, minimum: 0, maximum: 1e9 } as const;

export class ConstructionUnitDto {
  @ApiProperty({ type: String, minLength: 1, maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'name must not be blank' })
  @MaxLength(200)
  name!: string;

  /** 18 characters, the check character last; spaces are dropped and letters capitalised. */
  @ApiProperty({ type: String, minLength: 18, maxLength: 18, example: '91440300MA5G8XKQ6C' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : value,
  )
  @IsCreditCode()
  creditCode!: string;
}

/**
 * The project's master data (issue 28), every field optional: on `POST /api/projects`, in its
 * report, and `PATCH /api/projects/:id/master-data` (there a null removes a field).
 */
export class ProjectMasterDataDto {
  /** 投资项目统一代码, e.g. `2026-440300-47-01-000016`; unique (409 when taken). */
  @ApiPropertyOptional({ type: String, example: '2026-440300-47-01-000016' })
  @IsOptional()
  @Transform(trimmed)
  @IsProjectCode()
  projectCode?: string;

  /** 建设单位: at least one when given. */
  @ApiPropertyOptional({ type: [ConstructionUnitDto], minItems: 1, maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ConstructionUnitDto)
  constructionUnits?: ConstructionUnitDto[];

  /** 总投资, in 万元 (10,000 yuan). */
  @ApiPropertyOptional({ ...AREA, description: '万元' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 4, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e9)
  totalInvestment?: number;

  /** 用地面积, m². */
  @ApiPropertyOptional({ ...AREA, description: 'm²' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e9)
  landArea?: number;

  /** 建筑面积, m². */
  @ApiPropertyOptional({ ...AREA, description: 'm²' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e9)
  floorArea?: number;

  /** 建设地点. */
  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 300 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'address must not be blank' })
  @MaxLength(300)
  address?: string;

  /** 建设性质 (libs/domain CONSTRUCTION_NATURES). */
  @ApiPropertyOptional({ enum: CONSTRUCTION_NATURE_CODES })
  @IsOptional()
  @IsIn(CONSTRUCTION_NATURE_CODES, {
    message: `constructionNature must be one of ${CONSTRUCTION_NATURE_CODES.join(', ')}`,
  })
  constructionNature?: ConstructionNature;

  /** 项目投资来源 (libs/domain FUNDING_SOURCES). */
  @ApiPropertyOptional({ enum: FUNDING_SOURCE_CODES })
  @IsOptional()
  @IsIn(FUNDING_SOURCE_CODES, {
    message: `fundingSource must be one of ${FUNDING_SOURCE_CODES.join(', ')}`,
  })
  fundingSource?: FundingSource;
}

/** The master data as the report answers it (the fields given; no validation: an answer). */
export class MasterDataViewDto {
  @ApiPropertyOptional({ type: String }) projectCode?: string;
  @ApiPropertyOptional({ type: [ConstructionUnitDto] }) constructionUnits?: ConstructionUnitDto[];
  @ApiPropertyOptional({ type: Number, description: '万元' }) totalInvestment?: number;
  @ApiPropertyOptional({ type: Number, description: 'm²' }) landArea?: number;
  @ApiPropertyOptional({ type: Number, description: 'm²' }) floorArea?: number;
  @ApiPropertyOptional({ type: String }) address?: string;
  @ApiPropertyOptional({ enum: CONSTRUCTION_NATURE_CODES }) constructionNature?: string;
  @ApiPropertyOptional({ enum: FUNDING_SOURCE_CODES }) fundingSource?: string;
}
