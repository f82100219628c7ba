/**
 * Delivers the outbox to the staging database, a batch at a time, in id order: the rules first
 * (rules.ts: a failing row is held with its code), then the rows that pass in one staging
 * transaction keyed by LSH (staging.ts), then — in the outbox's transaction, which holds the
 * batch's rows locked — they are marked sent. A staging database that is down rolls the batch
 * back (the rows stay waiting and the next tick tries again); a sender killed between the two
 * commits sends the batch again and the keyed insert skips what arrived. One sender at a time
 * (an advisory lock): several workers may run one each.
 */
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { HOLD } from './codes';
import type { Tx } from './outbox';
import type { SpglFields, SpglTable } from './rows';
import { OF_INSTANCE, markSent, ruleViolation, type Sent } from './rules';
import { ensureStagingTables, insertIntoStaging, type Delivery } from './staging';

/** The advisory lock of the sender (any number; the product's only one of this value). */
const SENDER_LOCK = 2_817_028;

export interface BatchResult {
  /** Another sender holds the lock: this one did nothing. */
  busy?: boolean;
  sent: number;
  held: number;
  /** Rows new in the staging database (fewer than `sent` when a batch is delivered again). */
  inserted: number;
}

interface OutboxRow {
  id: string;
  project_id: string;
  table_name: SpglTable;
  dfsjzj: string;
  fields: SpglFields;
}

export class ExchangeSender {
  private readonly staging: Pool;
  private tablesReady = false;

  constructor(
    private readonly ds: DataSource,
    stagingUrl: string,
    private readonly opts: { batchSize: number; notifyUrl?: string } = { batchSize: 500 },
  ) {
    this.staging = new Pool({
      connectionString: stagingUrl,
      max: 1,
      connectionTimeoutMillis: 5000,
    });
    // A staging database that goes away is the next batch's error, not the process's.
    this.staging.on('error', () => undefined);
  }

  /** One batch; resolves with what it did, rejects when the staging database is unreachable. */
  async sendBatch(): Promise<BatchResult> {
    const staging = await this.staging.connect();
    // A checked-out client has no pool listener: a staging database that drops it between two
    // queries would emit an unhandled 'error' and end the process. Keep it, and destroy the
    // client on release so the next batch connects afresh.
    let broken: Error | undefined;
    const onError = (e: Error) => {
      broken = e;
    };
    staging.on('error', onError);
    try {
      if (!this.tablesReady) {
        await ensureStagingTables(staging);
        this.tablesReady = true;
      }
      const result = await this.ds.transaction(async (tx) => {
        const [{ locked }] = await tx.query<{ locked: boolean }[]>(
          'SELECT pg_try_advisory_xact_lock($1) AS locked',
          [SENDER_LOCK],
        );
        if (!locked) return { busy: true, sent: 0, held: 0, inserted: 0 };
        const rows = await tx.query<OutboxRow[]>(
          // By the bigint id (the text alias would sort "10" before "2").
          `SELECT o.id::text AS id, project_id, table_name, dfsjzj, fields FROM exchange_outbox o
           WHERE state = 'WAITING' ORDER BY o.id LIMIT $1 FOR UPDATE`,
          [this.opts.batchSize],
        );
        if (rows.length === 0) return { sent: 0, held: 0, inserted: 0 };
        const filled = await fillProjectCodes(tx, rows);
        const sent = await sentBefore(tx, rows);
        const ok: Delivery[] = [];
        const held: { id: string; error: string }[] = [];
        for (const r of rows) {
          const rule = { projectId: r.project_id, table: r.table_name, fields: r.fields };
          const why = ruleViolation(rule, sent);
          if (why) held.push({ id: r.id, error: why });
          else {
            markSent(rule, sent);
            ok.push({ lsh: r.id, table: r.table_name, dfsjzj: r.dfsjzj, fields: r.fields });
          }
        }
        const inserted = await insertIntoStaging(staging, ok);
        await tx.query(
          `UPDATE exchange_outbox SET state = 'SENT', sent_at = now(), error = NULL
           WHERE id = ANY($1::bigint[])`,
          [ok.map((d) => d.lsh)],
        );
        if (held.length)
          await tx.query(
            `UPDATE exchange_outbox o SET state = 'HELD', error = h.error
             FROM unnest($1::bigint[], $2::text[]) AS h(id, error) WHERE o.id = h.id`,
            [held.map((h) => h.id), held.map((h) => h.error)],
          );
        if (filled.length)
          await tx.query(
            `UPDATE exchange_outbox o SET fields = f.fields::jsonb
             FROM unnest($1::bigint[], $2::text[]) AS f(id, fields) WHERE o.id = f.id`,
            [filled.map((r) => r.id), filled.map((r) => JSON.stringify(r.fields))],
          );
        await releaseHeld(tx, ok, rows);
        return { sent: ok.length, held: held.length, inserted };
      });
      if (result.sent > 0) await this.notify();
      return result;
    } catch (e) {
      broken ??= e instanceof Error ? e : new Error(String(e));
      throw e;
    } finally {
      staging.off('error', onError);
      staging.release(broken);
    }
  }

  /** Batches until none is waiting (or `max` batches ran). */
  async drain(max = 100): Promise<BatchResult> {
    const total: BatchResult = { sent: 0, held: 0, inserted: 0 };
    for (let n = 0; n < max; n++) {
      const r = await this.sendBatch();
      total.sent += r.sent;
      total.held += r.held;
      total.inserted += r.inserted;
      if (r.busy || r.sent + r.held === 0) break;
    }
    return total;
  }

  /** The province's 数据同步通知 (HTTP GET) after rows arrived; a failure is only reported. */
  private async notify(): Promise<void> {
    if (!this.opts.notifyUrl) return;
    await fetch(this.opts.notifyUrl, { signal: AbortSignal.timeout(5000) }).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.staging.end();
  }
}

/**
 * A row written before its project had a code (the code was added to the master data later)
 * takes the project's codes from the project row's newest version, at delivery; the outbox row
 * is updated to what is sent. Returns the rows filled.
 */
async function fillProjectCodes(tx: Tx, rows: OutboxRow[]): Promise<OutboxRow[]> {
  // The flow's rows (SPGL_DF…) are the city's: they carry no project code.
  const lacking = rows.filter(
    (r) => r.table_name !== 'SPGL_XMJBXXB' && !r.table_name.startsWith('SPGL_DF') && !r.fields.GCDM,
  );
  if (lacking.length === 0) return [];
  const projects = await tx.query<{ project_id: string; fields: SpglFields }[]>(
    `SELECT project_id, fields FROM exchange_latest
     WHERE table_name = 'SPGL_XMJBXXB' AND project_id = ANY($1::uuid[])`,
    [[...new Set(lacking.map((r) => r.project_id))]],
  );
  const byProject = new Map(projects.map((p) => [p.project_id, p.fields]));
  const filled: OutboxRow[] = [];
  for (const r of lacking) {
    const p = byProject.get(r.project_id);
    if (!p?.GCDM) continue;
    r.fields = { ...r.fields, GCDM: p.GCDM, XZQHDM: r.fields.XZQHDM ?? p.XZQHDM };
    if ('XMDM' in r.fields) r.fields.XMDM = p.XMDM;
    filled.push(r);
  }
  return filled;
}

/** What the batch's projects had sent before it. */
async function sentBefore(tx: Tx, rows: OutboxRow[]): Promise<Sent> {
  const projects = [...new Set(rows.map((r) => r.project_id))];
  const instances = [
    ...new Set(
      rows.filter((r) => OF_INSTANCE.has(r.table_name)).map((r) => String(r.fields.SPSXSLBM)),
    ),
  ];
  const p = await tx.query<{ project_id: string }[]>(
    `SELECT DISTINCT project_id FROM exchange_outbox
     WHERE table_name = 'SPGL_XMJBXXB' AND state = 'SENT' AND project_id = ANY($1::uuid[])`,
    [projects],
  );
  const i = await tx.query<{ dfsjzj: string }[]>(
    `SELECT dfsjzj FROM exchange_outbox
     WHERE table_name = 'SPGL_XMSPSXBLXXB' AND state = 'SENT' AND dfsjzj = ANY($1::text[])`,
    [instances],
  );
  const h = await tx.query<{ k: string; at: string }[]>(
    `SELECT fields->>'SPSXSLBM' AS k, max(fields->>'BLSJ') AS at FROM exchange_outbox
     WHERE table_name = 'SPGL_XMSPSXBLXXXXB' AND state = 'SENT' AND project_id = ANY($1::uuid[])
       AND fields->>'SPSXSLBM' = ANY($2::text[])
     GROUP BY 1`,
    [projects, instances],
  );
  return {
    projects: new Set(p.map((r) => r.project_id)),
    instances: new Set(i.map((r) => r.dfsjzj)),
    lastHistoryAt: new Map(h.map((r) => [r.k, r.at])),
  };
}

/**
 * Rows held only because their project row or item instance was not sent yet wait again once
 * it is (they are checked again in id order by the next batch).
 */
async function releaseHeld(tx: Tx, ok: Delivery[], rows: OutboxRow[]): Promise<void> {
  const projectOf = new Map(rows.map((r) => [r.id, r.project_id]));
  const projects = ok.filter((d) => d.table === 'SPGL_XMJBXXB').map((d) => projectOf.get(d.lsh)!);
  const instances = ok.filter((d) => d.table === 'SPGL_XMSPSXBLXXB').map((d) => d.dfsjzj);
  if (projects.length)
    await tx.query(
      `UPDATE exchange_outbox SET state = 'WAITING', error = NULL
       WHERE state = 'HELD' AND error LIKE $2 AND project_id = ANY($1::uuid[])`,
      [projects, `${HOLD.PROJECT_NOT_SENT} %`],
    );
  if (instances.length)
    await tx.query(
      `UPDATE exchange_outbox SET state = 'WAITING', error = NULL
       WHERE state = 'HELD' AND error LIKE $2 AND fields->>'SPSXSLBM' = ANY($1::text[])`,
      [instances, `${HOLD.INSTANCE_NOT_SENT} %`],
    );
}
