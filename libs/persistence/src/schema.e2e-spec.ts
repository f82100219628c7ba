import type { DataSource } from 'typeorm';
import { parseDatabaseConfig } from '../../config/src';
import { dataSourceOptions, openDataSource } from './data-source-options';

describe('entities and migrations describe the same schema (real PostgreSQL)', () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await openDataSource(dataSourceOptions(parseDatabaseConfig(process.env), 'test'));
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  it('leaves nothing for TypeORM to change after the migrations ran', async () => {
    // What `migration:generate` would write: empty when the entities match the migrations.
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});
