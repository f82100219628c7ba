import {
  Breadcrumb,
  Card,
  Col,
  Collapse,
  Descriptions,
  Grid,
  Result,
  Row,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useProject, useTimeline } from '../../api/projects';
import { useSession } from '../../auth/useSession';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { StatusTag } from '../../components/RiskTag';
import { TimelineList } from '../../components/TimelineList';
import { useNames } from '../../components/names';
import { ActionsPanel } from './ActionsPanel';
import { ClockPanel } from './ClockPanel';
import { ContactField } from './ContactField';
import { DangerZone } from './DangerZone';
import { DelegationsPanel } from './DelegationsPanel';
import { DocumentsPanel } from './DocumentsPanel';
import { GanttChart } from './GanttChart';
import { KeyProjectPanel } from './KeyProjectPanel';
import { PlanPanel } from './PlanPanel';
import { KeyTag } from '../../components/KeyTag';
import { MasterDataPanel } from './MasterDataPanel';
import { MaterialsPanel } from './MaterialsPanel';
import { PreReviewPanel } from './PreReviewPanel';
import { RatingsPanel } from './RatingsPanel';
import { StagesPanel } from './StagesPanel';

/** One project: its clock, what to do next, the Gantt of its items, stages, timeline and agents. */
export function Component() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const { id = '' } = useParams();
  const s = useSession();
  const report = useProject(id);
  const timeline = useTimeline(id);
  const names = useNames();
  if (
    report.error instanceof ApiError &&
    (report.error.status === 404 || report.error.status === 400)
  )
    return (
      <Result
        status="404"
        title={t('project.notFound')}
        extra={<Link to="/projects">{t('nav.projects')}</Link>}
      />
    );
  if (!report.data)
    return report.error ? <ApiErrorAlert error={report.error} /> : <Skeleton active />;
  const r = report.data;
  // Running, but the stage at hand is not handed in: nothing is being handled yet.
  const stageNow = r.stages.find((x) => x.code === r.stage)?.status;
  const toSubmit =
    r.status === 'IN_PROGRESS' && (stageNow === 'NOT_STARTED' || stageNow === 'RETURNED');
  const showDelegations =
    s?.role === 'APPLICANT' || s?.role === 'SUPERVISOR' || s?.role === 'ADMIN';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[{ title: <Link to="/projects">{t('nav.projects')}</Link> }, { title: r.name }]}
      />
      <div>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22, overflowWrap: 'anywhere' }}>
          {r.name}
          <KeyTag flag={r.key} />
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 4 }}
          style={{ marginTop: 8 }}
          items={[
            ...(r.projectCode
              ? [{ key: 'code', label: t('masterData.projectCode'), children: r.projectCode }]
              : []),
            { key: 'type', label: t('projects.type'), children: t(`type.${r.type}`) },
            { key: 'owner', label: t('projects.owner'), children: names.organisation(r) },
            { key: 'stage', label: t('projects.stage'), children: t(`stage.${r.stage}`) },
            { key: 'contact', label: t('contact.label'), children: <ContactField report={r} /> },
            {
              key: 'status',
              label: t('project.status'),
              children: toSubmit ? (
                <Tooltip title={t('people.toSubmitHint')}>
                  <Tag>{t('people.toSubmit')}</Tag>
                </Tooltip>
              ) : (
                <StatusTag status={r.status} />
              ),
            },
          ]}
        />
      </div>
      <Row gutter={[16, 16]}>
        {/* On a phone what to do next comes first, above the gauge. */}
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 14, order: 1 }}>
          <ClockPanel report={r} />
        </Col>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 10, order: 2 }}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <ActionsPanel report={r} />
            <PreReviewPanel report={r} />
          </Space>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={r.specialist ? 10 : 24}>
          <KeyProjectPanel report={r} />
        </Col>
        {r.specialist && (
          <Col xs={24} lg={14}>
            <PlanPanel report={r} />
          </Col>
        )}
      </Row>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('gantt.title')}</h2>} size="small">
        <GanttChart report={r} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('gantt.legend')}
        </Typography.Text>
      </Card>
      <Sections
        phone={!screens.md}
        items={[
          {
            key: 'materials',
            label: t('materials.title'),
            children: <MaterialsPanel report={r} />,
          },
          { key: 'stages', label: t('stages.title'), children: <StagesPanel report={r} /> },
          {
            key: 'masterData',
            label: t('masterData.title'),
            children: <MasterDataPanel report={r} />,
          },
          { key: 'ratings', label: t('ratings.title'), children: <RatingsPanel report={r} /> },
          {
            key: 'timeline',
            label: t('timeline.title'),
            children: (
              <Card size="small">
                <ApiErrorAlert error={timeline.error} />
                {timeline.data ? (
                  <TimelineList
                    items={timeline.data.items}
                    itemName={names.itemsOf(r)}
                    organisation={names.ownerOf(r)}
                  />
                ) : (
                  <Skeleton active />
                )}
              </Card>
            ),
          },
          {
            key: 'documents',
            label: t('documents.title'),
            children: <DocumentsPanel report={r} />,
          },
          ...(showDelegations
            ? [
                {
                  key: 'delegations',
                  label: t('delegations.title'),
                  children: <DelegationsPanel projectId={id} />,
                },
              ]
            : []),
        ]}
      />
      <DangerZone report={r} />
    </Space>
  );
}

type Section = { key: string; label: string; children: ReactNode };

/**
 * The project's sections: tabs on a wide screen; on a phone, where five tabs would overflow into
 * a "more" menu inside the tab list, panels that open and close.
 */
function Sections({ phone, items }: { phone: boolean; items: Section[] }) {
  if (!phone) return <Tabs items={items} />;
  return <Collapse defaultActiveKey={items[0]?.key} items={items} />;
}
