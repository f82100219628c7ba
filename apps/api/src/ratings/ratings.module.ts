import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ProjectsModule } from '../projects/projects.module';
import { TemporalModule } from '../temporal/temporal.module';
import { RatingsController, RectificationsController } from './ratings.controller';
import { RatingsService } from './ratings.service';
import { RectificationsService } from './rectifications.service';

@Module({
  imports: [ProjectsModule, CalendarModule, TemporalModule],
  controllers: [RatingsController, RectificationsController],
  providers: [RatingsService, RectificationsService],
})
export class RatingsModule {}
