import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { documentsConfig } from '../../../../libs/config/src';
import { CalendarModule } from '../calendar/calendar.module';
import { CatalogModule } from '../catalog/catalog.module';
import { ProjectsModule } from '../projects/projects.module';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { PdfService } from './pdf.service';
import { RequirementsController } from './requirements.controller';
import { RequirementsService } from './requirements.service';

/** Receipts (受理单) and issued results (办结通知), as JSON or PDF. */
@Module({
  imports: [
    ConfigModule.forFeature(documentsConfig),
    ProjectsModule,
    CalendarModule,
    CatalogModule,
  ],
  controllers: [DocumentsController, RequirementsController],
  providers: [DocumentsService, PdfService, RequirementsService],
})
export class DocumentsModule {}
