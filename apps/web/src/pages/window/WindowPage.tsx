import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { projectCommands, useProjectCommand } from '../../api/projects';
import { useSubmissions } from '../../api/queues';
import type { CommandInput, StageCode } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { CommandModal, TextField } from '../../components/CommandModal';

interface Pending {
  projectId: string;
  projectName: string;
  stage: StageCode;
  decision: 'ACCEPT' | 'RETURN';
}

/** The window's queue: stage submissions waiting for acceptance, oldest first; accept or return. */
export function Component() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const [open, setOpen] = useState<Pending | null>(null);
  const list = useSubmissions({ status: 'SUBMITTED', page, pageSize: 20 });
  const cmd = useProjectCommand(
    open?.projectId ?? '',
    ({ values, key }: CommandInput<{ reason?: string }>) =>
      projectCommands.decideAcceptance(
        open!.projectId,
        open!.stage,
        { decision: open!.decision, reason: values.reason || undefined },
        key,
      ),
  );
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
                  onClick={() => setOpen({ ...r, decision: 'ACCEPT' })}
                >
                  {t('window.accept')}
                </Button>
                <Button danger size="small" onClick={() => setOpen({ ...r, decision: 'RETURN' })}>
                  {t('window.return')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {open && (
        <CommandModal<{ reason?: string }>
          title={`${open.decision === 'ACCEPT' ? t('window.accept') : t('window.return')} · ${open.projectName} · ${t(`stage.${open.stage}`)}`}
          okDanger={open.decision === 'RETURN'}
          command={cmd}
          onClose={() => setOpen(null)}
          fields={
            <TextField
              name="reason"
              label={t('common.reason')}
              required={open.decision === 'RETURN' ? t('common.reasonRequired') : undefined}
            />
          }
        />
      )}
    </Space>
  );
}
