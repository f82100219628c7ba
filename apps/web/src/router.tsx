import { Navigate, createBrowserRouter, useLocation } from 'react-router';
import { type ReactNode, Suspense, lazy } from 'react';
import { PASSWORD_PAGE, homeOf } from './auth/roles';
import { useSession } from './auth/useSession';

// The shell and the sign-in page are chunks of their own too: the first load is React, the
// router and the page it lands on.
const AppLayout = lazy(() =>
  import('./components/AppLayout').then((m) => ({ default: m.AppLayout })),
);
const LoginPage = lazy(() =>
  import('./pages/login/LoginPage').then((m) => ({ default: m.LoginPage })),
);

function RequireAuth({ children }: { children: ReactNode }) {
  const s = useSession();
  const loc = useLocation();
  if (!s) {
    const next = `${loc.pathname}${loc.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  // An initial password: nothing else is open until it is replaced (the API says so too).
  if (s.mustChangePassword && loc.pathname !== PASSWORD_PAGE) {
    return <Navigate to={PASSWORD_PAGE} replace />;
  }
  return children;
}

function Home() {
  return <Navigate to={homeOf(useSession()?.role)} replace />;
}

/** Each page is its own chunk: the first load brings only the shell and the sign-in page. */
const page = (load: () => Promise<{ Component: React.ComponentType }>) => ({ lazy: load });

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Suspense>
          <AppLayout />
        </Suspense>
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Home /> },
      { path: 'projects', ...page(() => import('./pages/projects/ProjectsPage')) },
      { path: 'projects/new', ...page(() => import('./pages/projects/NewProjectPage')) },
      { path: 'projects/:id', ...page(() => import('./pages/projects/ProjectPage')) },
      { path: 'mandates', ...page(() => import('./pages/mandates/MandatesPage')) },
      { path: 'window', ...page(() => import('./pages/window/WindowPage')) },
      {
        path: 'window/:projectId/:stage',
        ...page(() => import('./pages/window/SubmissionPage')),
      },
      { path: 'tasks', ...page(() => import('./pages/tasks/TasksPage')) },
      { path: 'tasks/:taskId', ...page(() => import('./pages/tasks/TaskPage')) },
      { path: 'escalations', ...page(() => import('./pages/escalations/EscalationsPage')) },
      { path: 'boards', ...page(() => import('./pages/boards/BoardsPage')) },
      { path: 'admin/calendar', ...page(() => import('./pages/admin/CalendarPage')) },
      { path: 'admin/import', ...page(() => import('./pages/admin/ImportPage')) },
      { path: 'admin/catalogue', ...page(() => import('./pages/admin/CataloguePage')) },
      { path: 'admin/exchange', ...page(() => import('./pages/admin/ExchangePage')) },
      { path: 'statistics', ...page(() => import('./pages/statistics/StatisticsPage')) },
      { path: 'notices', ...page(() => import('./pages/notices/NoticesPage')) },
      { path: 'settings/mail', ...page(() => import('./pages/settings/MailSettingsPage')) },
      { path: 'admin/organisations', ...page(() => import('./pages/admin/OrganisationsPage')) },
      { path: 'admin/users', ...page(() => import('./pages/admin/UsersPage')) },
      { path: 'admin/audit', ...page(() => import('./pages/admin/AuditPage')) },
      { path: 'account/password', ...page(() => import('./pages/account/PasswordPage')) },
      {
        path: 'rectifications',
        ...page(() => import('./pages/rectifications/RectificationsPage')),
      },
      { path: '*', ...page(() => import('./pages/NotFoundPage')) },
    ],
  },
]);
