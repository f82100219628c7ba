/** A project's rows after a write: its snapshot and the history of the events the write added. */
import type { ProjectState, TimelineEvent } from '../../approval/src';
import type { ProjectMasterData } from '../../domain/src';
import { BUILT_IN_FLOW, flowRows, standardCodesOf } from './flow-rows';
import { appendExchangeRows, appendOnce, type Tx } from './outbox';
import {
  historyRows,
  snapshotRows,
  type FlowVersion,
  type HandedInFile,
  type IssuedResult,
} from './rows';

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
    flow: await flowVersion(tx, state.catalogueVersion),
  };
  // The flow's rows go first (a project points at its flow): when the project is created, and
  // on an edit or a re-send (no events), which may give it the code that names its city.
  const flows =
    events.length === 0 || events.some((e) => e.type === 'PROJECT_CREATED')
      ? await appendOnce(tx, state.projectId, flowRows(src, src.flow))
      : 0;
  return (
    flows +
    (await appendExchangeRows(
      tx,
      state.projectId,
      [...snapshotRows(src), ...historyRows(src, events)],
      COMPLETE_TABLES,
    ))
  );
}

/** Published versions never change: their flow version is read once per process. */
const flowVersions = new Map<string, FlowVersion>();

/**
 * The flow version of a catalogue version: its place among its region's published versions.
 * A project from before catalogue versions runs on the built-in catalogue, the first version.
 */
async function flowVersion(tx: Tx, id: string | undefined): Promise<FlowVersion> {
  if (!id) return BUILT_IN_FLOW;
  const known = flowVersions.get(id);
  if (known) return known;
  const [row] = await tx.query<
    { n: string; version: string; effective_from: string | null; items: unknown }[]
  >(
    `SELECT n, version, effective_from, items FROM (
       SELECT id, version, to_char(effective_from, 'YYYY-MM-DD') AS effective_from,
         document->'items' AS items,
         row_number() OVER (PARTITION BY region ORDER BY published_at, id) AS n
       FROM catalogue_versions WHERE status = 'PUBLISHED') v
     WHERE id = $1`,
    [id],
  );
  if (!row) return { number: 1, label: id, effectiveFrom: null };
  const v: FlowVersion = {
    number: Number(row.n),
    label: row.version,
    effectiveFrom: row.effective_from,
    standardCodes: standardCodesOf(Array.isArray(row.items) ? row.items : []),
  };
  flowVersions.set(id, v);
  return v;
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
