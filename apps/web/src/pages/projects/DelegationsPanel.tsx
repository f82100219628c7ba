import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useSession } from '../../auth/useSession';
import { AgentGrants } from '../../components/AgentGrants';

/** The owner grants an agent this one project, and revokes it (effective at the agent's next request). */
export function DelegationsPanel({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const s = useSession();
  const qc = useQueryClient();
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
    onSuccess: done,
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
