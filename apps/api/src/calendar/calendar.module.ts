import { Module } from '@nestjs/common';
import { TemporalModule } from '../temporal/temporal.module';
import { CalendarController, CalendarYearsController } from './calendar.controller';
import { CalendarService } from './calendar.service';

@Module({
  imports: [TemporalModule],
  controllers: [CalendarController, CalendarYearsController],
  providers: [CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}
