import { Module } from '@nestjs/common';
import { EscalationsController } from '../tasks/escalations.controller';
import { TasksController } from '../tasks/tasks.controller';
import { AccessService } from './access.service';
import { MandatesController } from './mandates.controller';
import { ProjectCommandsService } from './project-commands.service';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';

@Module({
  controllers: [ProjectsController, MandatesController, TasksController, EscalationsController],
  providers: [ProjectsService, ProjectCommandsService, AccessService],
})
export class ProjectsModule {}
