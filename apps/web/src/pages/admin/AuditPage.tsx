import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type AuditEvent, type AuditQuery, downloadAudit, useAudit } from '../../api/audit';
import { AUDIT_ACTIONS } from '../../api/enums';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { TIME_ZONE, formatInstant } from '../../components/format';

/**
 * The administrator's audit trail: who signed in, changed an account, granted or revoked an
 * agent, downloaded a file; filtered by person, project, action and time (kept in the URL), and
 * the same events as CSV.
 */
export function Component() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [saving, setSaving] = useState<unknown>(null);
  const query: AuditQuery = {
    username: params.get('username') || undefined,
    project: params.get('project') || undefined,
    action: (params.get('action') || undefined) as AuditQuery['action'],
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    limit: 1000,
  };
  const list = useAudit(query);
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  const actionName = (a: string) => t(`people.audit.actions.${a}`, { defaultValue: a });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('people.audit.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('people.audit.hint')}</Typography.Text>
      <Flex wrap gap={8} role="search" aria-label={t('people.audit.title')}>
        <Input.Search
          aria-label={t('people.audit.person')}
          placeholder={t('people.audit.person')}
          allowClear
          defaultValue={query.username}
          onSearch={(v) => set({ username: v.trim() || undefined })}
          style={{ width: 220 }}
        />
        <Input.Search
          aria-label={t('people.audit.project')}
          placeholder={t('people.audit.project')}
          allowClear
          defaultValue={query.project}
          onSearch={(v) => set({ project: v.trim() || undefined })}
          style={{ width: 320 }}
        />
        <Select
          aria-label={t('people.audit.action')}
          placeholder={t('people.audit.action')}
          allowClear
          showSearch
          optionFilterProp="label"
          value={query.action}
          onChange={(v: string | undefined) => set({ action: v })}
          style={{ minWidth: 180 }}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionName(a) }))}
        />
        <DatePicker.RangePicker
          aria-label={t('people.audit.time')}
          value={
            query.from && query.to
              ? [dayjs(query.from).tz(TIME_ZONE), dayjs(query.to).tz(TIME_ZONE).subtract(1, 'day')]
              : null
          }
          onChange={(r) =>
            set({
              from: r?.[0]
                ? dayjs.tz(r[0].format('YYYY-MM-DD'), TIME_ZONE).toISOString()
                : undefined,
              to: r?.[1]
                ? dayjs.tz(r[1].format('YYYY-MM-DD'), TIME_ZONE).add(1, 'day').toISOString()
                : undefined,
            })
          }
        />
        <Button
          icon={<DownloadOutlined />}
          onClick={() => {
            setSaving(null);
            downloadAudit(query).catch(setSaving);
          }}
        >
          {t('people.audit.csv')}
        </Button>
      </Flex>
      <ApiErrorAlert error={list.error ?? saving} />
      <DataTable<AuditEvent>
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('people.audit.empty') }}
        columns={[
          { title: t('people.audit.at'), key: 'at', render: (_, e) => formatInstant(e.at) },
          {
            title: t('people.audit.action'),
            key: 'action',
            render: (_, e) => actionName(e.action),
          },
          {
            title: t('people.audit.actor'),
            dataIndex: 'actor',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('people.audit.subject'),
            dataIndex: 'subject',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('people.audit.address'),
            dataIndex: 'address',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('people.audit.detail'),
            key: 'detail',
            render: (_, e) => (
              <Typography.Text style={{ fontSize: 12 }}>
                {Object.entries(e.detail)
                  .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
                  .join(' · ')}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Space>
  );
}
