/**
 * Key projects (重点项目), their specialists (代办专员) and the specialist's plan (migration
 * 1763930000000). Every change bumps the project's `service_seq`, part of the row's version, in
 * the same transaction, so no cached report still shows the old flag or specialist.
 */
import type { Assignment, ProjectState, ServiceNoticeDraft } from '../../../approval/src';
import { PlanRecord, SpecialistRecord, type PlanTarget } from '../entities';
import type { Db } from './db';
import type { DataSource, EntityManager } from 'typeorm';
import { assignmentOf, writeServiceNotices } from './service-notices';

/** The notices of an assignment change, from the assignment by name (nothing when absent). */
export type AssignmentNotices = (a: Assignment) => ServiceNoticeDraft[];

async function notify(
  tx: EntityManager,
  projectId: string,
  specialist: string,
  assignedBy: string,
  notices?: AssignmentNotices,
) {
  if (!notices) return;
  const a = await assignmentOf(tx, projectId, specialist, assignedBy);
  if (a) await writeServiceNotices(tx, projectId, notices(a));
}

export interface KeyFlag {
  reason: string;
  since: Date;
}

export interface SpecialistView {
  username: string;
  displayName: string;
  status: string;
  assignedBy: string;
  assignedAt: Date;
  answeredBy: string | null;
  answeredAt: Date | null;
}

/** What a project's service is now: its key flag and its latest specialist assignment. */
export interface ProjectService {
  key: KeyFlag | null;
  specialist: SpecialistView | null;
}

/** The key flag and the latest specialist of a project (nulls when none). */
export async function projectService(db: Db, projectId: string): Promise<ProjectService> {
  const [row] = await db.query<
    { reason: string | null; since: Date | null; specialist: SpecialistView | null }[]
  >(
    `SELECT p.key_reason AS reason, p.key_since AS since,
       (SELECT json_build_object('username', s.username,
                 'displayName', coalesce(u.display_name, s.username), 'status', s.status,
                 'assignedBy', s.assigned_by, 'assignedAt', s.assigned_at,
                 'answeredBy', s.answered_by, 'answeredAt', s.answered_at)
        FROM project_specialists s LEFT JOIN users u ON u.username = s.username
        WHERE s.project_id = p.id ORDER BY s.assigned_at DESC, s.id LIMIT 1) AS specialist
     FROM projects p WHERE p.id = $1`,
    [projectId],
  );
  return {
    key: row?.reason && row.since ? { reason: row.reason, since: row.since } : null,
    specialist: row?.specialist ?? null,
  };
}

/** The outcome of a change to a project's service, decided on the row locked. */
export type ServiceChange<T> =
  | { outcome: 'missing' }
  | { outcome: 'refused'; state: ProjectState }
  | { outcome: 'done'; value: T; state: ProjectState };

/**
 * Runs `change` in a transaction with the project's row locked (the projection's writes lock it
 * too, so a completion cannot slip between the check and the write); `open` decides from the
 * locked state whether the change may happen. The row's `service_seq` moves with any change.
 */
function changeService<T>(
  ds: DataSource,
  projectId: string,
  open: (state: ProjectState) => boolean,
  change: (tx: EntityManager) => Promise<T>,
): Promise<ServiceChange<T>> {
  return ds.transaction(async (tx) => {
    const [row] = await tx.query<{ state: ProjectState }[]>(
      'SELECT state FROM projects WHERE id = $1 FOR UPDATE',
      [projectId],
    );
    if (!row) return { outcome: 'missing' };
    if (!open(row.state)) return { outcome: 'refused', state: row.state };
    const value = await change(tx);
    await tx.query('UPDATE projects SET service_seq = service_seq + 1 WHERE id = $1', [projectId]);
    return { outcome: 'done', value, state: row.state };
  });
}

const running = (s: ProjectState) => s.status === 'IN_PROGRESS';

/** Flags a running project as key (a new reason replaces the old one; `since` stays). */
export function flagKeyProject(
  ds: DataSource,
  projectId: string,
  reason: string,
  by: string,
): Promise<ServiceChange<KeyFlag>> {
  return changeService(ds, projectId, running, async (tx) => {
    // An UPDATE answers [rows, affected] through TypeORM.
    const [[row]] = await tx.query<[KeyFlag[], number]>(
      `UPDATE projects SET key_reason = $2, key_by = $3, key_since = coalesce(key_since, now())
       WHERE id = $1 RETURNING key_reason AS reason, key_since AS since`,
      [projectId, reason, by],
    );
    return row;
  });
}

/** Removes the flag (whatever the project's state); `value` says whether it was flagged. */
export function unflagKeyProject(
  ds: DataSource,
  projectId: string,
): Promise<ServiceChange<boolean>> {
  return changeService(
    ds,
    projectId,
    () => true,
    async (tx) => {
      const res = await tx.query<[unknown[], number]>(
        `UPDATE projects SET key_reason = NULL, key_by = NULL, key_since = NULL
         WHERE id = $1 AND key_since IS NOT NULL`,
        [projectId],
      );
      return res[1] > 0;
    },
  );
}

/**
 * Proposes `username` as the project's specialist: the current one (proposed or active) of
 * another name is REPLACED; the same name again changes nothing (`created: false`). A new
 * proposal writes `notices` in the same transaction.
 */
export function proposeSpecialist(
  ds: DataSource,
  projectId: string,
  username: string,
  by: string,
  notices?: AssignmentNotices,
): Promise<ServiceChange<{ created: boolean }>> {
  return changeService(ds, projectId, running, async (tx) => {
    const repo = tx.getRepository(SpecialistRecord);
    const current = await repo
      .createQueryBuilder('s')
      .where(`s.project_id = :projectId AND s.status IN ('PROPOSED', 'ACTIVE')`, { projectId })
      .getOne();
    if (current?.username === username) return { created: false };
    if (current) await repo.update({ id: current.id }, { status: 'REPLACED' });
    await repo.insert({ projectId, username, status: 'PROPOSED', assignedBy: by });
    await notify(tx, projectId, username, by, notices);
    return { created: true };
  });
}

/**
 * The owner's answer to a proposal: ACTIVE or DECLINED, with its `notices` in the same
 * transaction; `value` null when none is proposed.
 */
export function answerSpecialist(
  ds: DataSource,
  projectId: string,
  accept: boolean,
  by: string,
  notices?: AssignmentNotices,
): Promise<ServiceChange<SpecialistRecord | null>> {
  return changeService(ds, projectId, running, async (tx) => {
    const [rows] = await tx.query<[{ id: string }[], number]>(
      `UPDATE project_specialists SET status = $2, answered_by = $3, answered_at = now()
       WHERE project_id = $1 AND status = 'PROPOSED' RETURNING id`,
      [projectId, accept ? 'ACTIVE' : 'DECLINED', by],
    );
    if (!rows[0]) return null;
    const answered = await tx.getRepository(SpecialistRecord).findOneByOrFail({ id: rows[0].id });
    await notify(tx, projectId, answered.username, answered.assignedBy, notices);
    return answered;
  });
}

/** Whether `username` is the project's specialist in force (accepted by the owner). */
export async function isActiveSpecialist(
  db: Db,
  username: string,
  projectId: string,
): Promise<boolean> {
  const rows = await db.query<{ ok: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM project_specialists WHERE project_id = $1 AND username = $2
       AND status = 'ACTIVE') AS ok`,
    [projectId, username],
  );
  return rows[0]?.ok === true;
}

export function planOf(db: Db, projectId: string): Promise<PlanRecord | null> {
  return db.getRepository(PlanRecord).findOneBy({ projectId });
}

/** Replaces the project's plan. */
export async function setPlan(
  db: Db,
  projectId: string,
  targets: PlanTarget[],
  by: string,
): Promise<PlanRecord> {
  await db.query(
    `INSERT INTO project_plans (project_id, targets, set_by) VALUES ($1, $2, $3)
     ON CONFLICT (project_id) DO UPDATE SET targets = $2, set_by = $3, set_at = now()`,
    [projectId, JSON.stringify(targets), by],
  );
  return (await planOf(db, projectId))!;
}

/** The agent team (帮办代办专员): agents the service centre may assign, in name order. */
export function agentTeam(db: Db): Promise<{ username: string; displayName: string }[]> {
  return db.query(
    `SELECT username, display_name AS "displayName" FROM users
     WHERE role = 'AGENT' AND agent_team AND NOT disabled ORDER BY username`,
  );
}

/** The specialists the owner accepted, with who assigned them and since when (the timeline's). */
export function acceptedSpecialists(
  db: Db,
  projectId: string,
): Promise<{ username: string; assignedBy: string; answeredAt: Date }[]> {
  return db.query(
    `SELECT username, assigned_by AS "assignedBy", answered_at AS "answeredAt"
     FROM project_specialists WHERE project_id = $1 AND answered_at IS NOT NULL
       AND status IN ('ACTIVE', 'REPLACED') ORDER BY answered_at`,
    [projectId],
  );
}
