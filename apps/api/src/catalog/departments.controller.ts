import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { DepartmentsService } from './departments.service';

class DepartmentDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty({ enum: ['GOVERNMENT', 'UTILITY'] }) kind!: 'GOVERNMENT' | 'UTILITY';
  /** The level whose agency handles its items (a catalogue version names it). */
  @ApiPropertyOptional({ enum: ['PROVINCE', 'CITY', 'DISTRICT', 'TOWNSHIP'] }) level?: string;
  /** The region (administrative division code) it serves. */
  @ApiPropertyOptional() region?: string;
}

class DepartmentsDto {
  @ApiProperty({ type: [DepartmentDto] }) items!: DepartmentDto[];
}

/**
 * The departments of every published catalogue version (a city's own too), so pages name them
 * in Chinese or English.
 */
@ApiTags('catalog')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @ApiOkResponse({ type: DepartmentsDto })
  async list(): Promise<DepartmentsDto> {
    return {
      items: (await this.departments.all()).map((d) => ({
        code: d.code,
        name: d.name,
        nameEn: d.nameEn,
        kind: d.kind,
        ...(d.level ? { level: d.level } : {}),
        ...(d.region ? { region: d.region } : {}),
      })),
    };
  }
}
