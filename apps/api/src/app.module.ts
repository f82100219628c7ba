import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import {
  appConfig,
  authConfig,
  databaseConfig,
  exchangeConfig,
  temporalConfig,
} from '../../../libs/config/src';
import { DatabaseModule } from '../../../libs/persistence/src';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CatalogModule } from './catalog/catalog.module';
import { HealthModule } from './health/health.module';
import { NoticesModule } from './notices/notices.module';
import { ProjectsModule } from './projects/projects.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { StatisticsModule } from './statistics/statistics.module';
import { TasksModule } from './tasks/tasks.module';
import { WebModule } from './web/web.module';
import { AccountsModule } from './accounts/accounts.module';
import { ExchangeModule } from './exchange/exchange.module';
import { AuditModule } from './audit/audit.module';
import { DocumentsModule } from './documents/documents.module';
import { RatingsModule } from './ratings/ratings.module';
import { MaterialsModule } from './materials/materials.module';
import { ObservabilityModule } from './observability/observability.module';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [appConfig, authConfig, databaseConfig, temporalConfig, exchangeConfig],
    }),
    DatabaseModule.forRoot('approvals-api'),
    AuthModule,
    CalendarModule,
    CatalogModule,
    ProjectsModule,
    TasksModule,
    HealthModule,
    SubmissionsModule,
    StatisticsModule,
    NoticesModule,
    DocumentsModule,
    RatingsModule,
    MaterialsModule,
    WebModule.register(),
    AccountsModule,
    AuditModule,
    ExchangeModule,
    ObservabilityModule,
  ],
})
export class AppModule {}
