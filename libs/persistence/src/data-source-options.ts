import { DataSource, DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../../config/src';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function dataSourceOptions(cfg: DatabaseConfig, applicationName: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: cfg.url,
    ssl: cfg.ssl ? { rejectUnauthorized: true } : undefined,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    applicationName,
    extra: {
      max: cfg.poolSize,
      connectionTimeoutMillis: cfg.connectTimeoutMs,
    },
  };
}

/** An arbitrary constant: every process that migrates takes the same advisory lock. */
const MIGRATION_LOCK = 7_240_431;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so the API and any number of
 * workers can start at once against the same database without racing on the schema.
 */
export async function runMigrationsLocked(ds: DataSource): Promise<number> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.length;
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/** Initialise and migrate: what both processes do at start. */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const ds = await new DataSource(options).initialize();
  try {
    await runMigrationsLocked(ds);
  } catch (err) {
    await ds.destroy();
    throw err;
  }
  return ds;
}
