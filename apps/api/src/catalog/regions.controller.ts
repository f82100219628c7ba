import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { CreateRegionDto, RegionDto, RegionsDto } from './dto/catalogue-versions.dto';
import { RegionsService } from './regions.service';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller()
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  /**
   * The region tree, as a flat list with each region's parent (a province's: null), and the
   * national default region apart.
   */
  @Get('regions')
  @ApiOkResponse({ type: RegionsDto })
  list(): Promise<RegionsDto> {
    return this.regions.tree();
  }

  @Post('admin/regions')
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: RegionDto })
  create(@Body() body: CreateRegionDto): Promise<RegionDto> {
    return this.regions.create(body);
  }
}
