import { Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateOrganisation, useOrganisations } from '../../api/admin';
import { ApiErrorAlert, type FieldMap, showFieldErrors } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';

/** The API's fields this page's form shows (a refusal naming one is shown next to it). */
const FIELDS: FieldMap = {
  name: ['name'],
  creditCode: ['creditCode'],
  code: ['code'],
};

interface OrganisationForm {
  name: string;
  creditCode: string;
  code?: string;
}

/** Organisations that own projects, each with its unified social credit code. */
export function Component() {
  const { t } = useTranslation();
  const [form] = Form.useForm<OrganisationForm>();
  const list = useOrganisations();
  const create = useCreateOrganisation();
  useEffect(() => {
    showFieldErrors(form, create.error, FIELDS);
  }, [create.error, form]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('accounts.organisationsTitle')}
      </Typography.Title>
      <ApiErrorAlert error={list.error} />
      <DataTable
        size="small"
        rowKey="code"
        loading={list.isLoading}
        pagination={false}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: t('accounts.orgCode'), dataIndex: 'code', key: 'code' },
          { title: t('accounts.orgName'), dataIndex: 'name', key: 'name' },
          { title: t('accounts.creditCode'), dataIndex: 'creditCode', key: 'creditCode' },
        ]}
      />
      <Card
        size="small"
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('accounts.newOrganisation')}</h2>}
      >
        <Form<OrganisationForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) =>
            !create.isPending &&
            create.mutate(
              { name: v.name, creditCode: v.creditCode, ...(v.code ? { code: v.code } : {}) },
              { onSuccess: () => form.resetFields() },
            )
          }
        >
          <Form.Item
            name="name"
            label={t('accounts.orgName')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="creditCode"
            label={t('accounts.creditCode')}
            extra={t('accounts.creditCodeHint')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Form.Item name="code" label={t('accounts.orgCode')} extra={t('accounts.orgCodeHint')}>
            <Input />
          </Form.Item>
          <ApiErrorAlert error={create.error} fields={FIELDS} />
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('accounts.createOrganisation')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
