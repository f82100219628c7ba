/**
 * 预审 (拿地即开工) on the project page: while the current stage is in review, the applicant (or
 * its agent) hands in the next stage's materials for pre-review; the departments' comments are
 * listed here. The materials themselves are uploaded in the materials section, as for a stage.
 */
import { Button, Card, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { projectCommands, useProjectCommand, useTimeline } from '../../api/projects';
import type { CommandInput, Report } from '../../api/types';
import { useSession } from '../../auth/useSession';
import { CommandModal, TextField } from '../../components/CommandModal';
import { Note } from '../../components/Note';
import { useNames } from '../../components/names';
import { useDepartments } from '../../api/catalog';
import { StageGaps } from './MaterialsSummary';

type Values = { note?: string };

/** The stage after the current one, while the current one is in review (or pre-reviewed). */
function nextStageOf(report: Report) {
  const at = report.stages.findIndex((s) => s.code === report.stage);
  const current = report.stages[at];
  const next = report.stages[at + 1];
  if (report.status !== 'IN_PROGRESS' || !current || !next) return undefined;
  if (!next.themes.some((th) => th.items.length)) return undefined;
  if (current.status !== 'IN_REVIEW' && next.preReviewedOn === null) return undefined;
  return { current, next };
}

export function PreReviewPanel({ report }: { report: Report }) {
  const { t } = useTranslation();
  const s = useSession();
  const [open, setOpen] = useState(false);
  const stages = nextStageOf(report);
  const timeline = useTimeline(report.id);
  const itemName = useNames().itemsOf(report);
  const depts = useDepartments();
  const stage = stages?.next.code;
  const cmd = useProjectCommand(
    report.id,
    ({ values, key }: CommandInput<Values>) =>
      projectCommands.preReview(report.id, stage!, { note: values.note }, key),
    () => t('done.PRE_REVIEW_STAGE', { stage: t(`stage.${stage}`) }),
  );
  if (!stages) return null;
  const { current, next } = stages;
  const codes = new Set(next.themes.flatMap((th) => th.items.map((i) => i.code)));
  const department = new Map(
    next.themes.flatMap((th) => th.items.map((i) => [i.code, i.department] as const)),
  );
  const comments = (timeline.data?.items ?? []).filter(
    (e) => e.type === 'PRE_REVIEW_COMMENTED' && e.itemCode && codes.has(e.itemCode),
  );
  const applicant = s?.role === 'APPLICANT' || s?.role === 'AGENT';
  const canHand = applicant && current.status === 'IN_REVIEW' && next.status === 'NOT_STARTED';
  const stageName = t(`stage.${next.code}`);
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('express.preReviewTitle')}</h2>}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {next.status === 'NOT_STARTED' && (
          <Note type="info" gap={0} message={t('express.preReviewHint', { stage: stageName })} />
        )}
        {next.preReviewedOn && (
          <Typography.Text>
            {t('express.preReviewedOn', { on: next.preReviewedOn })}
          </Typography.Text>
        )}
        {canHand && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {next.preReviewedOn
              ? t('express.preReviewAgain')
              : t('express.preReviewSend', { stage: stageName })}
          </Button>
        )}
        {next.preReviewedOn && (
          <>
            <Typography.Text strong>{t('express.preReviewComments')}</Typography.Text>
            <List
              size="small"
              locale={{ emptyText: t('express.noComments') }}
              dataSource={comments}
              renderItem={(e) => (
                <List.Item>
                  <Space direction="vertical" size={0}>
                    <Typography.Text type="secondary">
                      {itemName(e.itemCode!)} · {depts.name(department.get(e.itemCode!) ?? '')} ·{' '}
                      {e.at.slice(0, 10)}
                    </Typography.Text>
                    <Typography.Text>
                      {typeof e.detail?.comment === 'string' ? e.detail.comment : ''}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </>
        )}
      </Space>
      {open && (
        <CommandModal<Values>
          title={t('express.preReviewSend', { stage: stageName })}
          command={cmd}
          onClose={() => setOpen(false)}
          extra={<StageGaps projectId={report.id} stage={next.code} />}
          fields={<TextField name="note" label={t('common.note')} />}
        />
      )}
    </Card>
  );
}
