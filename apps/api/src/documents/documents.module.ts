import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { documentsConfig } from '../../../../libs/config/src';
import { ProjectsModule } from '../projects/projects.module';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { PdfService } from './pdf.service';

/** Receipts (受理单) and issued results (办结通知), as JSON or PDF. */
@Module({
  imports: [ConfigModule.forFeature(documentsConfig), ProjectsModule],
  controllers: [DocumentsController],
  providers: [DocumentsService, PdfService],
})
export class DocumentsModule {}
