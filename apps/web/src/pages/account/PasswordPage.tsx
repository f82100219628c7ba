import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useChangePassword } from '../../api/account';
import { homeOf } from '../../auth/roles';
import { session } from '../../auth/session-store';
import { useSession } from '../../auth/useSession';
import { ApiErrorAlert, type FieldMap, showFieldErrors } from '../../components/ApiErrorAlert';

/** The API's fields this page's form shows (a refusal naming one is shown next to it). */
const FIELDS: FieldMap = {
  currentPassword: ['currentPassword'],
  newPassword: ['newPassword'],
};

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** "Change my password": for everyone, and the only page after signing in with an initial one. */
export function Component() {
  const { t } = useTranslation();
  const [form] = Form.useForm<PasswordForm>();
  const navigate = useNavigate();
  const s = useSession();
  const forced = !!s?.mustChangePassword;
  const change = useChangePassword();
  const done = () => {
    const now = session.get();
    if (now) session.save({ ...now, mustChangePassword: false });
    form.resetFields();
    if (forced) void navigate(homeOf(now?.role), { replace: true });
  };
  useEffect(() => {
    showFieldErrors(form, change.error, FIELDS);
  }, [change.error, form]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 520 }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('accounts.changePassword')}
      </Typography.Title>
      {forced && <Alert type="warning" showIcon message={t('accounts.mustChange')} />}
      {change.isSuccess && (
        <Alert type="success" showIcon role="status" message={t('accounts.passwordChanged')} />
      )}
      <Card size="small">
        <Typography.Paragraph type="secondary">{t('accounts.policy')}</Typography.Paragraph>
        <Form<PasswordForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) =>
            !change.isPending &&
            change.mutate(
              { currentPassword: v.currentPassword, newPassword: v.newPassword },
              { onSuccess: done },
            )
          }
        >
          <Form.Item
            name="currentPassword"
            label={t('accounts.currentPassword')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('accounts.newPassword')}
            rules={[
              { required: true, message: t('common.required') },
              { min: 10, message: t('accounts.tooShort') },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('accounts.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('common.required') },
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  v === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('accounts.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <ApiErrorAlert error={change.error} fields={FIELDS} />
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('accounts.savePassword')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
