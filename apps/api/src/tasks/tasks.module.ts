import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { EscalationsController } from './escalations.controller';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({
  imports: [ProjectsModule],
  controllers: [TasksController, EscalationsController],
  providers: [TasksService],
})
export class TasksModule {}
