import { Global, Module } from '@nestjs/common';
import { CalendarController, CalendarYearsController } from './calendar.controller';
import { CalendarService } from './calendar.service';

@Global()
@Module({
  controllers: [CalendarController, CalendarYearsController],
  providers: [CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}
