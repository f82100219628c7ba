import { Module } from '@nestjs/common';
import { TasksController } from '../tasks/tasks.controller';
import { ProjectCommandsService } from './project-commands.service';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';

@Module({
  controllers: [ProjectsController, TasksController],
  providers: [ProjectsService, ProjectCommandsService],
})
export class ProjectsModule {}
