import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ProjectsModule } from '../projects/projects.module';
import { EscalationsController } from './escalations.controller';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({
  imports: [CalendarModule, ProjectsModule],
  controllers: [TasksController, EscalationsController],
  providers: [TasksService],
})
export class TasksModule {}
