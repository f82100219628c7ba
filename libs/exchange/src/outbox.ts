/**
 * The outbox of the exchange: the SPGL rows a read-model write produced, appended in the same
 * transaction (so a write that rolls back leaves none, and a committed one always has its rows).
 * A row whose content did not change since its last version appends nothing; a changed one
 * appends the standard's correction — a copy of the old version marked invalid (SJYXBS=0, with
 * the reason) — then the new version; a construction unit that was removed, its invalidation.
 */
import type { EntityManager } from 'typeorm';
import { SJYXBS_INVALID } from './codes';
import type { SpglFields, SpglRow } from './rows';

/** A transaction (an entity manager or a query runner): where the outbox is written. */
export type Tx = Pick<EntityManager, 'query'>;

export const CORRECTED = '数据已更正';
export const DELETED = '数据已删除';

const same = (a: SpglFields, b: SpglFields) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? null) !== (b[k] ?? null)) return false;
  return true;
};

/** The rows to append for `rows` given the latest versions held (pure: unit-tested). */
export function rowsToAppend(
  rows: readonly SpglRow[],
  latest: ReadonlyMap<string, SpglFields>,
  /** Tables whose rows absent from `rows` were removed (their latest valid one is invalidated). */
  complete: readonly string[] = ['SPGL_XMDWXXB'],
): SpglRow[] {
  const out: SpglRow[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${r.table}|${r.dfsjzj}`;
    seen.add(key);
    const old = latest.get(key);
    if (old && same(old, r.fields)) continue;
    if (old && old.SJYXBS !== SJYXBS_INVALID)
      out.push({ ...r, fields: { ...old, SJYXBS: SJYXBS_INVALID, SJWXYY: CORRECTED } });
    out.push(r);
  }
  for (const [key, old] of latest) {
    const [table, dfsjzj] = key.split('|');
    if (seen.has(key) || !complete.includes(table) || old.SJYXBS === SJYXBS_INVALID) continue;
    out.push({
      table: table as SpglRow['table'],
      dfsjzj,
      fields: { ...old, SJYXBS: SJYXBS_INVALID, SJWXYY: DELETED },
    });
  }
  return out;
}

/**
 * Appends what changed among `rows` (the project's snapshot rows and any history rows) to the
 * outbox, inside the caller's transaction, and records the newest versions. Returns how many
 * rows were appended.
 */
export async function appendExchangeRows(
  tx: Tx,
  projectId: string,
  rows: readonly SpglRow[],
  complete?: readonly string[],
): Promise<number> {
  const held = await tx.query<{ table_name: string; dfsjzj: string; fields: SpglFields }[]>(
    `SELECT table_name, dfsjzj, fields FROM exchange_latest
     WHERE project_id = $1 AND table_name NOT LIKE 'SPGL\\_DF%'
       AND (table_name <> 'SPGL_XMSPSXBLXXXXB' OR dfsjzj = ANY($2::text[]))`,
    [projectId, rows.filter((r) => r.table === 'SPGL_XMSPSXBLXXXXB').map((r) => r.dfsjzj)],
  );
  const latest = new Map(held.map((h) => [`${h.table_name}|${h.dfsjzj}`, h.fields]));
  const append = rowsToAppend(rows, latest, complete);
  if (append.length === 0) return 0;
  await insertOutbox(tx, projectId, append);
  // The last version of each key is the newest (a correction appends old-invalid, then new).
  const last = new Map(append.map((r) => [`${r.table}|${r.dfsjzj}`, r]));
  const newest = [...last.values()];
  await tx.query(
    `INSERT INTO exchange_latest (table_name, dfsjzj, project_id, fields)
     SELECT t, k, $1, f::jsonb FROM unnest($2::text[], $3::text[], $4::text[]) AS x(t, k, f)
     ON CONFLICT (table_name, dfsjzj) DO UPDATE SET fields = EXCLUDED.fields`,
    [
      projectId,
      newest.map((r) => r.table),
      newest.map((r) => r.dfsjzj),
      newest.map((r) => JSON.stringify(r.fields)),
    ],
  );
  return append.length;
}

/**
 * Appends rows that are written once and never change (a published catalogue version's flow,
 * its stages and items): each key is claimed in exchange_latest, and only the rows this call
 * claimed go to the outbox — a second project of the flow, or two at once, append nothing.
 */
export async function appendOnce(
  tx: Tx,
  projectId: string,
  rows: readonly SpglRow[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const claimed = await tx.query<{ table_name: string; dfsjzj: string }[]>(
    `INSERT INTO exchange_latest (table_name, dfsjzj, project_id, fields)
     SELECT t, k, $1, f::jsonb FROM unnest($2::text[], $3::text[], $4::text[]) AS x(t, k, f)
     ON CONFLICT (table_name, dfsjzj) DO NOTHING RETURNING table_name, dfsjzj`,
    [
      projectId,
      rows.map((r) => r.table),
      rows.map((r) => r.dfsjzj),
      rows.map((r) => JSON.stringify(r.fields)),
    ],
  );
  const mine = new Set(claimed.map((c) => `${c.table_name}|${c.dfsjzj}`));
  const append = rows.filter((r) => mine.has(`${r.table}|${r.dfsjzj}`));
  if (append.length) await insertOutbox(tx, projectId, append);
  return append.length;
}

/**
 * One VALUES row per outbox row, in order: the ids follow the order the rows must be sent in
 * (a flow before its projects, a project row before its units, an instance before its history).
 */
async function insertOutbox(tx: Tx, projectId: string, append: readonly SpglRow[]): Promise<void> {
  for (let at = 0; at < append.length; at += 1000) {
    const chunk = append.slice(at, at + 1000);
    const values: unknown[] = [projectId];
    const tuples = chunk.map((r) => {
      values.push(r.table, r.dfsjzj, JSON.stringify(r.fields));
      const n = values.length;
      return `($1, $${n - 2}, $${n - 1}, $${n}::jsonb)`;
    });
    await tx.query(
      `INSERT INTO exchange_outbox (project_id, table_name, dfsjzj, fields) VALUES ${tuples.join(', ')}`,
      values,
    );
  }
}
