import { defaultCatalog } from '../../../../libs/domain/src';
import { ROLES, Role } from '../../../../libs/persistence/src';

export interface AccountShape {
  role: Role;
  organisation: string | null;
  department: string | null;
}

const DEPARTMENT_ROLES: readonly Role[] = ['REVIEWING_OFFICER', 'DEPARTMENT_HEAD'];

/** Only an agent is on the government's agent team (a specialist the service centre assigns). */
export const agentTeamProblem = (role: Role, agentTeam: boolean | undefined): string | undefined =>
  agentTeam && role !== 'AGENT'
    ? `agentTeam: only an agent is on the agent team, not a ${role}`
    : undefined;

export const isRole = (v: unknown): v is Role =>
  typeof v === 'string' && (ROLES as readonly string[]).includes(v);

/**
 * Role, organisation and department must fit together: an applicant acts for an existing
 * organisation, an officer or head works in a department of the catalogue, and nobody else
 * has either. Answers the problem, naming the field, or undefined.
 */
export async function accountShapeProblem(
  a: AccountShape,
  organisationExists: (code: string) => Promise<boolean>,
  /** A department of a published catalogue version (a region's own); the built-in ones always. */
  departmentExists: (code: string) => Promise<boolean> = () => Promise.resolve(false),
): Promise<string | undefined> {
  if (a.role === 'APPLICANT') {
    if (!a.organisation) return 'organisation: an applicant needs an organisation';
    if (!(await organisationExists(a.organisation))) {
      return `organisation: ${a.organisation} is not a registered organisation`;
    }
  } else if (a.organisation) {
    return `organisation: only an applicant belongs to an organisation, not a ${a.role}`;
  }
  if (DEPARTMENT_ROLES.includes(a.role)) {
    if (!a.department) return `department: a ${a.role} needs a department`;
    if (
      !defaultCatalog.departments.some((d) => d.code === a.department) &&
      !(await departmentExists(a.department))
    ) {
      return `department: ${a.department} is not a department of the catalogue`;
    }
  } else if (a.department) {
    return `department: only reviewing officers and department heads have one, not a ${a.role}`;
  }
  return undefined;
}
