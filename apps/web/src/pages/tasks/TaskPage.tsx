import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  Result,
  Row,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, idempotencyKey } from '../../api/client';
import { projectCommands, useProject, useProjectCommand, useTimeline } from '../../api/projects';
import type { ItemReport, Report } from '../../api/types';
import { useMe } from '../../api/account';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ClockGauge } from '../../components/ClockGauge';
import { RiskTag, StatusTag } from '../../components/RiskTag';
import { TimelineList } from '../../components/TimelineList';
import { useNames } from '../../components/names';
import { useDepartments } from '../../api/catalog';
import { DecisionForm } from './DecisionForm';
import { CommitmentCheckForm, CommitmentInfo, PreReviewCommentForm } from './ExpressLaneForms';
import { ItemMaterialsCard } from './ItemMaterialsCard';
import { useLocalName } from '../../components/materials/MaterialTags';

/** An item of the officer's department: the project's context, the item's history and the decision. */
export function Component() {
  const { t } = useTranslation();
  const { taskId = '' } = useParams();
  const [projectId, itemCode] = taskId.split(':');
  const depts = useDepartments();
  const report = useProject(projectId);
  const timeline = useTimeline(projectId);
  const names = useNames();
  const localName = useLocalName();
  if (report.error instanceof ApiError && report.error.status < 500)
    return (
      <Result
        status="404"
        title={t('task.notFound')}
        extra={<Link to="/tasks">{t('nav.tasks')}</Link>}
      />
    );
  if (!report.data)
    return report.error ? <ApiErrorAlert error={report.error} /> : <Skeleton active />;
  const r = report.data;
  const stage = r.stages.find((s) =>
    s.themes.some((th) => th.items.some((i) => i.code === itemCode)),
  );
  const item = stage?.themes.flatMap((th) => th.items).find((i) => i.code === itemCode);
  if (!item || !stage) return <Result status="404" title={t('task.notFound')} />;
  const itemName = names.itemsOf(r)(item.code);
  const materialName = (code: string) => {
    const m = item.materials.find((x) => x.code === code);
    return m ? localName(m) : code;
  };
  const history = (timeline.data?.items ?? []).filter(
    (e) => e.itemCode === itemCode || (!e.itemCode && e.stage === stage.code),
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/tasks">{t('nav.tasks')}</Link> },
          { title: <Link to={`/projects/${r.id}`}>{r.name}</Link> },
          { title: itemName },
        ]}
      />
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {itemName}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('task.item')}</h2>}>
            <Space align="start" wrap>
              <ClockGauge
                usedDays={item.clock.usedDays}
                limitDays={item.clock.limitDays}
                risk={item.clock.risk}
                size={90}
              />
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'st',
                    label: t('items.status'),
                    children: <StatusTag status={item.status} />,
                  },
                  {
                    key: 'dept',
                    label: t('items.department'),
                    children: depts.name(item.department),
                  },
                  { key: 'due', label: t('items.due'), children: item.clock.dueDate ?? '—' },
                  {
                    key: 'risk',
                    label: t('items.risk'),
                    children: <RiskTag risk={item.clock.risk} />,
                  },
                  { key: 'round', label: t('task.round'), children: item.round },
                  ...(item.pause
                    ? [
                        {
                          key: 'pause',
                          label: t('task.pause'),
                          children: `${t(`pause.${item.pause.reason}`)} · ${item.pause.from}`,
                        },
                      ]
                    : []),
                  ...item.deficiencies.map((d) => ({
                    key: d.id,
                    label: t('decision.deficiency'),
                    // Promised materials by name in the reader's language; else as described.
                    children: `${
                      d.materials?.length
                        ? d.materials.map(materialName).join(t('common.separator'))
                        : d.description
                    } · ${t('decision.deficiencyDue')} ${d.dueDate} · ${t(`deficiency.${d.status}`)}`,
                  })),
                ]}
              />
            </Space>
          </Card>
          <ItemMaterialsCard
            report={r}
            taskId={taskId}
            itemCode={itemCode}
            itemStatus={item.status}
          />
          <Card
            size="small"
            style={{ marginTop: 16 }}
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('task.project')}</h2>}
          >
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                {
                  key: 'name',
                  label: t('projects.name'),
                  children: <Link to={`/projects/${r.id}`}>{r.name}</Link>,
                },
                { key: 'type', label: t('projects.type'), children: t(`type.${r.type}`) },
                { key: 'owner', label: t('projects.owner'), children: names.organisation(r) },
                {
                  key: 'clock',
                  label: t('projects.clock'),
                  children: `${r.clock.usedDays} / ${r.clock.limitDays}`,
                },
                {
                  key: 'risk',
                  label: t('projects.risk'),
                  children: <RiskTag risk={r.clock.risk} />,
                },
                { key: 'stage', label: t('projects.stage'), children: t(`stage.${stage.code}`) },
              ]}
            />
          </Card>
          <Card
            size="small"
            style={{ marginTop: 16 }}
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('task.history')}</h2>}
          >
            <TimelineList
              items={history}
              itemName={names.itemsOf(r)}
              organisation={names.ownerOf(r)}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            size="small"
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{t(actionTitle(item))}</h2>}
          >
            {item.status === 'PRE_REVIEW' ? (
              <PreReviewCommentForm projectId={r.id} taskId={taskId} itemName={itemName} />
            ) : item.onCommitment && !item.onCommitment.check && item.status === 'APPROVED' ? (
              <CommitmentCheckForm
                projectId={r.id}
                taskId={taskId}
                item={item}
                itemName={itemName}
              />
            ) : ['UNDER_REVIEW', 'SPECIAL_PROCEDURE'].includes(item.status) ? (
              <DecisionForm projectId={r.id} taskId={taskId} item={item} />
            ) : (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Alert
                  type="info"
                  showIcon
                  message={t('decision.notNow', { status: t(`status.${item.status}`) })}
                />
                <CommitmentInfo item={item} />
              </Space>
            )}
          </Card>
          <JointResults report={r} itemCode={itemCode} />
        </Col>
      </Row>
    </Space>
  );
}

/** What the officer does on the item now: comment in pre-review, check a commitment, or decide. */
const actionTitle = (item: ItemReport) =>
  item.status === 'PRE_REVIEW'
    ? 'express.commentTitle'
    : item.onCommitment && !item.onCommitment.check && item.status === 'APPROVED'
      ? 'express.checkTitle'
      : 'decision.title';

/** The officer records its department's result of a joint procedure the item takes part in. */
function JointResults({ report, itemCode }: { report: Report; itemCode: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const [comment, setComment] = useState('');
  const [key, setKey] = useState(idempotencyKey);
  const dept = me.data?.department;
  const mine = report.jointProcedures.filter(
    (j) => j.itemCodes.includes(itemCode) && dept && j.departments.includes(dept),
  );
  const record = useProjectCommand(
    report.id,
    ({ id, passed }: { id: string; passed: boolean }) =>
      projectCommands.recordJointResult(
        report.id,
        id,
        { passed, comment: comment.trim() || undefined },
        key,
      ),
    () => t('done.jointRecorded'),
  );
  const recorded = () => {
    setKey(idempotencyKey());
    setComment('');
  };
  if (!mine.length) return null;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('joint.results')}</h2>}
    >
      <ApiErrorAlert error={record.error} />
      {mine.map((j) => {
        const done = dept ? j.results[dept] : undefined;
        return (
          <Space key={j.id} direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
            <Typography.Text strong>
              {t(`joint.${j.type}`)} · {j.scheduledFor}
            </Typography.Text>
            {done ? (
              <Typography.Text>
                {done.passed ? t('joint.passed') : t('joint.failed')}
              </Typography.Text>
            ) : (
              <>
                <Input.TextArea
                  aria-label={t('decision.comment')}
                  placeholder={t('decision.comment')}
                  value={comment}
                  onChange={(e) => setComment(e.target.value)}
                  rows={2}
                />
                <Space>
                  <Button
                    type="primary"
                    loading={record.isPending}
                    onClick={() =>
                      record.mutate({ id: j.id, passed: true }, { onSuccess: recorded })
                    }
                  >
                    {t('joint.pass')}
                  </Button>
                  <Button
                    danger
                    loading={record.isPending}
                    onClick={() =>
                      record.mutate({ id: j.id, passed: false }, { onSuccess: recorded })
                    }
                  >
                    {t('joint.fail')}
                  </Button>
                </Space>
              </>
            )}
          </Space>
        );
      })}
    </Card>
  );
}
