/** Where each role starts, and which pages its menu lists (later pages add their entry here). */
export interface NavEntry {
  path: string;
  /** i18n key of the label. */
  label: string;
}

const PROJECTS: NavEntry = { path: '/projects', label: 'nav.projects' };
const RECTIFICATIONS: NavEntry = { path: '/rectifications', label: 'ratings.nav' };

export const NAV: Record<string, NavEntry[]> = {
  APPLICANT: [
    { path: '/projects', label: 'nav.myProjects' },
    { path: '/projects/new', label: 'nav.newProject' },
    { path: '/mandates', label: 'nav.mandates' },
    RECTIFICATIONS,
  ],
  AGENT: [
    { path: '/projects', label: 'nav.agentProjects' },
    { path: '/projects/new', label: 'nav.newProject' },
    RECTIFICATIONS,
  ],
  WINDOW_OFFICER: [{ path: '/window', label: 'nav.window' }, PROJECTS],
  REVIEWING_OFFICER: [{ path: '/tasks', label: 'nav.tasks' }, PROJECTS],
  DEPARTMENT_HEAD: [
    { path: '/escalations', label: 'nav.escalations' },
    PROJECTS,
    { path: '/statistics', label: 'statistics.nav' },
    RECTIFICATIONS,
  ],
  SUPERVISOR: [
    { path: '/boards', label: 'nav.boards' },
    PROJECTS,
    { path: '/statistics', label: 'statistics.nav' },
    RECTIFICATIONS,
  ],
  ADMIN: [
    { path: '/admin/calendar', label: 'nav.calendar' },
    { path: '/admin/import', label: 'nav.import' },
    PROJECTS,
    { path: '/admin/users', label: 'accounts.navUsers' },
    { path: '/admin/organisations', label: 'accounts.navOrganisations' },
  ],
};

export function homeOf(role: string | undefined): string {
  return NAV[role ?? '']?.[0]?.path ?? '/projects';
}

/** Every signed-in person can change their own password here (forced after an initial one). */
export const PASSWORD_PAGE = '/account/password';
