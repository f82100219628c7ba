import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/types';

type Service = Schemas['AgentServiceStatisticsDto'];

const value = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n);
const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

/**
 * Agent service (帮办代办): projects served by a specialist or an agent against those nobody
 * served, and the working days their clocks used against their limits.
 */
export function AgentServiceCard({ service }: { service: Service | undefined }) {
  const { t } = useTranslation();
  const rows = service
    ? (['served', 'notServed'] as const).map((k) => ({ key: k, ...service[k] }))
    : [];
  return (
    <Card
      size="small"
      title={<h3 style={{ fontSize: 15, margin: 0 }}>{t('statistics.agentService.title')}</h3>}
    >
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        loading={!service}
        columns={[
          {
            title: '',
            dataIndex: 'key',
            render: (k: string) => t(`statistics.agentService.${k}`),
          },
          { title: t('statistics.agentService.inProgress'), dataIndex: 'inProgress' },
          { title: t('statistics.agentService.completed'), dataIndex: 'completed' },
          {
            title: t('statistics.agentService.averageUsedDays'),
            dataIndex: 'averageUsedDays',
            render: value,
          },
          {
            title: t('statistics.agentService.averageLimitDays'),
            dataIndex: 'averageLimitDays',
            render: value,
          },
          {
            title: t('statistics.agentService.usedShare'),
            dataIndex: 'usedShare',
            render: percent,
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {service && t('statistics.agentService.bySpecialist', { n: service.bySpecialist })}{' '}
        {t('statistics.agentService.hint')}
      </Typography.Paragraph>
    </Card>
  );
}
