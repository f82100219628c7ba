/** Regions and catalogue versions (catalogue-versions.service.ts, regions.service.ts). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class RegionDto {
  /** A 6-digit administrative division code (`CN`: the national default region). */
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ enum: ['COUNTRY', 'PROVINCE', 'CITY', 'DISTRICT'] }) level!: string;
  /** The region above; null for a province (and the national default). */
  @ApiProperty({ type: String, nullable: true }) parent!: string | null;
}

export class RegionsDto {
  /** The tree: provinces (parent null), their cities, the cities' districts. */
  @ApiProperty({ type: [RegionDto] }) items!: RegionDto[];
  /**
   * The national default region (`CN`), not a division: the built-in catalogue's, and a
   * project's or a window officer's when none is given.
   */
  @ApiProperty({ type: RegionDto }) defaultRegion!: RegionDto;
}

export class CreateRegionDto {
  @ApiProperty({ type: String, pattern: /^\d{6}$/.source })
  @Matches(/^\d{6}$/, { message: 'code must be a 6-digit administrative division code' })
  code!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 100 })
  @IsString({ message: 'name must be a string' })
  @Length(1, 100, { message: 'name must be 1-100 characters' })
  name!: string;

  /** The province of a city, the city of a district; none (or `CN`) for a province. */
  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString({ message: 'parent must be a region code' })
  parent?: string | null;
}

export class CatalogueVersionDto {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String }) region!: string;
  /** The document's own version label. */
  @ApiProperty({ type: String }) version!: string;
  @ApiProperty({ enum: ['DRAFT', 'PUBLISHED'] }) status!: string;
  @ApiProperty({ type: String, nullable: true }) effectiveFrom!: string | null;
  @ApiProperty({ type: String }) createdBy!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
  /** The version new projects of the listed region take today. */
  @ApiProperty({ type: Boolean }) inForce!: boolean;
}

export class CatalogueVersionsDto {
  @ApiProperty({ type: [CatalogueVersionDto] }) items!: CatalogueVersionDto[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) inForce!: string | null;
  /** Running projects of the region: they keep their version whatever is published. */
  @ApiProperty({ type: 'integer' }) runningProjects!: number;
}

export class PublishedVersionDto extends CatalogueVersionDto {
  @ApiProperty({ type: 'integer' }) runningProjectsKeepingTheirVersion!: number;
}

export class PublishVersionDto {
  @ApiProperty({ type: String, pattern: DATE.source })
  @Matches(DATE, { message: 'effectiveFrom must be YYYY-MM-DD' })
  effectiveFrom!: string;
}

export class VersionsQuery {
  @ApiPropertyOptional({ type: String })
  @IsOptional()
  @IsString({ message: 'region must be a region code' })
  region?: string;
}

class EntryChangeDto {
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: [String] }) fields!: string[];
}

class ListDiffDto {
  @ApiProperty({ type: [String] }) added!: string[];
  @ApiProperty({ type: [String] }) removed!: string[];
  @ApiProperty({ type: [EntryChangeDto] }) changed!: EntryChangeDto[];
  /** The names of the entries above, by code (the newer version's where both have one). */
  @ApiProperty({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: { name: { type: 'string' }, nameEn: { type: 'string' } },
      required: ['name'],
    },
  })
  names!: Record<string, { name: string; nameEn?: string }>;
}

export class CatalogueDiffDto {
  @ApiProperty({ type: CatalogueVersionDto }) from!: CatalogueVersionDto;
  @ApiProperty({ type: CatalogueVersionDto }) to!: CatalogueVersionDto;
  @ApiProperty({ type: ListDiffDto }) departments!: ListDiffDto;
  @ApiProperty({ type: ListDiffDto }) themes!: ListDiffDto;
  @ApiProperty({ type: ListDiffDto }) items!: ListDiffDto;
  @ApiProperty({ type: [String] }) policies!: string[];
}
