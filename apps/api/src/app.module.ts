import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { appConfig, databaseConfig, temporalConfig } from '../../../libs/config/src';
import { DatabaseModule } from '../../../libs/persistence/src/database.module';
import { HealthModule } from './health/health.module';
import { SmokeModule } from './smoke/smoke.module';
import { TemporalModule } from './temporal/temporal.module';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [appConfig, databaseConfig, temporalConfig],
    }),
    DatabaseModule.forRoot('approvals-api'),
    TemporalModule,
    HealthModule,
    SmokeModule,
  ],
})
export class AppModule {}
