import { Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { KeyTag } from '../../components/KeyTag';
import { RISKS, TASK_STATUSES } from '../../api/enums';
import { useTasks } from '../../api/queues';
import type { Task } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { useItemColumns } from '../../components/itemColumns';

/** The reviewing officer's queue: the department's items waiting for a decision, earliest due first. */
export function Component() {
  const { t } = useTranslation();
  const col = useItemColumns();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const risk = (params.get('risk') ?? undefined) as (typeof RISKS)[number] | undefined;
  const status = (params.get('status') ?? undefined) as (typeof TASK_STATUSES)[number] | undefined;
  const list = useTasks({ risk, status, page, pageSize: 20 });
  const set = (k: string, v?: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next);
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('tasks.title')}
      </Typography.Title>
      <Space wrap role="search" aria-label={t('projects.filters')}>
        <Select
          aria-label={t('projects.risk')}
          placeholder={t('projects.risk')}
          allowClear
          value={risk}
          onChange={(v) => set('risk', v)}
          style={{ minWidth: 130 }}
          options={RISKS.map((x) => ({ value: x, label: t(`risk.${x}`) }))}
        />
        <Select
          aria-label={t('items.status')}
          placeholder={t('items.status')}
          allowClear
          value={status}
          onChange={(v) => set('status', v)}
          style={{ minWidth: 160 }}
          options={TASK_STATUSES.map((x) => ({ value: x, label: t(`status.${x}`) }))}
        />
      </Space>
      <ApiErrorAlert error={list.error} />
      <DataTable<Task>
        rowKey="taskId"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('tasks.empty') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: (p) => set('page', String(p)),
        }}
        columns={[
          { title: t('items.due'), dataIndex: 'dueDate', render: (d: string | null) => d ?? '—' },
          col.risk,
          {
            title: t('items.name'),
            dataIndex: 'itemName',
            render: (n: string, r) => (
              <Link to={`/tasks/${encodeURIComponent(r.taskId)}`}>{n}</Link>
            ),
          },
          {
            title: t('projects.name'),
            dataIndex: 'projectName',
            render: (n: string, r) => (
              <>
                <Link to={`/projects/${r.projectId}`}>{n}</Link>
                <KeyTag flag={r.key} />
              </>
            ),
          },
          col.status,
        ]}
      />
    </Space>
  );
}
