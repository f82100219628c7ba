import {
  KeyOutlined,
  LogoutOutlined,
  MailOutlined,
  MenuOutlined,
  UserOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Drawer,
  Dropdown,
  Grid,
  Layout,
  Menu,
  Result,
  Spin,
  Typography,
  theme,
} from 'antd';
import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { useMe } from '../api/account';
import { useDepartments } from '../api/catalog';
import { outage } from '../api/outage';
import { NAV, PASSWORD_PAGE, rolesFor } from '../auth/roles';
import { signOut } from '../auth/sign-out';
import { useSession } from '../auth/useSession';
import { LanguageSwitch } from './LanguageSwitch';
import { NoticeBell } from './NoticeBell';

function OutageBanner() {
  const { t } = useTranslation();
  const down = useSyncExternalStore(outage.subscribe, outage.isDown);
  if (!down) return null;
  return <Alert banner type="warning" showIcon role="alert" message={t('app.outage')} />;
}

export function AppLayout() {
  const { t } = useTranslation();
  const s = useSession();
  const me = useMe();
  const depts = useDepartments();
  const loc = useLocation();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const screens = Grid.useBreakpoint();
  const [drawer, setDrawer] = useState(false);
  const { token } = theme.useToken();
  const nav = NAV[s?.role ?? ''] ?? [];
  const forRoles = rolesFor(loc.pathname);
  const menuItems = nav.map((n) => ({
    key: n.path,
    label: (
      <Link to={n.path} onClick={() => setDrawer(false)}>
        {t(n.label)}
      </Link>
    ),
  }));
  const selected = [...nav]
    .sort((a, b) => b.path.length - a.path.length)
    .find((n) => loc.pathname === n.path || loc.pathname.startsWith(`${n.path}/`));
  // The person's name, then whom they work for: never the login (it carries codes).
  const name = s?.displayName ?? me.data?.displayName ?? s?.username;
  const place =
    me.data?.organisationName ?? (me.data?.department && depts.name(me.data.department));
  const who = place && !name?.includes(place) ? `${name} · ${place}` : name;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          paddingInline: screens.md ? 24 : 12,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Link to="/" style={{ whiteSpace: 'nowrap' }} aria-label={t('app.title')}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {/* A long menu (the administrator's) needs the header's room below 1600 px: there
                the short title, so no entry is folded into an overflow the keyboard can't reach. */}
            {screens.sm && (nav.length <= 6 || screens.xxl) ? t('app.title') : t('app.short')}
          </Typography.Text>
        </Link>
        {screens.md ? (
          <nav aria-label={t('app.navigation')} style={{ flex: 1, minWidth: 0 }}>
            <Menu
              mode="horizontal"
              selectedKeys={selected ? [selected.path] : []}
              items={menuItems}
              style={{ borderBottom: 'none' }}
            />
          </nav>
        ) : (
          <>
            <span style={{ flex: 1 }} />
            <Button
              icon={<MenuOutlined />}
              aria-label={t('app.navigation')}
              onClick={() => setDrawer(true)}
            />
            <Drawer
              open={drawer}
              onClose={() => setDrawer(false)}
              placement="left"
              width={260}
              title={t('app.short')}
            >
              <nav aria-label={t('app.navigation')}>
                <Menu
                  mode="vertical"
                  selectedKeys={selected ? [selected.path] : []}
                  items={menuItems}
                  style={{ border: 'none' }}
                />
              </nav>
            </Drawer>
          </>
        )}
        <LanguageSwitch />
        <NoticeBell />
        <Dropdown
          menu={{
            items: [
              { key: 'who', label: who, disabled: true, icon: <UserOutlined /> },
              { key: 'role', label: t(`role.${s?.role ?? ''}`), disabled: true },
              { key: 'mail', label: t('notices.mailSettings'), icon: <MailOutlined /> },
              { type: 'divider' },
              { key: 'password', label: t('accounts.changePassword'), icon: <KeyOutlined /> },
              { key: 'out', label: t('app.signOut'), icon: <LogoutOutlined /> },
            ],
            onClick: ({ key }) => {
              if (key === 'mail') void navigate('/settings/mail');
              if (key === 'password') void navigate(PASSWORD_PAGE);
              if (key === 'out') {
                signOut();
                void navigate('/login');
              }
            },
          }}
        >
          <Button icon={<UserOutlined />} aria-label={t('app.account')}>
            {screens.md ? name : null}
          </Button>
        </Dropdown>
      </Layout.Header>
      <OutageBanner />
      <Layout.Content
        style={{ padding: screens.md ? 24 : 8, maxWidth: 1400, width: '100%', margin: '0 auto' }}
      >
        <Spin spinning={navigation.state === 'loading'} delay={200}>
          {forRoles && !forRoles.includes(s?.role ?? '') ? (
            <Result
              status="403"
              title={t('people.pageForRoles', {
                roles: forRoles.map((r) => t(`role.${r}`)).join(t('common.separator')),
              })}
              subTitle={t('people.pageForRolesHint', { role: t(`role.${s?.role ?? ''}`) })}
              extra={<Link to="/">{t('app.home')}</Link>}
            />
          ) : (
            <Outlet />
          )}
        </Spin>
      </Layout.Content>
    </Layout>
  );
}
