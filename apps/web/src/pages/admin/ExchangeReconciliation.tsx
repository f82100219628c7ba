import { Alert, DatePicker, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReconciliation } from '../../api/exchange';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
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
