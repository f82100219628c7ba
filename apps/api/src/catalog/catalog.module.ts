import { Module } from '@nestjs/common';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { DepartmentsController } from './departments.controller';

@Module({
  controllers: [CatalogController, DepartmentsController],
  providers: [CatalogService],
  exports: [CatalogService],
})
export class CatalogModule {}
