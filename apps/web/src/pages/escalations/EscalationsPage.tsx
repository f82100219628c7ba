import { Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { KeyTag } from '../../components/KeyTag';
import { ESCALATION_RISKS } from '../../api/enums';
import { useEscalations } from '../../api/queues';
import type { Escalation } from '../../api/types';
import { useSession } from '../../auth/useSession';
import { DataTable } from '../../components/DataTable';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useItemColumns } from '../../components/itemColumns';
import type { ItemTarget } from '../../components/CommandModal';
import { CheckOverdueTag } from './CheckOverdueTag';
import { ExtensionModal } from './ExtensionModal';

/**
 * A head's at-risk and overdue items of the department (the supervisor's: everyone's), with
 * extensions; follow-up checks (核查) past their due date are among the overdue, marked so.
 */
export function Component() {
  const { t } = useTranslation();
  const s = useSession();
  const col = useItemColumns();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const risk = (params.get('risk') ?? undefined) as (typeof ESCALATION_RISKS)[number] | undefined;
  const [extend, setExtend] = useState<ItemTarget | null>(null);
  const list = useEscalations({ risk, page, pageSize: 20 });
  const head = s?.role === 'DEPARTMENT_HEAD';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('escalations.title')}
      </Typography.Title>
      <Select
        aria-label={t('projects.risk')}
        placeholder={t('projects.risk')}
        allowClear
        value={risk}
        style={{ width: 160 }}
        onChange={(v) => setParams(v ? { risk: v } : {})}
        options={ESCALATION_RISKS.map((x) => ({ value: x, label: t(`risk.${x}`) }))}
      />
      <ApiErrorAlert error={list.error} />
      <DataTable<Escalation>
        rowKey="taskId"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('escalations.empty') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: (p) => setParams({ ...(risk ? { risk } : {}), page: String(p) }),
        }}
        columns={[
          col.risk,
          { title: t('items.due'), dataIndex: 'dueDate', render: (d: string | null) => d ?? '—' },
          {
            title: t('items.name'),
            dataIndex: 'itemName',
            render: (n: string, r) => (
              <>
                {n}
                <CheckOverdueTag row={r} />
              </>
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
          col.department,
          col.status,
          ...(head
            ? [
                {
                  title: t('items.action'),
                  key: 'act',
                  // A check has no clock to extend.
                  render: (_: unknown, r: Escalation) =>
                    r.status === 'CHECK_DUE' ? null : (
                      <Button size="small" onClick={() => setExtend(r)}>
                        {t('extension.grant')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {extend && <ExtensionModal {...extend} onClose={() => setExtend(null)} />}
    </Space>
  );
}
