import { Card, Col, List, Row, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProjects } from '../../api/projects';
import type { ProjectRow } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ClockGauge } from '../../components/ClockGauge';
import { RiskTag } from '../../components/RiskTag';
import { useNames } from '../../components/names';
import { useRiskColor } from '../../components/tones';

function Board({
  title,
  rows,
  total,
  more,
}: {
  title: string;
  rows: ProjectRow[];
  total: number;
  more: string;
}) {
  const { t } = useTranslation();
  const names = useNames();
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}
      extra={<Link to={more}>{t('boards.all', { n: total })}</Link>}
    >
      <List
        dataSource={rows}
        locale={{ emptyText: t('boards.none') }}
        renderItem={(r) => (
          <List.Item>
            <Space>
              <ClockGauge
                usedDays={r.clock.usedDays}
                limitDays={r.clock.limitDays}
                risk={r.clock.risk}
                size={48}
              />
              <div>
                <Link to={`/projects/${r.id}`}>{r.name}</Link>
                <div>
                  {t(`stage.${r.stage}`)} · {names.organisation(r)} <RiskTag risk={r.clock.risk} />
                </div>
              </div>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The supervisor's boards: overdue projects and projects at risk, with the counts. */
export function Component() {
  const { t } = useTranslation();
  const risk = useRiskColor();
  const overdue = useProjects({ status: 'IN_PROGRESS', pageSize: 10, overdue: true });
  const atRisk = useProjects({ status: 'IN_PROGRESS', pageSize: 10, risk: 'AT_RISK' });
  const running = useProjects({ status: 'IN_PROGRESS', pageSize: 1 });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('boards.title')}
      </Typography.Title>
      <ApiErrorAlert error={overdue.error ?? atRisk.error ?? running.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={8}>
          <Card size="small">
            <Statistic title={t('boards.running')} value={running.data?.total ?? '—'} />
          </Card>
        </Col>
        <Col xs={12} sm={8}>
          <Card size="small">
            <Statistic
              title={t('risk.OVERDUE')}
              value={overdue.data?.total ?? '—'}
              valueStyle={{ color: risk('OVERDUE') }}
            />
          </Card>
        </Col>
        <Col xs={12} sm={8}>
          <Card size="small">
            <Statistic
              title={t('risk.AT_RISK')}
              value={atRisk.data?.total ?? '—'}
              valueStyle={{ color: risk('AT_RISK') }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Board
            title={t('boards.overdue')}
            rows={overdue.data?.items ?? []}
            total={overdue.data?.total ?? 0}
            more="/projects?overdue=true"
          />
        </Col>
        <Col xs={24} lg={12}>
          <Board
            title={t('boards.atRisk')}
            rows={atRisk.data?.items ?? []}
            total={atRisk.data?.total ?? 0}
            more="/projects?risk=AT_RISK"
          />
        </Col>
      </Row>
    </Space>
  );
}
