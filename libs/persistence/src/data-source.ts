/**
 * For the TypeORM CLI: `npx typeorm -d dist/libs/persistence/src/data-source.js migration:show`.
 * Reads DATABASE_URL like the app does.
 */
import { DataSource } from 'typeorm';
import { parseDatabaseConfig } from '../../config/src';
import { dataSourceOptions } from './data-source-options';

export default new DataSource(dataSourceOptions(parseDatabaseConfig(process.env), 'typeorm-cli'));
