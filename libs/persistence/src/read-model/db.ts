import { DataSource, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { storableText } from '../../../approval/src';

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

/**
 * A statement's parameters by name, each with its PostgreSQL type: `ref.x` is `$n::type` for the
 * SQL text, `values` puts an object's values in that order. The SQL is built once; a parameter
 * added or moved cannot shift the others.
 */
export function namedParams<N extends string>(types: Record<N, string>) {
  const names = Object.keys(types) as N[];
  const ref = Object.fromEntries(names.map((n, i) => [n, `$${i + 1}::${types[n]}`])) as Record<
    N,
    string
  >;
  return { ref, values: (v: Record<N, unknown>): unknown[] => names.map((n) => v[n]) };
}

/**
 * JSON that PostgreSQL's jsonb takes. JSON.stringify writes a lone surrogate or a NUL as a
 * `\udXXX` / `\u0000` escape, which jsonb refuses (22P02): the one string would freeze every
 * later write of the row. Such strings are replaced (U+FFFD) in what is stored; the text of the
 * input is unchanged. Only escapes make the slow path run.
 */
export function storableJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (!/\\u(?:0000|d[89a-f])/i.test(json)) return json;
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' ? storableText(v) : v));
}

/**
 * A statement through `pg` as a named prepared statement (parsed and planned once per
 * connection) when `db` is the data source; through TypeORM's query otherwise (a transaction).
 * For the hot reads, which skip TypeORM's query building and entity hydration.
 */
export async function prepared<T>(
  db: Db,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  if (!(db instanceof DataSource)) return db.query<T[]>(text, values);
  const pool = (db.driver as PostgresDriver).master as {
    query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }>;
  };
  return (await pool.query({ name, text, values })).rows;
}
