import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ExchangeController } from './exchange.controller';

@Module({ imports: [CalendarModule], controllers: [ExchangeController] })
export class ExchangeModule {}
