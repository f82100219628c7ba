import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { CatalogueVersionsController } from './catalogue-versions.controller';
import { CatalogueVersionsService } from './catalogue-versions.service';
import { DepartmentsController } from './departments.controller';
import { DepartmentsService } from './departments.service';
import { RegionsController } from './regions.controller';
import { RegionsService } from './regions.service';

@Module({
  imports: [CalendarModule],
  controllers: [
    CatalogController,
    DepartmentsController,
    CatalogueVersionsController,
    RegionsController,
  ],
  providers: [CatalogService, CatalogueVersionsService, RegionsService, DepartmentsService],
  exports: [CatalogService, CatalogueVersionsService, RegionsService, DepartmentsService],
})
export class CatalogModule {}
