import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DelegationRecord,
  MandateRecord,
  delegationsOf,
  findUser,
  grantDelegation,
  grantMandate,
  hasMandate,
  mandatesOf,
  organisationNames,
  revokeDelegation,
  revokeMandate,
} from '../../../../libs/persistence/src';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';

function delegationView(d: DelegationRecord) {
  return {
    projectId: d.projectId,
    agentUsername: d.agentUsername,
    grantedBy: d.grantedBy,
    grantedAt: d.grantedAt,
    ...(d.revokedAt ? { revokedBy: d.revokedBy, revokedAt: d.revokedAt } : {}),
  };
}

function mandateView(m: MandateRecord, names: Map<string, string>) {
  return {
    organisation: m.organisation,
    organisationName: names.get(m.organisation) ?? m.organisation,
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
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  hasMandate(agent: string, organisation: string): Promise<boolean> {
    return hasMandate(this.ds, agent, organisation);
  }

  private async agentOr400(username: string): Promise<void> {
    const user = await findUser(this.ds, username);
    if (!user || user.role !== 'AGENT') {
      throw new BadRequestException(`agentUsername: there is no agent named ${username}`);
    }
  }

  async delegations(projectId: string) {
    return { items: (await delegationsOf(this.ds, projectId)).map(delegationView) };
  }

  /** Grants; granting an active delegation again answers it unchanged (`created: false`). */
  async delegate(owner: Principal, projectId: string, agentUsername: string) {
    await this.agentOr400(agentUsername);
    const { created, delegation } = await grantDelegation(
      this.ds,
      projectId,
      agentUsername,
      owner.username,
    );
    if (created) {
      await this.audit.record(
        {
          action: 'DELEGATION_GRANTED',
          actor: owner.username,
          subject: agentUsername,
          detail: { projectId },
        },
        true,
      );
    }
    return { created, delegation: delegationView(delegation) };
  }

  async revokeDelegation(owner: Principal, projectId: string, agentUsername: string) {
    if (!(await revokeDelegation(this.ds, projectId, agentUsername, owner.username))) {
      throw new NotFoundException(`agent ${agentUsername} holds no delegation of this project`);
    }
    await this.audit.record(
      {
        action: 'DELEGATION_REVOKED',
        actor: owner.username,
        subject: agentUsername,
        detail: { projectId },
      },
      true,
    );
  }

  /** Applicants: their organisation's mandates; agents: their own; supervisors/admins: all. */
  async mandates(p: Principal) {
    const of =
      p.role === 'APPLICANT'
        ? { organisation: p.organisation! }
        : p.role === 'AGENT'
          ? { agent: p.username }
          : ('all' as const);
    const mandates = await mandatesOf(this.ds, of);
    const names = await organisationNames(
      this.ds,
      mandates.map((m) => m.organisation),
    );
    return { items: mandates.map((m) => mandateView(m, names)) };
  }

  async mandate(applicant: Principal, agentUsername: string) {
    await this.agentOr400(agentUsername);
    const { created, mandate } = await grantMandate(
      this.ds,
      applicant.organisation!,
      agentUsername,
      applicant.username,
    );
    if (created) {
      await this.audit.record(
        {
          action: 'MANDATE_GRANTED',
          actor: applicant.username,
          subject: agentUsername,
          detail: { organisation: applicant.organisation },
        },
        true,
      );
    }
    return {
      created,
      mandate: mandateView(mandate, await organisationNames(this.ds, [mandate.organisation])),
    };
  }

  async revokeMandate(applicant: Principal, agentUsername: string) {
    if (
      !(await revokeMandate(this.ds, applicant.organisation!, agentUsername, applicant.username))
    ) {
      throw new NotFoundException(
        `agent ${agentUsername} holds no mandate of ${applicant.organisation}`,
      );
    }
    await this.audit.record(
      {
        action: 'MANDATE_REVOKED',
        actor: applicant.username,
        subject: agentUsername,
        detail: { organisation: applicant.organisation },
      },
      true,
    );
  }
}
