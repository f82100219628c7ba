/** A project's master data (migration 1763920000000): read, and edited while it may be. */
import type { DataSource, EntityManager } from 'typeorm';
import type { ProjectState } from '../../../approval/src';
import type { ProjectMasterData } from '../../../domain/src';
import type { Db } from './db';

/** The master data of a project; `{}` when none was given, undefined when there is no project. */
export async function masterDataOf(db: Db, id: string): Promise<ProjectMasterData | undefined> {
  const [row] = await db.query<{ master: ProjectMasterData | null }[]>(
    'SELECT master_data AS master FROM projects WHERE id = $1',
    [id],
  );
  return row ? (row.master ?? {}) : undefined;
}

/** Whether a constraint violation is the project code's uniqueness (a code already taken). */
export const isProjectCodeTaken = (err: unknown): boolean =>
  (err as { code?: string; constraint?: string }).code === '23505' &&
  (err as { constraint?: string }).constraint === 'UQ_projects_project_code';

export type MasterDataEdit =
  | { outcome: 'missing' }
  | { outcome: 'refused'; state: ProjectState }
  | { outcome: 'updated'; master: ProjectMasterData; state: ProjectState };

/**
 * Replaces the fields of `patch` in the project's master data (a field set to null is removed),
 * in one transaction with the row locked: `editable` decides from the locked state (the
 * projection's writes lock the row too, so an acceptance cannot slip between the check and the
 * write). `alsoWrite` runs in the same transaction after the update (the exchange's outbox).
 * Throws the unique violation when the new code is taken (isProjectCodeTaken).
 */
export function editMasterData(
  ds: DataSource,
  id: string,
  patch: { [K in keyof ProjectMasterData]?: ProjectMasterData[K] | null },
  editable: (state: ProjectState) => boolean,
  alsoWrite?: (tx: EntityManager, master: ProjectMasterData, state: ProjectState) => Promise<void>,
): Promise<MasterDataEdit> {
  return ds.transaction(async (tx) => {
    const [row] = await tx.query<{ state: ProjectState; master: ProjectMasterData | null }[]>(
      'SELECT state, master_data AS master FROM projects WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (!row) return { outcome: 'missing' };
    if (!editable(row.state)) return { outcome: 'refused', state: row.state };
    const master: Record<string, unknown> = { ...(row.master ?? {}) };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      if (v === null) delete master[k];
      else master[k] = v;
    }
    const next = master as ProjectMasterData;
    await tx.query(
      `UPDATE projects SET master_data = $2, project_code = $3, master_seq = master_seq + 1
       WHERE id = $1`,
      [id, Object.keys(next).length ? next : null, next.projectCode ?? null],
    );
    await alsoWrite?.(tx, next, row.state);
    return { outcome: 'updated', master: next, state: row.state };
  });
}
