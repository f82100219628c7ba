import { Button, Card, DatePicker, Form, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/account';
import { projectCommands, useProjectCommand } from '../../api/projects';
import type { Body, CommandInput, Report, StageCode } from '../../api/types';
import { useSession } from '../../auth/useSession';
import { CommandModal, TextField } from '../../components/CommandModal';
import { useActionLabel, useMyActions } from '../../components/NextActions';
import { useNames } from '../../components/names';
import { useTones } from '../../components/tones';
import { ItemGaps, StageGaps, useStageGaps } from './MaterialsSummary';
import { Note } from '../../components/Note';

type Action = Report['nextActions'][number];
type Open =
  /** 一次受理 per theme: `theme` is handed in alone (its `items`), named `label`. */
  | { kind: 'SUBMIT_STAGE'; stage: StageCode; theme?: string; label?: string; items?: string[] }
  | {
      kind: 'ANSWER_SUPPLEMENT' | 'DELIVER_DEFICIENCY' | 'RESUBMIT_ITEM' | 'WITHDRAW_ITEM';
      itemCode: string;
    }
  | null;

type Values = { note?: string; reason?: string };
/** An action names its item: on a phone a long name wraps inside the button. */
const WRAP = {
  whiteSpace: 'normal',
  height: 'auto',
  minHeight: 32,
  paddingBlock: 4,
  textAlign: 'start',
} as const;
const REASON = new Set(['WITHDRAW_ITEM']);

/** The opened command, sent with the values the person gave. */
function send(id: string, o: NonNullable<Open>, v: Values, key: string) {
  const reason = v.reason || undefined;
  switch (o.kind) {
    case 'SUBMIT_STAGE':
      return projectCommands.submitStage(
        id,
        o.stage,
        { note: v.note, ...(o.theme ? { theme: o.theme } : {}) },
        key,
      );
    case 'ANSWER_SUPPLEMENT':
      return projectCommands.answerSupplement(id, o.itemCode, { note: v.note }, key);
    case 'DELIVER_DEFICIENCY':
      return projectCommands.deliverDeficiency(id, o.itemCode, { note: v.note }, key);
    case 'RESUBMIT_ITEM':
      return projectCommands.resubmitItem(id, o.itemCode, { note: v.note }, key);
    case 'WITHDRAW_ITEM':
      return projectCommands.withdrawItem(id, o.itemCode, { reason }, key);
  }
}

/** What the signed-in person can do next on this project, each with its confirmation. */
export function ActionsPanel({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const s = useSession();
  const me = useMe();
  const role = s?.role ?? '';
  const id = report.id;
  const navigate = useNavigate();
  const [open, setOpen] = useState<Open>(null);
  const [joint, setJoint] = useState(false);
  const itemName = useNames().itemsOf(report);
  const cmd = useProjectCommand(
    id,
    ({ values, key }: CommandInput<Values>) => send(id, open!, values, key),
    () =>
      !open
        ? ''
        : open.kind === 'SUBMIT_STAGE' && open.theme
          ? t('done.SUBMIT_THEME', { theme: open.label })
          : 'stage' in open
            ? t(`done.${open.kind}`, { stage: t(`stage.${open.stage}`) })
            : t(`done.${open.kind}`),
  );

  const applicant = role === 'APPLICANT' || role === 'AGENT';
  const mine = useMyActions(report.nextActions);
  const actionLabel = useActionLabel();
  const button = (a: Action, i: number) => {
    const label = actionLabel(a);
    switch (a.kind) {
      case 'SUBMIT_STAGE': {
        const theme = a.theme
          ? {
              theme: a.theme,
              label: en ? a.themeNameEn : a.themeName,
              items: themeItems(report, a.stage, a.theme),
            }
          : {};
        return (
          <Space key={i} direction="vertical" size={2}>
            <Button
              style={WRAP}
              type="primary"
              onClick={() => setOpen({ kind: 'SUBMIT_STAGE', stage: a.stage, ...theme })}
            >
              {label}
            </Button>
            <StageGapCount projectId={id} stage={a.stage} items={theme.items} />
          </Space>
        );
      }
      case 'ANSWER_SUPPLEMENT':
      case 'DELIVER_DEFICIENCY': {
        const kind = a.kind;
        return (
          <Button
            style={WRAP}
            key={i}
            type="primary"
            onClick={() => setOpen({ kind, itemCode: a.itemCode! })}
          >
            {label}
          </Button>
        );
      }
      case 'RESUBMIT_ITEM':
        return (
          <Space key={i} wrap>
            <Button
              style={WRAP}
              type="primary"
              onClick={() => setOpen({ kind: 'RESUBMIT_ITEM', itemCode: a.itemCode! })}
            >
              {label}
            </Button>
            <Button
              style={WRAP}
              onClick={() => setOpen({ kind: 'WITHDRAW_ITEM', itemCode: a.itemCode! })}
            >
              {t('next.WITHDRAW_ITEM', { item: itemName(a.itemCode!) })}
            </Button>
          </Space>
        );
      case 'ACCEPT_STAGE':
        // Accepting, 容缺 and returning are decided on the stage's materials: the review page.
        return (
          <Button
            style={WRAP}
            key={i}
            type="primary"
            onClick={() => void navigate(`/window/${id}/${a.stage}`)}
          >
            {label}
          </Button>
        );
      case 'DECIDE_ITEM':
      case 'RECORD_JOINT_RESULT':
        if (role === 'REVIEWING_OFFICER' && a.department === me.data?.department)
          return (
            <Link key={i} to={`/tasks/${encodeURIComponent(`${id}:${a.itemCode}`)}`}>
              <Button style={WRAP} type="primary">
                {label}
              </Button>
            </Link>
          );
        return null;
      default:
        return null;
    }
  };
  const titleOf = (o: NonNullable<Open>) =>
    o.kind === 'SUBMIT_STAGE' && o.theme
      ? t('next.SUBMIT_THEME', { theme: o.label })
      : 'stage' in o
        ? t(`next.${o.kind}`, { stage: t(`stage.${o.stage}`) })
        : t(`next.${o.kind}`, { item: itemName(o.itemCode) });
  const inReview = report.stages.find((x) => x.code === report.stage)?.status === 'IN_REVIEW';
  const hasJoint = report.stages
    .find((x) => x.code === report.stage)
    ?.themes.some((th) => th.items.some((i) => i.jointProcedure));
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('actions.title')}</h2>} size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        {report.status !== 'IN_PROGRESS' ? (
          <Typography.Text>{t(`projectStatus.${report.status}`)}</Typography.Text>
        ) : mine.length === 0 ? (
          <Typography.Text type="secondary">
            {applicant ? t('actions.waiting') : t('next.none')}
          </Typography.Text>
        ) : (
          <Space wrap>{mine.map(button)}</Space>
        )}
        {role === 'WINDOW_OFFICER' && report.status === 'IN_PROGRESS' && inReview && hasJoint && (
          <Button onClick={() => setJoint(true)}>{t('joint.schedule')}</Button>
        )}
      </Space>
      {open && (
        <CommandModal<Values>
          title={titleOf(open)}
          command={cmd}
          okDanger={open.kind.startsWith('WITHDRAW')}
          onClose={() => setOpen(null)}
          extra={
            open.kind === 'SUBMIT_STAGE' ? (
              <StageGaps projectId={id} stage={open.stage} items={open.items} />
            ) : open.kind === 'ANSWER_SUPPLEMENT' ? (
              <>
                <SupplementAsked report={report} itemCode={open.itemCode} />
                <ItemGaps projectId={id} itemCode={open.itemCode} kind={open.kind} />
              </>
            ) : open.kind === 'DELIVER_DEFICIENCY' ? (
              <ItemGaps projectId={id} itemCode={open.itemCode} kind={open.kind} />
            ) : null
          }
          fields={
            REASON.has(open.kind) ? (
              <TextField name="reason" label={t('common.reason')} />
            ) : (
              <TextField name="note" label={t('common.note')} />
            )
          }
        />
      )}
      {joint && <JointProcedureModal report={report} onClose={() => setJoint(false)} />}
    </Card>
  );
}

type Joint = { type: Body<'/api/projects/{id}/joint-procedures', 'post'>['type']; date: Dayjs };

/** The window schedules a joint site survey, drawing review or acceptance for the stage's items. */
function JointProcedureModal({ report, onClose }: { report: Report; onClose: () => void }) {
  const { t } = useTranslation();
  const types = [
    ...new Set(
      report.stages
        .find((x) => x.code === report.stage)
        ?.themes.flatMap((th) => th.items.map((i) => i.jointProcedure))
        .filter((x): x is NonNullable<typeof x> => !!x),
    ),
  ];
  const cmd = useProjectCommand(
    report.id,
    ({ values, key }: CommandInput<Joint>) =>
      projectCommands.scheduleJointProcedure(
        report.id,
        { type: values.type, date: values.date.format('YYYY-MM-DD') },
        key,
      ),
    () => t('done.jointScheduled'),
  );
  const required = [{ required: true, message: t('common.required') }];
  return (
    <CommandModal<Joint>
      title={t('joint.schedule')}
      command={cmd}
      onClose={onClose}
      fields={
        <>
          <Form.Item name="type" label={t('joint.type')} rules={required}>
            <Select options={types.map((ty) => ({ value: ty, label: t(`joint.${ty}`) }))} />
          </Form.Item>
          <Form.Item name="date" label={t('joint.date')} rules={required}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </>
      }
    />
  );
}

/** The item codes of one theme of a stage. */
const themeItems = (report: Report, stage: StageCode, theme: string) =>
  report.stages
    .find((x) => x.code === stage)
    ?.themes.find((x) => x.code === theme)
    ?.items.map((i) => i.code);

/** Beside the submit button: how many required materials are still missing. */
function StageGapCount({
  projectId,
  stage,
  items,
}: {
  projectId: string;
  stage: StageCode;
  items?: string[];
}) {
  const { t } = useTranslation();
  const tones = useTones();
  const g = useStageGaps(projectId, stage, items);
  if (!g.blocking.length) return null;
  return (
    <Typography.Text style={{ fontSize: 12, color: tones.warn }}>
      {t('submission.missingCount', { n: g.blocking.length })}
    </Typography.Text>
  );
}

/** In the supplement's answer: what the officer wrote when asking for it. */
function SupplementAsked({ report, itemCode }: { report: Report; itemCode: string }) {
  const { t } = useTranslation();
  const item = report.stages
    .flatMap((x) => x.themes)
    .flatMap((x) => x.items)
    .find((i) => i.code === itemCode);
  const note = item?.pause?.reason === 'SUPPLEMENT' ? item.pause.note : undefined;
  return (
    <Note
      type="info"
      gap={12}
      message={t('people.supplementAsked')}
      description={
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {note || t('people.supplementNone')}
        </Typography.Paragraph>
      }
    />
  );
}
