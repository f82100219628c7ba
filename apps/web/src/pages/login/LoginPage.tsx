import { Alert, Button, Card, Form, Input, Space, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useDemoAccounts, useLogin } from '../../api/account';
import { ApiError } from '../../api/client';
import { PASSWORD_PAGE, homeOf } from '../../auth/roles';
import { type IssuedTokens, session } from '../../auth/session-store';
import { useSession } from '../../auth/useSession';
import { LanguageSwitch } from '../../components/LanguageSwitch';

interface Credentials {
  username: string;
  password: string;
}

/** One sign-in for every role; the embedded default lists its demo accounts here. */
export function LoginPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [form] = Form.useForm<Credentials>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const current = useSession();
  const next = params.get('next');
  const { token } = theme.useToken();
  const demo = useDemoAccounts();
  const login = useLogin();
  const signedIn = (r: IssuedTokens, c: Credentials) => {
    session.issued(c.username, r);
    const target = r.mustChangePassword
      ? PASSWORD_PAGE
      : next && next.startsWith('/') && !next.startsWith('//')
        ? next
        : homeOf(r.role);
    void navigate(target, { replace: true });
  };
  if (current && !login.isPending && !login.isSuccess)
    return <Navigate to={next?.startsWith('/') ? next : homeOf(current.role)} replace />;
  const err = login.error instanceof ApiError ? login.error : null;
  const accounts = demo.data?.items ?? [];
  return (
    <main style={{ minHeight: '100vh', background: token.colorBgLayout, padding: '48px 12px' }}>
      <Space
        direction="vertical"
        size="large"
        style={{ width: '100%', maxWidth: 480, margin: '0 auto', display: 'flex' }}
      >
        <div
          style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}
        >
          <h1 style={{ fontSize: 22, margin: 0 }}>{t('app.title')}</h1>
          <LanguageSwitch />
        </div>
        <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('login.title')}</h2>}>
          {session.hasExpired() && (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('login.again')} />
          )}
          <Form<Credentials>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(v) => login.mutate(v, { onSuccess: signedIn })}
            disabled={login.isPending}
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, message: t('login.usernameRequired') }]}
            >
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            {err && (
              <Alert
                type="error"
                showIcon
                role="alert"
                style={{ marginBottom: 16 }}
                message={
                  err.status === 401
                    ? t('login.wrong')
                    : err.status === 429
                      ? t('login.throttled')
                      : err.message
                }
              />
            )}
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
        {accounts.length > 0 && (
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('login.demoTitle')}</h2>}
            size="small"
          >
            <Typography.Paragraph type="secondary">{t('login.demoHint')}</Typography.Paragraph>
            {[...new Set(accounts.map((a) => a.role))].map((role) => (
              <div key={role} style={{ marginBottom: 8 }}>
                <div style={{ fontWeight: 600, marginBottom: 4 }}>{t(`role.${role}`)}</div>
                <Space size={[4, 4]} wrap>
                  {accounts
                    .filter((a) => a.role === role)
                    .map((a) => (
                      <Button
                        key={a.username}
                        size="small"
                        title={a.displayName}
                        onClick={() =>
                          form.setFieldsValue({ username: a.username, password: 'demo' })
                        }
                      >
                        {a.username}
                        {(en ? a.departmentNameEn : a.departmentName) && (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {en ? a.departmentNameEn : a.departmentName}
                          </Typography.Text>
                        )}
                      </Button>
                    ))}
                </Space>
              </div>
            ))}
          </Card>
        )}
      </Space>
    </main>
  );
}
