import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useSession } from '../../auth/useSession';
import { DataTable } from '../../components/DataTable';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatInstant } from '../../components/format';

/** The owner grants an agent this one project, and revokes it (effective at the agent's next request). */
export function DelegationsPanel({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const s = useSession();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ agentUsername: string }>();
  const owner = s?.role === 'APPLICANT';
  const list = useQuery({
    queryKey: ['delegations', projectId],
    queryFn: () =>
      call(api.GET('/api/projects/{id}/delegations', { params: { path: { id: projectId } } })),
  });
  const done = () => void qc.invalidateQueries({ queryKey: ['delegations', projectId] });
  const grant = useMutation({
    mutationFn: (agentUsername: string) =>
      call(
        api.POST('/api/projects/{id}/delegations', {
          params: { path: { id: projectId } },
          body: { agentUsername },
        }),
      ),
    onSuccess: () => {
      form.resetFields();
      done();
    },
  });
  const revoke = useMutation({
    mutationFn: (agentUsername: string) =>
      call(
        api.DELETE('/api/projects/{id}/delegations/{agentUsername}', {
          params: { path: { id: projectId, agentUsername } },
        }),
      ),
    onSuccess: done,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('delegations.hint')}</Typography.Paragraph>
      {owner && (
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
            {t('delegations.grant')}
          </Button>
        </Form>
      )}
      <ApiErrorAlert error={grant.error ?? revoke.error ?? list.error} />
      <DataTable
        size="small"
        rowKey={(r) => `${r.agentUsername}-${r.grantedAt}`}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: t('delegations.agent'), dataIndex: 'agentUsername' },
          { title: t('delegations.grantedAt'), dataIndex: 'grantedAt', render: formatInstant },
          {
            title: t('delegations.status'),
            key: 'st',
            render: (_, r) =>
              r.revokedAt
                ? t('delegations.revokedAt', { at: formatInstant(r.revokedAt) })
                : t('delegations.active'),
          },
          ...(owner
            ? [
                {
                  title: t('items.action'),
                  key: 'act',
                  render: (_: unknown, r: { agentUsername: string; revokedAt?: string | null }) =>
                    r.revokedAt ? null : (
                      <Popconfirm
                        title={t('delegations.revokeConfirm', { agent: r.agentUsername })}
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => revoke.mutate(r.agentUsername)}
                      >
                        <Button
                          size="small"
                          danger
                          loading={revoke.isPending && revoke.variables === r.agentUsername}
                        >
                          {t('delegations.revoke')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
