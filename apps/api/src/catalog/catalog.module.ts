import { Module } from '@nestjs/common';
import { CatalogController } from './catalog.controller';
import { DepartmentsController } from './departments.controller';

@Module({ controllers: [CatalogController, DepartmentsController] })
export class CatalogModule {}
