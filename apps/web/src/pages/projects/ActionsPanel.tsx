import { Button, Card, DatePicker, Form, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call, idempotencyKey } from '../../api/client';
import type { Body, Report, StageCode } from '../../api/types';
import { useSession } from '../../auth/useSession';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useMe } from '../../components/AppLayout';
import { type CommandForm, CommandModal } from '../../components/CommandModal';
import { useActionLabel, useMyActions } from '../../components/NextActions';
import { useProjectCommand } from './useProjectCommand';

type Action = Report['nextActions'][number];
type Open =
  | { kind: 'SUBMIT_STAGE' | 'ACCEPT_STAGE' | 'RETURN_STAGE'; stage: StageCode }
  | {
      kind: 'ANSWER_SUPPLEMENT' | 'DELIVER_DEFICIENCY' | 'RESUBMIT_ITEM' | 'WITHDRAW_ITEM';
      itemCode: string;
    }
  | { kind: 'WITHDRAW_PROJECT' }
  | null;

const headers = (key: string) => ({ 'Idempotency-Key': key });
const materials = (v: CommandForm) => v.materials?.map((name) => ({ name }));

/** What the signed-in person can do next on this project, each with its confirmation. */
export function ActionsPanel({ report }: { report: Report }) {
  const { t } = useTranslation();
  const s = useSession();
  const me = useMe();
  const role = s?.role ?? '';
  const id = report.id;
  const [open, setOpen] = useState<Open>(null);
  const [joint, setJoint] = useState(false);
  const itemName = (code: string) =>
    report.stages
      .flatMap((x) => x.themes)
      .flatMap((x) => x.items)
      .find((i) => i.code === code)?.name ?? code;

  const cmd = useProjectCommand(
    id,
    async ({ o, v, key }: { o: NonNullable<Open>; v: CommandForm; key: string }) => {
      const path = { id };
      switch (o.kind) {
        case 'SUBMIT_STAGE':
          return call(
            api.POST('/api/projects/{id}/stages/{stage}/submission', {
              params: { path: { ...path, stage: o.stage } },
              headers: headers(key),
              body: { note: v.note, materials: materials(v) },
            }),
          );
        case 'ACCEPT_STAGE':
        case 'RETURN_STAGE':
          return call(
            api.POST('/api/projects/{id}/stages/{stage}/acceptance', {
              params: { path: { ...path, stage: o.stage } },
              headers: headers(key),
              body: {
                decision: o.kind === 'ACCEPT_STAGE' ? 'ACCEPT' : 'RETURN',
                reason: v.reason || undefined,
              },
            }),
          );
        case 'ANSWER_SUPPLEMENT':
          return call(
            api.POST('/api/projects/{id}/items/{itemCode}/supplement', {
              params: { path: { ...path, itemCode: o.itemCode } },
              headers: headers(key),
              body: { note: v.note, materials: materials(v) },
            }),
          );
        case 'DELIVER_DEFICIENCY':
          return call(
            api.POST('/api/projects/{id}/items/{itemCode}/deficiency-delivery', {
              params: { path: { ...path, itemCode: o.itemCode } },
              headers: headers(key),
              body: { note: v.note },
            }),
          );
        case 'RESUBMIT_ITEM':
          return call(
            api.POST('/api/projects/{id}/items/{itemCode}/resubmission', {
              params: { path: { ...path, itemCode: o.itemCode } },
              headers: headers(key),
              body: { note: v.note },
            }),
          );
        case 'WITHDRAW_ITEM':
          return call(
            api.POST('/api/projects/{id}/items/{itemCode}/withdrawal', {
              params: { path: { ...path, itemCode: o.itemCode } },
              headers: headers(key),
              body: { reason: v.reason || undefined },
            }),
          );
        case 'WITHDRAW_PROJECT':
          return call(
            api.POST('/api/projects/{id}/withdrawal', {
              params: { path },
              headers: headers(key),
              body: { reason: v.reason || undefined },
            }),
          );
      }
    },
  );

  const applicant = role === 'APPLICANT' || role === 'AGENT';
  const mine = useMyActions(report.nextActions);
  const actionLabel = useActionLabel();
  const start = (o: NonNullable<Open>) => {
    cmd.reset();
    setOpen(o);
  };
  const button = (a: Action, i: number) => {
    const label = actionLabel(a);
    switch (a.kind) {
      case 'SUBMIT_STAGE':
        return (
          <Button
            key={i}
            type="primary"
            onClick={() => start({ kind: 'SUBMIT_STAGE', stage: a.stage })}
          >
            {label}
          </Button>
        );
      case 'ANSWER_SUPPLEMENT':
      case 'DELIVER_DEFICIENCY': {
        const kind = a.kind;
        return (
          <Button key={i} type="primary" onClick={() => start({ kind, itemCode: a.itemCode! })}>
            {label}
          </Button>
        );
      }
      case 'RESUBMIT_ITEM':
        return (
          <Space key={i} wrap>
            <Button
              type="primary"
              onClick={() => start({ kind: 'RESUBMIT_ITEM', itemCode: a.itemCode! })}
            >
              {label}
            </Button>
            <Button onClick={() => start({ kind: 'WITHDRAW_ITEM', itemCode: a.itemCode! })}>
              {t('next.WITHDRAW_ITEM', { item: itemName(a.itemCode!) })}
            </Button>
          </Space>
        );
      case 'ACCEPT_STAGE':
        return (
          <Space key={i} wrap>
            <Button type="primary" onClick={() => start({ kind: 'ACCEPT_STAGE', stage: a.stage })}>
              {label}
            </Button>
            <Button danger onClick={() => start({ kind: 'RETURN_STAGE', stage: a.stage })}>
              {t('actions.returnStage', { stage: t(`stage.${a.stage}`) })}
            </Button>
          </Space>
        );
      case 'DECIDE_ITEM':
      case 'RECORD_JOINT_RESULT':
        if (role === 'REVIEWING_OFFICER' && a.department === me.data?.department)
          return (
            <Link key={i} to={`/tasks/${encodeURIComponent(`${id}:${a.itemCode}`)}`}>
              <Button type="primary">{label}</Button>
            </Link>
          );
        return null;
      default:
        return null;
    }
  };
  const titleOf = (o: NonNullable<Open>) =>
    o.kind === 'WITHDRAW_PROJECT'
      ? t('actions.withdrawProject')
      : o.kind === 'RETURN_STAGE'
        ? t('actions.returnStage', { stage: t(`stage.${o.stage}`) })
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
        {applicant && report.status === 'IN_PROGRESS' && (
          <Popconfirm
            title={t('actions.withdrawProjectConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => start({ kind: 'WITHDRAW_PROJECT' })}
          >
            <Button danger type="link" style={{ padding: 0 }}>
              {t('actions.withdrawProject')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      {open && (
        <CommandModal
          open
          title={titleOf(open)}
          pending={cmd.isPending}
          error={cmd.error}
          field={
            ['RETURN_STAGE', 'WITHDRAW_ITEM', 'WITHDRAW_PROJECT', 'ACCEPT_STAGE'].includes(
              open.kind,
            )
              ? 'reason'
              : 'note'
          }
          required={open.kind === 'RETURN_STAGE'}
          materials={open.kind === 'SUBMIT_STAGE' || open.kind === 'ANSWER_SUPPLEMENT'}
          okDanger={open.kind.startsWith('WITHDRAW') || open.kind === 'RETURN_STAGE'}
          onCancel={() => setOpen(null)}
          onSubmit={(v, key) => cmd.mutate({ o: open, v, key }, { onSuccess: () => setOpen(null) })}
        />
      )}
      {joint && <JointProcedureModal report={report} onClose={() => setJoint(false)} />}
    </Card>
  );
}

type JointType = Body<'/api/projects/{id}/joint-procedures', 'post'>['type'];

/** The window schedules a joint site survey, drawing review or acceptance for the stage's items. */
function JointProcedureModal({ report, onClose }: { report: Report; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ type: JointType; date: Dayjs }>();
  const [key] = useState(idempotencyKey);
  const types = [
    ...new Set(
      report.stages
        .find((x) => x.code === report.stage)
        ?.themes.flatMap((th) => th.items.map((i) => i.jointProcedure))
        .filter((x): x is NonNullable<typeof x> => !!x),
    ),
  ];
  const cmd = useProjectCommand(report.id, (v: { type: JointType; date: Dayjs }) =>
    call(
      api.POST('/api/projects/{id}/joint-procedures', {
        params: { path: { id: report.id } },
        headers: headers(key),
        body: { type: v.type, date: v.date.format('YYYY-MM-DD') },
      }),
    ),
  );
  return (
    <Modal
      open
      title={t('joint.schedule')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={cmd.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <ApiErrorAlert error={cmd.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => !cmd.isPending && cmd.mutate(v, { onSuccess: onClose })}
      >
        <Form.Item
          name="type"
          label={t('joint.type')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select options={types.map((ty) => ({ value: ty, label: t(`joint.${ty}`) }))} />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('joint.date')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
