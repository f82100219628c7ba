import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CatalogModule } from '../catalog/catalog.module';
import { TemporalModule } from '../temporal/temporal.module';
import { AccessPolicy } from './access-policy';
import { AccessService } from './access.service';
import { ContactController } from './contact.controller';
import { DelegationsController } from './delegations.controller';
import { MandatesController } from './mandates.controller';
import { MasterDataController } from './master-data.controller';
import { ListTotals } from './list-totals';
import { ProjectCommandsController } from './project-commands.controller';
import { ProjectCommandsService } from './project-commands.service';
import { ProjectListsService } from './project-lists.service';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';
import { ReadModelController } from './read-model.controller';
import { ReadModelRepairService } from './read-model-repair.service';
import { AuditModule } from '../audit/audit.module';
import { KeyProjectsController } from './key-projects.controller';
import { KeyProjectsService } from './key-projects.service';

@Module({
  imports: [CalendarModule, CatalogModule, TemporalModule, AuditModule],
  controllers: [
    ProjectsController,
    ProjectCommandsController,
    DelegationsController,
    MandatesController,
    ReadModelController,
    MasterDataController,
    ContactController,
    KeyProjectsController,
  ],
  providers: [
    ProjectsService,
    ProjectListsService,
    ListTotals,
    ProjectCommandsService,
    AccessService,
    AccessPolicy,
    ReadModelRepairService,
    KeyProjectsService,
  ],
  exports: [ProjectsService, ProjectCommandsService, AccessPolicy],
})
export class ProjectsModule {}
