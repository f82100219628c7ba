import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { DatabaseModule } from '../../../libs/persistence/src';
import {
  appConfig,
  databaseConfig,
  exchangeConfig,
  mailConfig,
  observabilityConfig,
  temporalConfig,
  workerConfig,
} from '../../../libs/config/src';
import { ExchangeSenderService } from './exchange/exchange-sender.service';
import { WorkerService } from './worker.service';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [
        appConfig,
        databaseConfig,
        temporalConfig,
        workerConfig,
        mailConfig,
        observabilityConfig,
        exchangeConfig,
      ],
    }),
    DatabaseModule.forRoot('approvals-worker'),
  ],
  providers: [WorkerService, ExchangeSenderService],
})
export class WorkerModule {}
