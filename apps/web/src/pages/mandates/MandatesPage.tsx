import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useGrantMandate, useMandates, useRevokeMandate } from '../../api/agents';
import { AgentGrants } from '../../components/AgentGrants';

/** An organisation-wide mandate: the agent acts on every project of the organisation and may create new ones. */
export function Component() {
  const { t } = useTranslation();
  const list = useMandates();
  const grant = useGrantMandate();
  const revoke = useRevokeMandate();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 900 }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('mandates.title')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">{t('mandates.hint')}</Typography.Paragraph>
        <AgentGrants
          grants={list.data?.items ?? []}
          loading={list.isFetching}
          error={grant.error ?? revoke.error ?? list.error}
          editable
          grantLabel={t('mandates.grant')}
          granting={grant.isPending}
          onGrant={(u, reset) => grant.mutate(u, { onSuccess: reset })}
          onRevoke={(u) => revoke.mutate(u)}
          extraColumns={[
            { title: t('mandates.organisation'), key: 'org', render: (m) => m.organisationName },
          ]}
        />
      </Card>
    </Space>
  );
}
