import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDelegations, useGrantDelegation, useRevokeDelegation } from '../../api/agents';
import { useSession } from '../../auth/useSession';
import { AgentGrants } from '../../components/AgentGrants';

/** The owner grants an agent this one project, and revokes it (effective at the agent's next request). */
export function DelegationsPanel({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const s = useSession();
  const list = useDelegations(projectId);
  const grant = useGrantDelegation(projectId);
  const revoke = useRevokeDelegation(projectId);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('delegations.hint')}</Typography.Paragraph>
      <AgentGrants
        grants={list.data?.items ?? []}
        loading={list.isFetching}
        error={grant.error ?? revoke.error ?? list.error}
        editable={s?.role === 'APPLICANT'}
        grantLabel={t('delegations.grant')}
        granting={grant.isPending}
        onGrant={(u, reset) => grant.mutate(u, { onSuccess: reset })}
        onRevoke={(u) => revoke.mutate(u)}
      />
    </>
  );
}
