/**
 * The staging database (前置库) side: the SPGL tables as the embedded default creates them, and
 * the keyed insert that makes delivery idempotent. LSH (流水号) carries the outbox row's id: a
 * row whose LSH is in the table already is not inserted again, so a batch delivered twice (the
 * sender killed after the staging commit, before its own) leaves each row once.
 */
import type { ClientBase } from 'pg';
import type { SpglTable } from './rows';

/** The columns every table has (§2), then each table's own (§3), with their SQL types. */
const COMMON: [string, string][] = [
  ['LSH', 'text'],
  ['DFSJZJ', 'text'],
  ['XZQHDM', 'text'],
  ['SJYXBS', 'integer'],
  ['SJWXYY', 'text'],
  ['SJSCZT', 'integer'],
  ['SBYY', 'text'],
  ['SCSJ', 'timestamptz'],
  ['GXSJ', 'timestamptz'],
];

export const STAGING_COLUMNS: Record<SpglTable, [string, string][]> = {
  SPGL_DFXMSPLCXXB: [
    ['SPLCBM', 'text'],
    ['SPLCMC', 'text'],
    ['SPLCBBH', 'numeric'],
    ['SPLCSXSJ', 'date'],
    ['SPLCLX', 'integer'],
    ['SPLCSM', 'text'],
    ['FJMC', 'text'],
    ['FJLX', 'text'],
    ['FJID', 'text'],
  ],
  SPGL_DFXMSPLCJDXXB: [
    ['SPLCBM', 'text'],
    ['SPLCBBH', 'numeric'],
    ['SPJDBM', 'text'],
    ['SPJDMC', 'text'],
    ['SPJDXH', 'integer'],
    ['DYBZSPJDXH', 'text'],
    ['SPJDSX', 'integer'],
    ['LCBSXLX', 'integer'],
  ],
  SPGL_DFXMSPLCJDSXXXB: [
    ['SPLCBM', 'text'],
    ['SPLCBBH', 'numeric'],
    ['SPJDXH', 'integer'],
    ['SPSXBM', 'text'],
    ['SPSXBBH', 'numeric'],
    ['SPSXMC', 'text'],
    ['DYBZSPSXBM', 'text'],
    ['SFSXGZCNZ', 'integer'],
    ['BJLX', 'integer'],
    ['SQDX', 'integer'],
    ['BLJGSDFS', 'text'],
    ['SPSXBLSX', 'integer'],
    ['SPBMBM', 'text'],
    ['SPBMMC', 'text'],
    ['QZSPSXBM', 'text'],
    ['SFLCBSX', 'integer'],
  ],
  SPGL_XMJBXXB: [
    ['XMDM', 'text'],
    ['XMMC', 'text'],
    ['GCDM', 'text'],
    ['GCFW', 'text'],
    ['XMTZLY', 'integer'],
    ['SPLCLX', 'integer'],
    ['LXLX', 'integer'],
    ['JSXZ', 'integer'],
    ['XMSFWQBJ', 'integer'],
    ['XMWQBJSJ', 'date'],
    ['ZTZE', 'numeric'],
    ['JSDDXZQH', 'text'],
    ['JSDD', 'text'],
    ['YDMJ', 'numeric'],
    ['JZMJ', 'numeric'],
    ['SBSJ', 'date'],
    ['SPLCBM', 'text'],
    ['SPLCBBH', 'numeric'],
  ],
  SPGL_XMDWXXB: [
    ['XMDM', 'text'],
    ['GCDM', 'text'],
    ['DWTYSHXYDM', 'text'],
    ['DWMC', 'text'],
    ['DWLX', 'integer'],
  ],
  SPGL_XMSPSXBLXXB: [
    ['GCDM', 'text'],
    ['SPSXBM', 'text'],
    ['SPSXBBH', 'numeric'],
    ['SPLCBM', 'text'],
    ['SPLCBBH', 'numeric'],
    ['SPSXSLBM', 'text'],
    ['SPBMBM', 'text'],
    ['SPBMMC', 'text'],
    ['SLFS', 'integer'],
    ['GKFS', 'integer'],
    ['BLSPSLBM', 'text'],
    ['SXBLSX', 'integer'],
  ],
  SPGL_XMSPSXBLXXXXB: [
    ['GCDM', 'text'],
    ['SPSXSLBM', 'text'],
    ['BLCS', 'text'],
    ['BLR', 'text'],
    ['BLZT', 'integer'],
    ['BLYJ', 'text'],
    ['BLSJ', 'timestamptz'],
  ],
  SPGL_XMSPSXPFWJXXB: [
    ['GCDM', 'text'],
    ['SPSXSLBM', 'text'],
    ['PFRQ', 'date'],
    ['PFWH', 'text'],
    ['PFWJBT', 'text'],
    ['PFWJYXQX', 'date'],
    ['FJMC', 'text'],
    ['FJLX', 'text'],
    ['FJID', 'text'],
  ],
  SPGL_XMQTFJXXB: [
    ['GCDM', 'text'],
    ['SPSXSLBM', 'text'],
    ['BLSPSLBM', 'text'],
    ['FJMC', 'text'],
    ['FJFL', 'integer'],
    ['FJLX', 'text'],
    ['FJID', 'text'],
  ],
};

const columnsOf = (t: SpglTable) => [...COMMON, ...STAGING_COLUMNS[t]];

/** Creates the SPGL tables where they are missing (the embedded staging database; tests). */
export async function ensureStagingTables(db: ClientBase): Promise<void> {
  for (const t of Object.keys(STAGING_COLUMNS) as SpglTable[]) {
    const cols = columnsOf(t)
      .map(([c, type]) => `${c} ${type}`)
      .join(', ');
    await db.query(`CREATE TABLE IF NOT EXISTS ${t} (${cols})`);
    await db.query(`CREATE UNIQUE INDEX IF NOT EXISTS ${t}_LSH ON ${t} (LSH)`);
  }
}

/** A row to deliver: the outbox id (its LSH) and the row's fields by the standard's names. */
export interface Delivery {
  lsh: string;
  table: SpglTable;
  dfsjzj: string;
  fields: Record<string, unknown>;
}

/**
 * Inserts the rows not there yet (by LSH), one statement per table, with SJSCZT 0 and SCSJ the
 * insert's time; in one transaction of the staging database. Returns how many were new.
 */
export async function insertIntoStaging(
  db: ClientBase,
  rows: readonly Delivery[],
): Promise<number> {
  let inserted = 0;
  await db.query('BEGIN');
  try {
    for (const t of Object.keys(STAGING_COLUMNS) as SpglTable[]) {
      const mine = rows.filter((r) => r.table === t);
      if (mine.length === 0) continue;
      const cols = columnsOf(t);
      const records = mine.map((r) =>
        Object.fromEntries(
          cols.map(([c]) => [
            c.toLowerCase(),
            c === 'LSH' ? r.lsh : c === 'DFSJZJ' ? r.dfsjzj : (r.fields[c] ?? null),
          ]),
        ),
      );
      const names = cols.map(([c]) => c).join(', ');
      const typed = cols.map(([c, type]) => `${c.toLowerCase()} ${type}`).join(', ');
      const values = cols
        .map(([c]) => (c === 'SJSCZT' ? '0' : c === 'SCSJ' ? 'now()' : `x.${c.toLowerCase()}`))
        .join(', ');
      const res = await db.query(
        `INSERT INTO ${t} (${names})
         SELECT ${values} FROM jsonb_to_recordset($1::jsonb) AS x(${typed})
         WHERE NOT EXISTS (SELECT 1 FROM ${t} s WHERE s.LSH = x.lsh)`,
        [JSON.stringify(records)],
      );
      inserted += res.rowCount ?? 0;
    }
    await db.query('COMMIT');
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
  return inserted;
}
