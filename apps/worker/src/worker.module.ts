import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { DatabaseModule } from '../../../libs/persistence/src';
import {
  appConfig,
  databaseConfig,
  mailConfig,
  observabilityConfig,
  temporalConfig,
  workerConfig,
} from '../../../libs/config/src';
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
      ],
    }),
    DatabaseModule.forRoot('approvals-worker'),
  ],
  providers: [WorkerService],
})
export class WorkerModule {}
