import type { DataSource, EntityManager } from 'typeorm';

/** Where a read-model function runs: the data source, or a transaction's entity manager. */
export type Db = DataSource | EntityManager;

/** A statement with its parameters, as `pg` takes it (`client.query({ text, values })`). */
export interface SqlQuery {
  text: string;
  values: unknown[];
}

export interface Page {
  page: number;
  pageSize: number;
}
