import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type ProjectScope, agentActsFor, agentMayAct } from '../../../../libs/persistence/src';
import type { Principal } from '../auth/principal';

/** The roles that see every project (lists, reports and documents alike). */
const ALL_PROJECTS = new Set(['ADMIN', 'SUPERVISOR', 'WINDOW_OFFICER', 'SERVICE_CENTRE']);
const DEPARTMENT_STAFF = new Set(['REVIEWING_OFFICER', 'DEPARTMENT_HEAD']);

/** What the policy needs to know of a project: its owner and whether it holds a department. */
export interface ProjectAccessFacts {
  id: string;
  ownerOrganisation: string;
  holdsDepartment(department: string): boolean;
}

/**
 * Which projects a person sees, by role, written once for lists, reports, documents, ratings and
 * rectifications: everyone in the service centre and supervision sees all; an applicant its
 * organisation's; an agent those it holds a delegation or mandate of, or is the specialist of
 * with the owner's consent (read on every request, so a revocation stops it at once); a department's officers and head those holding one of its
 * items. A project one may not see is answered 404. What a person may *do* to a project is the
 * workflow's (libs/approval `authorizeActor`); the API gives it the agent's organisation.
 */
@Injectable()
export class AccessPolicy {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The projects a person's lists hold; undefined: none. */
  scopeOf(p: Principal): ProjectScope | undefined {
    if (ALL_PROJECTS.has(p.role)) return { kind: 'all' };
    if (p.role === 'APPLICANT') return { kind: 'organisation', organisation: p.organisation! };
    if (p.role === 'AGENT') return { kind: 'agent', agent: p.username };
    if (DEPARTMENT_STAFF.has(p.role)) return { kind: 'department', department: p.department! };
    return undefined;
  }

  /** Whether the person may see the project (otherwise 404: it may not know it exists). */
  async maySee(p: Principal, project: ProjectAccessFacts): Promise<boolean> {
    const scope = this.scopeOf(p);
    switch (scope?.kind) {
      case 'all':
        return true;
      case 'organisation':
        return project.ownerOrganisation === scope.organisation;
      case 'agent':
        return agentMayAct(this.ds, p.username, project.id, project.ownerOrganisation);
      case 'department':
        return project.holdsDepartment(scope.department);
      default:
        return false;
    }
  }

  /**
   * The organisation a person acts for on the project when it acts as its applicant: its own
   * (applicants; the workflow checks it owns the project), or for an agent the owner it holds a
   * delegation or mandate of — undefined when it holds none (or the project does not exist).
   */
  async actsFor(p: Principal, projectId: string): Promise<string | undefined> {
    if (p.role === 'AGENT') return agentActsFor(this.ds, p.username, projectId);
    return p.organisation ?? undefined;
  }
}
