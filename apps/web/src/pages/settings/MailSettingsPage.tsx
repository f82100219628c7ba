import { Alert, Button, Card, Form, Input, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMailSettings, useSaveMailSettings } from '../../api/account';
import { ApiError } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';

interface Values {
  email: string;
  mailNotices: boolean;
}

/** Where the caller's notices are mailed, and whether they are mailed at all. */
export function Component() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const settings = useMailSettings();
  useEffect(() => {
    if (settings.data) {
      form.setFieldsValue({
        email: settings.data.email ?? '',
        mailNotices: settings.data.mailNotices,
      });
    }
  }, [settings.data, form]);
  const save = useSaveMailSettings();
  const fieldError = (field: string) =>
    save.error instanceof ApiError ? save.error.forField(field).join('; ') : '';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 560 }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('mailSettings.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('mailSettings.hint')}</Typography.Text>
      <ApiErrorAlert error={settings.error} />
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          disabled={!settings.data}
          onFinish={(v) =>
            save.mutate({
              email: v.email.trim() === '' ? null : v.email.trim(),
              mailNotices: v.mailNotices,
            })
          }
          onValuesChange={() => save.reset()}
          initialValues={{ email: '', mailNotices: true }}
        >
          <Form.Item
            name="email"
            label={t('mailSettings.email')}
            extra={t('mailSettings.emailHint')}
            validateStatus={fieldError('email') ? 'error' : undefined}
            help={fieldError('email') || undefined}
          >
            <Input type="email" autoComplete="email" maxLength={254} />
          </Form.Item>
          <Form.Item
            name="mailNotices"
            label={t('mailSettings.mailNotices')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('mailSettings.save')}
          </Button>
        </Form>
      </Card>
      {save.isSuccess && (
        <Alert type="success" showIcon role="status" message={t('mailSettings.saved')} />
      )}
    </Space>
  );
}
