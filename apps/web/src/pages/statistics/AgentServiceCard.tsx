import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/types';

type Service = Schemas['AgentServiceStatisticsDto'];

const FIGURES = [
  'inProgress',
  'completed',
  'averageUsedDays',
  'averageLimitDays',
  'usedShare',
] as const;

const shown = (key: (typeof FIGURES)[number], v: number | null | undefined) =>
  v === null || v === undefined ? '—' : key === 'usedShare' ? `${Math.round(v * 1000) / 10}%` : v;

/**
 * Agent service (帮办代办): projects served by a specialist or an agent against those nobody
 * served, and the working days their clocks used against their limits.
 */
export function AgentServiceCard({ service }: { service: Service | undefined }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={<h3 style={{ fontSize: 15, margin: 0 }}>{t('statistics.agentService.title')}</h3>}
    >
      <Row gutter={[16, 16]}>
        {(['served', 'notServed'] as const).map((group) => (
          <Col key={group} xs={24} lg={12}>
            <Card
              size="small"
              type="inner"
              title={
                <h4 style={{ fontSize: 14, margin: 0 }}>{t(`statistics.agentService.${group}`)}</h4>
              }
            >
              <Row gutter={[12, 12]}>
                {FIGURES.map((key) => (
                  <Col key={key} xs={12} sm={8}>
                    <Statistic
                      title={t(`statistics.agentService.${key}`)}
                      value={shown(key, service?.[group][key])}
                    />
                  </Col>
                ))}
              </Row>
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {service && t('statistics.agentService.bySpecialist', { n: service.bySpecialist })}{' '}
        {t('statistics.agentService.hint')}
      </Typography.Paragraph>
    </Card>
  );
}
