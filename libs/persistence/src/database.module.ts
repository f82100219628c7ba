import { DynamicModule, Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseConfig } from '../../config/src';
import { dataSourceOptions, openDataSource } from './data-source-options';

/** TypeORM for either process: migrations run (under a lock) before the app starts serving. */
@Module({})
export class DatabaseModule {
  static forRoot(applicationName: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [databaseConfig.KEY],
          useFactory: (cfg: ConfigType<typeof databaseConfig>) => ({
            ...dataSourceOptions(cfg, applicationName),
            retryAttempts: 10,
            retryDelay: 2000,
          }),
          dataSourceFactory: (options) => openDataSource(options!),
        }),
      ],
    };
  }
}
