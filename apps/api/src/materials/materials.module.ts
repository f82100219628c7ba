import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { storageConfig } from '../../../../libs/config/src';
import { AuditModule } from '../audit/audit.module';
import { ProjectsModule } from '../projects/projects.module';
import { Files } from './file-storage.provider';
import { MaterialsController } from './materials.controller';
import { MaterialsService } from './materials.service';
import { UploadsService } from './uploads.service';

/** Materials (申请材料): uploads into file storage, the lists, downloads and verdicts. */
@Module({
  imports: [ConfigModule.forFeature(storageConfig), ProjectsModule, AuditModule],
  controllers: [MaterialsController],
  providers: [Files, UploadsService, MaterialsService],
  exports: [Files],
})
export class MaterialsModule {}
