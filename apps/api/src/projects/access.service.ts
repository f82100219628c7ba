import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DelegationRecord, MandateRecord, UserRecord } from '../../../../libs/persistence/src';
import type { Principal } from '../auth/principal';

/** SQL condition: the agent `:agent` holds an active delegation of `p` or a mandate of its owner. */
export const AGENT_SCOPE = `(EXISTS (SELECT 1 FROM delegations d WHERE d.project_id = p.id
    AND d.agent_username = :agent AND d.revoked_at IS NULL)
  OR EXISTS (SELECT 1 FROM mandates m WHERE m.organisation = p.owner_organisation
    AND m.agent_username = :agent AND m.revoked_at IS NULL))`;

function delegationView(d: DelegationRecord) {
  return {
    projectId: d.projectId,
    agentUsername: d.agentUsername,
    grantedBy: d.grantedBy,
    grantedAt: d.grantedAt,
    ...(d.revokedAt ? { revokedBy: d.revokedBy, revokedAt: d.revokedAt } : {}),
  };
}

function mandateView(m: MandateRecord) {
  return {
    organisation: m.organisation,
    agentUsername: m.agentUsername,
    grantedBy: m.grantedBy,
    grantedAt: m.grantedAt,
    ...(m.revokedAt ? { revokedBy: m.revokedBy, revokedAt: m.revokedAt } : {}),
  };
}

/**
 * Who may act for an applicant: agents holding a delegation (one project) or a mandate (every
 * project of the organisation, including new ones). Checked against PostgreSQL on every request,
 * so a revocation stops the agent at once.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async agentMayAct(agent: string, projectId: string, organisation: string): Promise<boolean> {
    const rows = await this.ds.query<{ ok: boolean }[]>(
      `SELECT (EXISTS (SELECT 1 FROM delegations WHERE project_id = $1 AND agent_username = $2
                 AND revoked_at IS NULL)
            OR EXISTS (SELECT 1 FROM mandates WHERE organisation = $3 AND agent_username = $2
                 AND revoked_at IS NULL)) AS ok`,
      [projectId, agent, organisation],
    );
    return rows[0]?.ok === true;
  }

  async hasMandate(agent: string, organisation: string): Promise<boolean> {
    const rows = await this.ds.query<{ ok: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM mandates WHERE agent_username = $1 AND organisation = $2
         AND revoked_at IS NULL) AS ok`,
      [agent, organisation],
    );
    return rows[0]?.ok === true;
  }

  private async agentOr400(username: string): Promise<void> {
    const user = await this.ds.getRepository(UserRecord).findOneBy({ username });
    if (!user || user.role !== 'AGENT') {
      throw new BadRequestException(`agentUsername: there is no agent named ${username}`);
    }
  }

  async delegations(projectId: string) {
    const rows = await this.ds
      .getRepository(DelegationRecord)
      .find({ where: { projectId }, order: { grantedAt: 'ASC' } });
    return { items: rows.map(delegationView) };
  }

  /** Grants; granting an active delegation again answers it unchanged (`created: false`). */
  async delegate(owner: Principal, projectId: string, agentUsername: string) {
    await this.agentOr400(agentUsername);
    const inserted = await this.ds.query<{ id: string }[]>(
      `INSERT INTO delegations (project_id, agent_username, granted_by) VALUES ($1, $2, $3)
       ON CONFLICT (project_id, agent_username) WHERE revoked_at IS NULL DO NOTHING RETURNING id`,
      [projectId, agentUsername, owner.username],
    );
    const row = await this.ds
      .getRepository(DelegationRecord)
      .createQueryBuilder('d')
      .where('d.project_id = :projectId AND d.agent_username = :agentUsername', {
        projectId,
        agentUsername,
      })
      .andWhere('d.revoked_at IS NULL')
      .getOneOrFail();
    return { created: inserted.length > 0, delegation: delegationView(row) };
  }

  async revokeDelegation(owner: Principal, projectId: string, agentUsername: string) {
    const res = await this.ds.query<[unknown[], number]>(
      `UPDATE delegations SET revoked_at = now(), revoked_by = $3
       WHERE project_id = $1 AND agent_username = $2 AND revoked_at IS NULL`,
      [projectId, agentUsername, owner.username],
    );
    if (res[1] === 0) {
      throw new NotFoundException(`agent ${agentUsername} holds no delegation of this project`);
    }
  }

  /** Applicants: their organisation's mandates; agents: their own; supervisors/admins: all. */
  async mandates(p: Principal) {
    const qb = this.ds
      .getRepository(MandateRecord)
      .createQueryBuilder('m')
      .orderBy('m.granted_at', 'ASC');
    if (p.role === 'APPLICANT') qb.where('m.organisation = :org', { org: p.organisation });
    else if (p.role === 'AGENT') {
      qb.where('m.agent_username = :agent AND m.revoked_at IS NULL', { agent: p.username });
    }
    return { items: (await qb.getMany()).map(mandateView) };
  }

  async mandate(applicant: Principal, agentUsername: string) {
    await this.agentOr400(agentUsername);
    const inserted = await this.ds.query<{ id: string }[]>(
      `INSERT INTO mandates (organisation, agent_username, granted_by) VALUES ($1, $2, $3)
       ON CONFLICT (organisation, agent_username) WHERE revoked_at IS NULL DO NOTHING RETURNING id`,
      [applicant.organisation, agentUsername, applicant.username],
    );
    const row = await this.ds
      .getRepository(MandateRecord)
      .createQueryBuilder('m')
      .where('m.organisation = :org AND m.agent_username = :agentUsername', {
        org: applicant.organisation,
        agentUsername,
      })
      .andWhere('m.revoked_at IS NULL')
      .getOneOrFail();
    return { created: inserted.length > 0, mandate: mandateView(row) };
  }

  async revokeMandate(applicant: Principal, agentUsername: string) {
    const res = await this.ds.query<[unknown[], number]>(
      `UPDATE mandates SET revoked_at = now(), revoked_by = $3
       WHERE organisation = $1 AND agent_username = $2 AND revoked_at IS NULL`,
      [applicant.organisation, agentUsername, applicant.username],
    );
    if (res[1] === 0) {
      throw new NotFoundException(
        `agent ${agentUsername} holds no mandate of ${applicant.organisation}`,
      );
    }
  }
}
