import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatInstant } from '../../components/format';

/** An organisation-wide mandate: the agent acts on every project of the organisation and may create new ones. */
export function Component() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ agentUsername: string }>();
  const list = useQuery({ queryKey: ['mandates'], queryFn: () => call(api.GET('/api/mandates')) });
  const done = () => void qc.invalidateQueries({ queryKey: ['mandates'] });
  const grant = useMutation({
    mutationFn: (agentUsername: string) =>
      call(api.POST('/api/mandates', { body: { agentUsername } })),
    onSuccess: () => {
      form.resetFields();
      done();
    },
  });
  const revoke = useMutation({
    mutationFn: (agentUsername: string) =>
      call(api.DELETE('/api/mandates/{agentUsername}', { params: { path: { agentUsername } } })),
    onSuccess: done,
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 900 }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('mandates.title')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">{t('mandates.hint')}</Typography.Paragraph>
        <Form
          form={form}
          layout="inline"
          onFinish={(v) => !grant.isPending && grant.mutate(v.agentUsername.trim())}
        >
          <Form.Item
            name="agentUsername"
            label={t('delegations.agent')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input autoComplete="off" style={{ width: 200 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={grant.isPending}>
            {t('mandates.grant')}
          </Button>
        </Form>
      </Card>
      <ApiErrorAlert error={grant.error ?? revoke.error ?? list.error} />
      <DataTable
        rowKey={(r) => `${r.agentUsername}-${r.grantedAt}`}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: t('delegations.agent'), dataIndex: 'agentUsername' },
          { title: t('mandates.organisation'), dataIndex: 'organisation' },
          { title: t('delegations.grantedAt'), dataIndex: 'grantedAt', render: formatInstant },
          {
            title: t('delegations.status'),
            key: 'st',
            render: (_, r) =>
              r.revokedAt
                ? t('delegations.revokedAt', { at: formatInstant(r.revokedAt) })
                : t('delegations.active'),
          },
          {
            title: t('items.action'),
            key: 'act',
            render: (_, r) =>
              r.revokedAt ? null : (
                <Popconfirm
                  title={t('delegations.revokeConfirm', { agent: r.agentUsername })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => revoke.mutate(r.agentUsername)}
                >
                  <Button size="small" danger>
                    {t('delegations.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Space>
  );
}
