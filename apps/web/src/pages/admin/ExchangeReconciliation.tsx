import { Alert, App, Button, DatePicker, Flex, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReconciliation, useResend } from '../../api/exchange';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { TIME_ZONE } from '../../components/format';
import { useTones } from '../../components/tones';

/**
 * 每日对账: per SPGL table, our rows sent against the staging database's, on the day chosen
 * (today by default) and in all; a table that does not agree is marked.
 */
export function ExchangeReconciliation() {
  const { t } = useTranslation();
  const tones = useTones();
  const [day, setDay] = useState('');
  const r = useReconciliation(day);
  const table = (name: string) => t(`exchange.tables.${name}`, { defaultValue: name });
  return (
    <>
      <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
        {t('exchange.reconciliation')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('exchange.reconciliationHint')}</Typography.Text>
      <Flex wrap gap={8} align="center">
        <DatePicker
          aria-label={t('exchange.day')}
          placeholder={t('exchange.day')}
          allowClear
          value={r.data ? dayjs(r.data.day) : null}
          onChange={(d) => setDay(d ? d.format('YYYY-MM-DD') : '')}
        />
        {r.data && (
          <Alert
            type={r.data.matches ? 'success' : 'error'}
            showIcon
            message={t(r.data.matches ? 'exchange.allMatch' : 'exchange.someMismatch')}
            style={{ padding: '2px 12px' }}
          />
        )}
      </Flex>
      <ApiErrorAlert error={r.error} />
      <RangeResend />
      <DataTable
        size="small"
        rowKey="table"
        pagination={false}
        loading={r.isFetching}
        dataSource={r.data?.tables ?? []}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('exchange.table'), key: 'table', render: (_, x) => table(x.table) },
          { title: t('exchange.sentOnDay'), dataIndex: 'sentOnDay' },
          { title: t('exchange.stagedOnDay'), dataIndex: 'stagedOnDay' },
          { title: t('exchange.sentTotal'), dataIndex: 'sentTotal' },
          { title: t('exchange.stagedTotal'), dataIndex: 'stagedTotal' },
          {
            title: t('exchange.rowState'),
            key: 'matches',
            render: (_, x) =>
              x.matches ? (
                <Tag color={tones.good}>{t('exchange.matches')}</Tag>
              ) : (
                <Tag color={tones.bad}>{t('exchange.mismatch')}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}

/**
 * The re-send of a time range: the rows written in those days (Asia/Shanghai) that were held are
 * checked again and sent when they pass — after a mismatch the reconciliation shows, or once the
 * master data that held them is fixed.
 */
function RangeResend() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const resend = useResend();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const instant = (d: Dayjs, add = 0) =>
    dayjs.tz(d.format('YYYY-MM-DD'), TIME_ZONE).add(add, 'day').toISOString();
  return (
    <Flex wrap gap={8} align="center">
      <DatePicker.RangePicker
        aria-label={t('exchange.range')}
        value={range}
        onChange={(v) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null)}
      />
      <Button
        disabled={!range || resend.isPending}
        loading={resend.isPending}
        onClick={() =>
          range &&
          resend.mutate(
            { from: instant(range[0]), to: instant(range[1], 1) },
            {
              onSuccess: (x) =>
                void message.success(
                  t('exchange.resent', { appended: x.appended, released: x.released }),
                ),
            },
          )
        }
      >
        {t('exchange.resendRange')}
      </Button>
      <ApiErrorAlert error={resend.error} />
    </Flex>
  );
}
