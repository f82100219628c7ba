import { Button, Form, Input, Popconfirm, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from './ApiErrorAlert';
import { DataTable } from './DataTable';
import { formatInstant } from './format';
import { useNames } from './names';

export interface Grant {
  agentUsername: string;
  organisation?: string;
  grantedAt: string;
  revokedAt?: string | null;
}

/**
 * Agents granted to act for the applicant (one project's delegations, or the organisation's
 * mandates): grant by username, revoke with a confirmation, the history kept.
 */
export function AgentGrants<G extends Grant>({
  grants,
  loading,
  error,
  editable,
  grantLabel,
  granting,
  onGrant,
  onRevoke,
  extraColumns = [],
}: {
  grants: G[];
  loading: boolean;
  error: unknown;
  editable: boolean;
  grantLabel: ReactNode;
  granting: boolean;
  onGrant: (agentUsername: string, done: () => void) => void;
  onRevoke: (agentUsername: string) => void;
  extraColumns?: { title: ReactNode; key: string; render: (g: G) => ReactNode }[];
}) {
  const { t } = useTranslation();
  const { person } = useNames();
  const [form] = Form.useForm<{ agentUsername: string }>();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {editable && (
        <Form
          form={form}
          layout="inline"
          onFinish={(v) => !granting && onGrant(v.agentUsername.trim(), () => form.resetFields())}
        >
          <Form.Item
            name="agentUsername"
            label={t('delegations.agent')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input autoComplete="off" style={{ width: 200 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={granting}>
            {grantLabel}
          </Button>
        </Form>
      )}
      <ApiErrorAlert error={error} />
      <DataTable<G>
        rowKey={(r) => `${r.agentUsername}-${r.grantedAt}`}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={grants}
        columns={[
          {
            title: t('delegations.agent'),
            dataIndex: 'agentUsername',
            render: (u: string) => person(u),
          },
          ...extraColumns.map((c) => ({
            title: c.title,
            key: c.key,
            render: (_: unknown, g: G) => c.render(g),
          })),
          { title: t('delegations.grantedAt'), dataIndex: 'grantedAt', render: formatInstant },
          {
            title: t('delegations.status'),
            key: 'st',
            render: (_, r) =>
              r.revokedAt
                ? t('delegations.revokedAt', { at: formatInstant(r.revokedAt) })
                : t('delegations.active'),
          },
          ...(editable
            ? [
                {
                  title: t('items.action'),
                  key: 'act',
                  render: (_: unknown, r: G) =>
                    r.revokedAt ? null : (
                      <Popconfirm
                        title={t('delegations.revokeConfirm', { agent: person(r.agentUsername) })}
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => onRevoke(r.agentUsername)}
                      >
                        <Button size="small" danger>
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
