import { App, Button, Descriptions, Flex, Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  type ExchangeRow,
  useExchangeRows,
  useExchangeStatus,
  useResend,
} from '../../api/exchange';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { formatInstant } from '../../components/format';
import { type Tone, useTones } from '../../components/tones';
import { ExchangeReconciliation } from './ExchangeReconciliation';

const STATE_TONE: Record<string, Tone> = { SENT: 'good', WAITING: 'info', HELD: 'bad' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The exchange with the provincial / national platform (数据共享交换): per SPGL table the rows
 * sent, waiting and held; one project's rows with why any is held, and its re-send.
 */
export function Component() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tones = useTones();
  const [params, setParams] = useSearchParams();
  const projectId = params.get('project') ?? '';
  const valid = UUID.test(projectId);
  const status = useExchangeStatus();
  const rows = useExchangeRows({ projectId: valid ? projectId : undefined }, valid);
  const resend = useResend();
  const table = (name: string) => t(`exchange.tables.${name}`, { defaultValue: name });
  const s = status.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('exchange.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('exchange.hint')}</Typography.Text>
      <ApiErrorAlert error={status.error ?? resend.error} />
      {s && (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 3 }}
            items={[
              {
                key: 'on',
                label: t('exchange.state'),
                children: s.enabled ? (
                  <Tag color={tones.good}>{t('exchange.on')}</Tag>
                ) : (
                  <Tag>{t('exchange.off')}</Tag>
                ),
              },
              {
                key: 'last',
                label: t('exchange.lastSentAt'),
                children: s.lastSentAt ? formatInstant(s.lastSentAt) : '—',
              },
              {
                key: 'oldest',
                label: t('exchange.oldestWaitingAt'),
                children: s.oldestWaitingAt ? formatInstant(s.oldestWaitingAt) : '—',
              },
            ]}
          />
          <DataTable
            size="small"
            rowKey="table"
            pagination={false}
            dataSource={s.tables}
            columns={[
              { title: t('exchange.table'), key: 'table', render: (_, r) => table(r.table) },
              { title: t('exchange.SENT'), dataIndex: 'sent' },
              { title: t('exchange.WAITING'), dataIndex: 'waiting' },
              { title: t('exchange.HELD'), dataIndex: 'held' },
            ]}
          />
        </>
      )}
      {s?.enabled && <ExchangeReconciliation />}
      <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
        {t('exchange.projectRows')}
      </Typography.Title>
      <Flex wrap gap={8} role="search" aria-label={t('exchange.projectRows')}>
        <Input.Search
          aria-label={t('exchange.projectId')}
          placeholder={t('exchange.projectId')}
          allowClear
          defaultValue={projectId}
          onSearch={(v) => setParams(v.trim() ? { project: v.trim() } : {})}
          style={{ width: 360 }}
          status={projectId && !valid ? 'error' : undefined}
        />
        <Button
          disabled={!valid || resend.isPending}
          loading={resend.isPending}
          onClick={() =>
            resend.mutate(
              { projectId },
              {
                onSuccess: (r) =>
                  void message.success(
                    t('exchange.resent', { appended: r.appended, released: r.released }),
                  ),
              },
            )
          }
        >
          {t('exchange.resend')}
        </Button>
      </Flex>
      {projectId && !valid && (
        <Typography.Text type="danger">{t('exchange.badId')}</Typography.Text>
      )}
      <ApiErrorAlert error={rows.error} />
      {valid && (
        <DataTable<ExchangeRow>
          size="small"
          rowKey={(r) => `${String(r.row.LSH)}`}
          loading={rows.isFetching}
          dataSource={rows.data?.items ?? []}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('exchange.empty') }}
          columns={[
            { title: t('exchange.table'), key: 'table', render: (_, r) => table(r.table) },
            { title: t('exchange.key'), dataIndex: 'key' },
            {
              title: t('exchange.rowState'),
              key: 'state',
              render: (_, r) => (
                <Tag color={tones[STATE_TONE[r.state]]}>{t(`exchange.${r.state}`)}</Tag>
              ),
            },
            {
              title: t('exchange.validity'),
              key: 'valid',
              render: (_, r) =>
                r.row.SJYXBS === 0
                  ? `${t('exchange.invalid')}（${typeof r.row.SJWXYY === 'string' ? r.row.SJWXYY : ''}）`
                  : t('exchange.valid'),
            },
            {
              title: t('exchange.error'),
              dataIndex: 'error',
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('exchange.sentAt'),
              key: 'sentAt',
              render: (_, r) => (r.sentAt ? formatInstant(r.sentAt) : '—'),
            },
          ]}
        />
      )}
    </Space>
  );
}
