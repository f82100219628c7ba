/** A project's rows after a write: its snapshot and the history of the events the write added. */
import type { ProjectState, TimelineEvent } from '../../approval/src';
import type { ProjectMasterData } from '../../domain/src';
import { appendExchangeRows, type Tx } from './outbox';
import { historyRows, snapshotRows } from './rows';

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
  const src = { state, master: m };
  return appendExchangeRows(tx, state.projectId, [
    ...snapshotRows(src),
    ...historyRows(src, events),
  ]);
}
