import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { defaultCatalog } from '../../../../libs/domain/src';

class DepartmentDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty({ enum: ['GOVERNMENT', 'UTILITY'] }) kind!: 'GOVERNMENT' | 'UTILITY';
}

class DepartmentsDto {
  @ApiProperty({ type: [DepartmentDto] }) items!: DepartmentDto[];
}

/** The catalog's departments, so pages name them in Chinese or English. */
@ApiTags('catalog')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  @Get()
  @ApiOkResponse({ type: DepartmentsDto })
  list(): DepartmentsDto {
    return {
      items: defaultCatalog.departments.map((d) => ({
        code: d.code,
        name: d.name,
        nameEn: d.nameEn,
        kind: d.kind,
      })),
    };
  }
}
