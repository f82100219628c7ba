import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { CommandModal } from '../../components/CommandModal';
import { useProjectCommand } from '../projects/useProjectCommand';

interface Pending {
  projectId: string;
  projectName: string;
  stage: 'PLAN' | 'START_PERMIT' | 'COMPLETION';
  decision: 'ACCEPT' | 'RETURN';
}

/** The window's queue: stage submissions waiting for acceptance, oldest first; accept or return. */
export function Component() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const [open, setOpen] = useState<Pending | null>(null);
  const list = useQuery({
    queryKey: ['submissions', page],
    queryFn: () =>
      call(
        api.GET('/api/submissions', {
          params: { query: { status: 'SUBMITTED', page, pageSize: 20 } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const cmd = useProjectCommand(
    open?.projectId ?? '',
    ({ p, reason, key }: { p: Pending; reason?: string; key: string }) =>
      call(
        api.POST('/api/projects/{id}/stages/{stage}/acceptance', {
          params: { path: { id: p.projectId, stage: p.stage } },
          headers: { 'Idempotency-Key': key },
          body: { decision: p.decision, reason: reason || undefined },
        }),
      ),
  );
  const start = (p: Pending) => {
    cmd.reset();
    setOpen(p);
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('window.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('window.hint')}</Typography.Text>
      <ApiErrorAlert error={list.error} />
      <DataTable
        rowKey={(r) => `${r.projectId}:${r.stage}`}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: (p) => setParams({ page: String(p) }),
        }}
        locale={{ emptyText: t('window.empty') }}
        columns={[
          {
            title: t('projects.name'),
            dataIndex: 'projectName',
            render: (n: string, r) => <Link to={`/projects/${r.projectId}`}>{n}</Link>,
          },
          {
            title: t('projects.stage'),
            dataIndex: 'stage',
            render: (s: string) => t(`stage.${s}`),
          },
          { title: t('projects.owner'), dataIndex: 'ownerOrganisation' },
          { title: t('window.submittedOn'), dataIndex: 'submittedOn' },
          {
            title: t('items.action'),
            key: 'act',
            render: (_, r) => (
              <Space wrap>
                <Button
                  type="primary"
                  size="small"
                  onClick={() =>
                    start({
                      projectId: r.projectId,
                      projectName: r.projectName,
                      stage: r.stage,
                      decision: 'ACCEPT',
                    })
                  }
                >
                  {t('window.accept')}
                </Button>
                <Button
                  danger
                  size="small"
                  onClick={() =>
                    start({
                      projectId: r.projectId,
                      projectName: r.projectName,
                      stage: r.stage,
                      decision: 'RETURN',
                    })
                  }
                >
                  {t('window.return')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {open && (
        <CommandModal
          open
          title={`${open.decision === 'ACCEPT' ? t('window.accept') : t('window.return')} · ${open.projectName} · ${t(`stage.${open.stage}`)}`}
          field="reason"
          required={open.decision === 'RETURN'}
          okDanger={open.decision === 'RETURN'}
          pending={cmd.isPending}
          error={cmd.error}
          onCancel={() => setOpen(null)}
          onSubmit={(v, key) =>
            cmd.mutate({ p: open, reason: v.reason, key }, { onSuccess: () => setOpen(null) })
          }
        />
      )}
    </Space>
  );
}
