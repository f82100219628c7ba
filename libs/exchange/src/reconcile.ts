/**
 * The daily reconciliation (对账): per SPGL table, the rows we marked sent against the rows the
 * staging database holds — on one day (our delivery time against its SCSJ, in the calendar's
 * time zone) and in all. A row lost on the way shows as fewer staged; a row doubled as more.
 */
import type { ClientBase } from 'pg';
import type { Tx } from './outbox';
import { SPGL_TABLES, type SpglTable } from './rows';

export interface TableReconciliation {
  table: SpglTable;
  sentOnDay: number;
  stagedOnDay: number;
  sentTotal: number;
  stagedTotal: number;
  matches: boolean;
}

export interface Reconciliation {
  day: string;
  timeZone: string;
  tables: TableReconciliation[];
  matches: boolean;
}

/** Ours and the staging database's counts; `staging` is a connected client of the latter. */
export async function reconcile(
  ours: Tx,
  staging: Pick<ClientBase, 'query'>,
  day: string,
  timeZone: string,
): Promise<Reconciliation> {
  const sent = await ours.query<{ table_name: string; on_day: number; total: number }[]>(
    `SELECT table_name,
       count(*) FILTER (WHERE (sent_at AT TIME ZONE $2)::date = $1::date)::int AS on_day,
       count(*)::int AS total
     FROM exchange_outbox WHERE state = 'SENT' GROUP BY 1`,
    [day, timeZone],
  );
  const tables: TableReconciliation[] = [];
  for (const table of SPGL_TABLES) {
    const present = await staging.query<{ t: string | null }>(`SELECT to_regclass($1) AS t`, [
      table.toLowerCase(),
    ]);
    const staged = present.rows[0]?.t
      ? (
          await staging.query<{ on_day: number; total: number }>(
            `SELECT count(*) FILTER (WHERE (SCSJ AT TIME ZONE $2)::date = $1::date)::int AS on_day,
               count(*)::int AS total FROM ${table}`,
            [day, timeZone],
          )
        ).rows[0]
      : { on_day: 0, total: 0 };
    const mine = sent.find((s) => s.table_name === table);
    const row = {
      table,
      sentOnDay: mine?.on_day ?? 0,
      stagedOnDay: staged.on_day,
      sentTotal: mine?.total ?? 0,
      stagedTotal: staged.total,
    };
    tables.push({ ...row, matches: row.sentTotal === row.stagedTotal });
  }
  return { day, timeZone, tables, matches: tables.every((t) => t.matches) };
}
