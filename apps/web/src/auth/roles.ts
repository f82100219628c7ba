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
    // The watch list of every department: items at risk or overdue, overdue checks (核查).
    { path: '/escalations', label: 'nav.escalations' },
    PROJECTS,
    { path: '/statistics', label: 'statistics.nav' },
    RECTIFICATIONS,
  ],
  SERVICE_CENTRE: [PROJECTS, { path: '/statistics', label: 'statistics.nav' }],
  ADMIN: [
    { path: '/admin/calendar', label: 'nav.calendar' },
    { path: '/admin/import', label: 'nav.import' },
    { path: '/admin/catalogue', label: 'nav.catalogue' },
    PROJECTS,
    { path: '/admin/users', label: 'accounts.navUsers' },
    { path: '/admin/organisations', label: 'accounts.navOrganisations' },
    { path: '/admin/audit', label: 'people.audit.nav' },
    { path: '/admin/exchange', label: 'exchange.nav' },
  ],
};

/**
 * The roles a page is for: those whose menu lists it, or the page above it (`/tasks/…` is the
 * officers' as `/tasks` is); null for a page in no menu (the notices, one's own password), which
 * is everyone's. A page is offered only in its roles' menus, and opened by anyone else it says
 * whose it is.
 */
export function rolesFor(pathname: string): string[] | null {
  const entries = Object.entries(NAV).flatMap(([role, list]) =>
    list.map((n) => ({ role, path: n.path })),
  );
  const matching = entries.filter((e) => pathname === e.path || pathname.startsWith(`${e.path}/`));
  if (!matching.length) return null;
  const longest = Math.max(...matching.map((m) => m.path.length));
  return [...new Set(matching.filter((m) => m.path.length === longest).map((m) => m.role))];
}

export function homeOf(role: string | undefined): string {
  return NAV[role ?? '']?.[0]?.path ?? '/projects';
}

/** Every signed-in person can change their own password here (forced after an initial one). */
export const PASSWORD_PAGE = '/account/password';
