/** What the admin reads of the exchange, and the re-send: SQL over the outbox. */
import type { DataSource } from 'typeorm';
import type { ProjectState } from '../../approval/src';
import type { ProjectMasterData } from '../../domain/src';
import { appendProjectRows } from './project-rows';
import { SPGL_TABLES, type SpglFields } from './rows';

export type RowState = 'WAITING' | 'SENT' | 'HELD';

export interface ExchangeStatus {
  tables: { table: string; sent: number; waiting: number; held: number }[];
  lastSentAt: string | null;
  oldestWaitingAt: string | null;
}

/** Counts per table and state, the last delivery and the oldest row still waiting. */
export async function exchangeStatus(ds: DataSource): Promise<ExchangeStatus> {
  const counts = await ds.query<{ table_name: string; state: RowState; n: number }[]>(
    `SELECT table_name, state, count(*)::int AS n FROM exchange_outbox GROUP BY 1, 2`,
  );
  const [times] = await ds.query<{ last_sent: Date | null; oldest: Date | null }[]>(
    `SELECT (SELECT max(sent_at) FROM exchange_outbox WHERE state = 'SENT') AS last_sent,
            (SELECT min(created_at) FROM exchange_outbox WHERE state = 'WAITING') AS oldest`,
  );
  const n = (t: string, s: RowState) =>
    counts.find((c) => c.table_name === t && c.state === s)?.n ?? 0;
  return {
    tables: SPGL_TABLES.map((t) => ({
      table: t,
      sent: n(t, 'SENT'),
      waiting: n(t, 'WAITING'),
      held: n(t, 'HELD'),
    })),
    lastSentAt: times.last_sent?.toISOString() ?? null,
    oldestWaitingAt: times.oldest?.toISOString() ?? null,
  };
}

export interface ExchangeRow {
  table: string;
  key: string;
  state: RowState;
  error: string | null;
  sentAt: string | null;
  row: Record<string, unknown>;
}

/** A project's rows (or a table's), oldest first, as sent: LSH and DFSJZJ, then the fields. */
export async function exchangeRows(
  ds: DataSource,
  f: { projectId?: string; table?: string; limit: number },
): Promise<ExchangeRow[]> {
  const rows = await ds.query<
    {
      id: string;
      table_name: string;
      dfsjzj: string;
      state: RowState;
      error: string | null;
      sent_at: Date | null;
      fields: SpglFields;
    }[]
  >(
    `SELECT o.id::text AS id, table_name, dfsjzj, state, error, sent_at, fields
     FROM exchange_outbox o
     WHERE ($1::uuid IS NULL OR project_id = $1) AND ($2::text IS NULL OR table_name = $2)
     ORDER BY o.id LIMIT $3`,
    [f.projectId ?? null, f.table ?? null, f.limit],
  );
  return rows.map((r) => ({
    table: r.table_name,
    key: r.dfsjzj,
    state: r.state,
    error: r.error,
    sentAt: r.sent_at?.toISOString() ?? null,
    row: { LSH: r.id, DFSJZJ: r.dfsjzj, ...r.fields },
  }));
}

/**
 * Re-send: a project's rows are made again from its state (any the outbox lacks, e.g. a project
 * from before the exchange was on, are appended) and its held rows wait again; or the held rows
 * of a time range wait again. Returns how many rows were appended and how many released.
 */
export async function resendExchange(
  ds: DataSource,
  by: { projectId: string } | { from: string; to: string },
): Promise<{ appended: number; released: number } | undefined> {
  return ds.transaction(async (tx) => {
    let appended = 0;
    if ('projectId' in by) {
      const [p] = await tx.query<{ state: ProjectState; master_data: ProjectMasterData | null }[]>(
        'SELECT state, master_data FROM projects WHERE id = $1 FOR UPDATE',
        [by.projectId],
      );
      if (!p) return undefined;
      appended = await appendProjectRows(tx, p.state, [], p.master_data ?? {});
    }
    const released = await tx.query<[unknown[], number]>(
      'projectId' in by
        ? `UPDATE exchange_outbox SET state = 'WAITING', error = NULL
           WHERE state = 'HELD' AND project_id = $1 RETURNING 1`
        : `UPDATE exchange_outbox SET state = 'WAITING', error = NULL
           WHERE state = 'HELD' AND created_at >= $1 AND created_at < $2 RETURNING 1`,
      'projectId' in by ? [by.projectId] : [by.from, by.to],
    );
    return { appended, released: released[1] };
  });
}
