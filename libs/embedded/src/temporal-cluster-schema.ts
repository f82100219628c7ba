/**
 * The Temporal cluster's persistence and namespace: the two databases and their schemas (the
 * release's own SQL tool), the namespace and the project's search attributes.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { Client as PgClient } from 'pg';
import { PROJECT_SEARCH_ATTRIBUTES } from '../../temporal/src';
import { StartupError } from './ports';
import type { ClusterBinaries } from './temporal-binaries';
import { CLUSTER_DATABASES, type ClusterDatabase } from './temporal-cluster-config';

const run = promisify(execFile);

/**
 * The two databases and their schemas, with the release's SQL tool: created when missing, set
 * up from version 0 the first time, then brought to the release's version (a no-op once there).
 */
export async function setupClusterSchema(
  bin: ClusterBinaries,
  db: ClusterDatabase,
  log: (line: string) => void = () => {},
): Promise<void> {
  const admin = new PgClient({ ...db, database: 'postgres' });
  await admin.connect();
  try {
    for (const name of Object.values(CLUSTER_DATABASES)) {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        name,
      ]);
      if (!rowCount) await admin.query(`CREATE DATABASE "${name}"`);
    }
  } finally {
    await admin.end();
  }
  for (const [kind, name] of Object.entries(CLUSTER_DATABASES)) {
    const conn = new PgClient({ ...db, database: name });
    await conn.connect();
    const fresh = await conn
      .query(`SELECT to_regclass('schema_version') IS NULL AS fresh`)
      .then((r) => (r.rows[0] as { fresh: boolean }).fresh)
      .finally(() => conn.end());
    const common = [
      '--plugin',
      'postgres12',
      '--endpoint',
      db.host,
      '--port',
      String(db.port),
      '--user',
      db.user,
      '--password',
      db.password,
      '--database',
      name,
    ];
    const tool = async (args: string[]) => {
      try {
        await run(bin.sql, [...common, ...args], { maxBuffer: 16 << 20 });
      } catch (err) {
        const e = err as { stderr?: string; message: string };
        throw new StartupError(
          `temporal-sql-tool ${args[0]} on ${name} failed: ${(e.stderr || e.message).trim().split('\n').slice(-3).join(' | ')}`,
        );
      }
    };
    if (fresh) await tool(['setup-schema', '-v', '0.0']);
    await tool([
      'update-schema',
      '-d',
      join(bin.schemaDir, 'postgresql', 'v12', kind, 'versioned'),
    ]);
    log(`Temporal schema ${kind} ready in database ${name}${fresh ? ' (new)' : ''}`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The namespace (registered once, kept on restarts) with the project's search attributes,
 * ready once a visibility query on them succeeds. The services' namespace caches refresh every
 * 10 s, so a namespace or attribute just added is given that long to reach every service.
 */
export async function prepareClusterNamespace(
  address: string,
  namespace: string,
  {
    timeoutMs = 120_000,
    searchAttributes = PROJECT_SEARCH_ATTRIBUTES,
    dead = (): string | undefined => undefined,
  } = {},
): Promise<{ created: boolean }> {
  const deadline = Date.now() + timeoutMs;
  const retry = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    for (let delay = 200; ; delay = Math.min(delay * 2, 2000)) {
      const died = dead();
      if (died) throw new StartupError(`Temporal cluster: ${what}: ${died}`);
      try {
        return await fn();
      } catch (err) {
        if (Date.now() > deadline)
          throw new StartupError(`Temporal cluster: ${what}: ${(err as Error).message}`);
        await sleep(delay);
      }
    }
  };
  const connection = await retry('connect', () =>
    Connection.connect({ address, connectTimeout: 5000 }),
  );
  try {
    const svc = connection.workflowService;
    await retry('system info', () => svc.getSystemInfo({}));
    let created = false;
    const exists = await svc.describeNamespace({ namespace }).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await retry('register namespace', () =>
        svc
          .registerNamespace({
            namespace,
            workflowExecutionRetentionPeriod: msToTs('7 days'),
          })
          .catch((err: { code?: number }) => {
            if (err.code !== 6) throw err; // ALREADY_EXISTS: another start was first
          }),
      );
      created = true;
    }
    await retry('describe namespace', () => svc.describeNamespace({ namespace }));
    if (
      await retry('add search attributes', () =>
        registerSearchAttributes(connection, namespace, searchAttributes),
      )
    )
      created = true;
    const query = Object.keys(searchAttributes)
      .filter((n) => searchAttributes[n] === 'Keyword')
      .map((n) => `${n} = 'ready'`)
      .join(' OR ');
    await retry('a visibility query on the search attributes', () =>
      svc.countWorkflowExecutions({ namespace, query }),
    );
    if (created) await sleep(11_000);
    return { created };
  } finally {
    await connection.close();
  }
}

/**
 * Registers the search attributes the namespace lacks (the cluster, or Temporal's time-skipping
 * test server, which refuses an upsert of an unknown one); true when it added any.
 */
export async function registerSearchAttributes(
  connection: Pick<Connection, 'operatorService'>,
  namespace: string,
  searchAttributes: Record<string, 'Keyword' | 'Datetime'> = PROJECT_SEARCH_ATTRIBUTES,
): Promise<boolean> {
  const Type = temporal.api.enums.v1.IndexedValueType;
  // The time-skipping test server implements add but not list: there, add them all.
  const have: { customAttributes?: Record<string, unknown> | null } =
    await connection.operatorService
      .listSearchAttributes({ namespace })
      .catch((err: { code?: number }) => {
        if (err.code === 12) return { customAttributes: {} }; // UNIMPLEMENTED
        throw err;
      });
  const missing = Object.fromEntries(
    Object.entries(searchAttributes)
      .filter(([name]) => !have.customAttributes?.[name])
      .map(([name, type]) => [
        name,
        type === 'Datetime' ? Type.INDEXED_VALUE_TYPE_DATETIME : Type.INDEXED_VALUE_TYPE_KEYWORD,
      ]),
  );
  if (!Object.keys(missing).length) return false;
  await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
  return true;
}
