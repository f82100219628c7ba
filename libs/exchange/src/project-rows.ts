/** A project's rows after a write: its snapshot and the history of the events the write added. */
import type { ProjectState, TimelineEvent } from '../../approval/src';
import type { ProjectMasterData } from '../../domain/src';
import { appendExchangeRows, type Tx } from './outbox';
import { historyRows, snapshotRows, type HandedInFile, type IssuedResult } from './rows';

/**
 * The project's rows after a write of its state (and the timeline events it added), appended
 * in the caller's transaction; the master data is read there (the row is locked).
 */
export async function appendProjectRows(
  tx: Tx,
  state: ProjectState,
  events: readonly TimelineEvent[],
  master?: ProjectMasterData,
): Promise<number> {
  const read = async () => {
    const [row] = await tx.query<{ m: ProjectMasterData | null }[]>(
      'SELECT master_data AS m FROM projects WHERE id = $1',
      [state.projectId],
    );
    return row?.m ?? {};
  };
  const m = master ?? (await read());
  const src = {
    state,
    master: m,
    results: await issuedResults(tx, state),
    files: await handedInFiles(tx, state),
  };
  return appendExchangeRows(
    tx,
    state.projectId,
    [...snapshotRows(src), ...historyRows(src, events)],
    COMPLETE_TABLES,
  );
}

/**
 * The tables whose rows a snapshot lists in full: a row it no longer lists (a unit removed, a
 * result no longer standing, a file taken back) is invalidated.
 */
const COMPLETE_TABLES = ['SPGL_XMDWXXB', 'SPGL_XMSPSXPFWJXXB', 'SPGL_XMQTFJXXB'];

/** The results issued to the project's approved items (read only when one is approved). */
async function issuedResults(tx: Tx, state: ProjectState): Promise<IssuedResult[]> {
  if (!state.items.some((i) => i.status === 'APPROVED')) return [];
  return tx.query<IssuedResult[]>(
    `SELECT item_code AS "itemCode", round, number, to_char(decided_on, 'YYYY-MM-DD') AS "decidedOn"
     FROM item_results WHERE project_id = $1`,
    [state.projectId],
  );
}

/** The files the state holds, by id, with their names (read only when it holds any). */
async function handedInFiles(tx: Tx, state: ProjectState): Promise<Map<string, HandedInFile>> {
  const ids = state.items.flatMap((i) =>
    (i.materials ?? []).flatMap((m) => m.files.map((f) => f.id)),
  );
  if (ids.length === 0) return new Map();
  const rows = await tx.query<HandedInFile[]>(
    `SELECT id, filename, content_type AS "contentType" FROM material_files WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}
