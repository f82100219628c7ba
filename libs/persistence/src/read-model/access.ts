/**
 * Who may act for an applicant: delegations (one project), mandates (every project of an
 * organisation) and the specialist the service centre assigned and the owner accepted (one
 * project, ACTIVE only). Read on every request, so a revocation stops an agent at once.
 */
import { DelegationRecord, MandateRecord, UserRecord } from '../entities';
import type { Db } from './db';

export async function agentMayAct(
  db: Db,
  agent: string,
  projectId: string,
  organisation: string,
): Promise<boolean> {
  const rows = await db.query<{ ok: boolean }[]>(
    `SELECT (EXISTS (SELECT 1 FROM delegations WHERE project_id = $1 AND agent_username = $2
               AND revoked_at IS NULL)
          OR EXISTS (SELECT 1 FROM mandates WHERE organisation = $3 AND agent_username = $2
               AND revoked_at IS NULL)
          OR EXISTS (SELECT 1 FROM project_specialists WHERE project_id = $1 AND username = $2
               AND status = 'ACTIVE')) AS ok`,
    [projectId, agent, organisation],
  );
  return rows[0]?.ok === true;
}

/**
 * The organisation an agent acts for on a project: its owner, when the agent holds a delegation
 * of the project or a mandate of the owner in force, or is its active specialist; undefined
 * otherwise (or no such project).
 */
export async function agentActsFor(
  db: Db,
  agent: string,
  projectId: string,
): Promise<string | undefined> {
  const rows = await db.query<{ owner: string }[]>(
    `SELECT p.owner_organisation AS owner FROM projects p
     WHERE p.id = $1 AND (
       EXISTS (SELECT 1 FROM delegations WHERE project_id = p.id AND agent_username = $2
               AND revoked_at IS NULL)
       OR EXISTS (SELECT 1 FROM mandates WHERE organisation = p.owner_organisation
                  AND agent_username = $2 AND revoked_at IS NULL)
       OR EXISTS (SELECT 1 FROM project_specialists WHERE project_id = p.id
                  AND username = $2 AND status = 'ACTIVE'))`,
    [projectId, agent],
  );
  return rows[0]?.owner;
}

export async function hasMandate(db: Db, agent: string, organisation: string): Promise<boolean> {
  const rows = await db.query<{ ok: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM mandates WHERE agent_username = $1 AND organisation = $2
       AND revoked_at IS NULL) AS ok`,
    [agent, organisation],
  );
  return rows[0]?.ok === true;
}

export function findUser(db: Db, username: string): Promise<UserRecord | null> {
  return db.getRepository(UserRecord).findOneBy({ username });
}

/** Every delegation of the project, revoked ones included, in the order granted. */
export function delegationsOf(db: Db, projectId: string): Promise<DelegationRecord[]> {
  return db
    .getRepository(DelegationRecord)
    .find({ where: { projectId }, order: { grantedAt: 'ASC' } });
}

/** Grants unless one is in force; answers the delegation in force and whether it is new. */
export async function grantDelegation(
  db: Db,
  projectId: string,
  agentUsername: string,
  grantedBy: string,
): Promise<{ created: boolean; delegation: DelegationRecord }> {
  const inserted = await db.query<{ id: string }[]>(
    `INSERT INTO delegations (project_id, agent_username, granted_by) VALUES ($1, $2, $3)
     ON CONFLICT (project_id, agent_username) WHERE revoked_at IS NULL DO NOTHING RETURNING id`,
    [projectId, agentUsername, grantedBy],
  );
  const delegation = await db
    .getRepository(DelegationRecord)
    .createQueryBuilder('d')
    .where('d.project_id = :projectId AND d.agent_username = :agentUsername', {
      projectId,
      agentUsername,
    })
    .andWhere('d.revoked_at IS NULL')
    .getOneOrFail();
  return { created: inserted.length > 0, delegation };
}

/** Whether a delegation in force was revoked. */
export async function revokeDelegation(
  db: Db,
  projectId: string,
  agentUsername: string,
  revokedBy: string,
): Promise<boolean> {
  const res = await db.query<[unknown[], number]>(
    `UPDATE delegations SET revoked_at = now(), revoked_by = $3
     WHERE project_id = $1 AND agent_username = $2 AND revoked_at IS NULL`,
    [projectId, agentUsername, revokedBy],
  );
  return res[1] > 0;
}

/** Mandates in the order granted: of one organisation, those in force of one agent, or all. */
export function mandatesOf(
  db: Db,
  of: { organisation: string } | { agent: string } | 'all',
): Promise<MandateRecord[]> {
  const qb = db.getRepository(MandateRecord).createQueryBuilder('m').orderBy('m.granted_at', 'ASC');
  if (of !== 'all' && 'organisation' in of) {
    qb.where('m.organisation = :org', { org: of.organisation });
  } else if (of !== 'all') {
    qb.where('m.agent_username = :agent AND m.revoked_at IS NULL', { agent: of.agent });
  }
  return qb.getMany();
}

/** Grants unless one is in force; answers the mandate in force and whether it is new. */
export async function grantMandate(
  db: Db,
  organisation: string,
  agentUsername: string,
  grantedBy: string,
): Promise<{ created: boolean; mandate: MandateRecord }> {
  const inserted = await db.query<{ id: string }[]>(
    `INSERT INTO mandates (organisation, agent_username, granted_by) VALUES ($1, $2, $3)
     ON CONFLICT (organisation, agent_username) WHERE revoked_at IS NULL DO NOTHING RETURNING id`,
    [organisation, agentUsername, grantedBy],
  );
  const mandate = await db
    .getRepository(MandateRecord)
    .createQueryBuilder('m')
    .where('m.organisation = :org AND m.agent_username = :agentUsername', {
      org: organisation,
      agentUsername,
    })
    .andWhere('m.revoked_at IS NULL')
    .getOneOrFail();
  return { created: inserted.length > 0, mandate };
}

/** Whether a mandate in force was revoked. */
export async function revokeMandate(
  db: Db,
  organisation: string,
  agentUsername: string,
  revokedBy: string,
): Promise<boolean> {
  const res = await db.query<[unknown[], number]>(
    `UPDATE mandates SET revoked_at = now(), revoked_by = $3
     WHERE organisation = $1 AND agent_username = $2 AND revoked_at IS NULL`,
    [organisation, agentUsername, revokedBy],
  );
  return res[1] > 0;
}
