/**
 * The officer's side of issue 27's express lanes on an item's page: the pre-review comment
 * (预审意见: no decision, no clock) and the follow-up check (核查) of an approval on commitment.
 */
import { App, Button, Descriptions, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idempotencyKey } from '../../api/client';
import { projectCommands, useProjectCommand } from '../../api/projects';
import type { ItemReport } from '../../api/types';
import { ApiErrorAlert, type FieldMap } from '../../components/ApiErrorAlert';
import { Note } from '../../components/Note';

const COMMENT: FieldMap = { comment: ['comment'] };

/** A department's pre-review comment on an item of the next stage. */
export function PreReviewCommentForm(props: {
  projectId: string;
  taskId: string;
  itemName: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment: string }>();
  const [key, setKey] = useState(idempotencyKey);
  const send = useProjectCommand(
    props.projectId,
    (v: { comment: string }) =>
      projectCommands.preReviewComment(props.taskId, { comment: v.comment.trim() }, key),
    () => t('done.preReviewComment', { item: props.itemName }),
  );
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={send.isPending}
      onFinish={(v) =>
        send.mutate(v, {
          onSuccess: () => {
            form.resetFields();
            setKey(idempotencyKey());
          },
        })
      }
    >
      <Note type="info" gap={12} message={t('express.commentHint')} />
      <Form.Item
        name="comment"
        label={t('express.comment')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 2000 }]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <ApiErrorAlert error={send.error} fields={COMMENT} />
      <Button type="primary" htmlType="submit" loading={send.isPending}>
        {t('express.commentSend')}
      </Button>
    </Form>
  );
}

/** The commitment an item was approved on, its check's due date and the check's result. */
export function CommitmentInfo({ item }: { item: ItemReport }) {
  const { t } = useTranslation();
  const c = item.onCommitment;
  if (!c) return null;
  const check = c.check;
  return (
    <Descriptions
      size="small"
      column={1}
      title={t('express.commitmentTitle')}
      items={[
        { key: 'text', label: t('express.commitmentText'), children: c.text },
        { key: 'due', label: t('express.checkDue'), children: c.checkDue },
        ...(check
          ? [
              {
                key: 'check',
                label: t('express.checkTitle'),
                children: check.passed
                  ? t('express.checkPassed', { on: check.on })
                  : t('express.checkFailed', { on: check.on, comment: check.comment ?? '' }),
              },
            ]
          : []),
      ]}
    />
  );
}

/** The department's follow-up check: passed, or failed (the approval is revoked). */
export function CommitmentCheckForm(props: {
  projectId: string;
  taskId: string;
  item: ItemReport;
  itemName: string;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const [key, setKey] = useState(idempotencyKey);
  const check = useProjectCommand(
    props.projectId,
    (v: { passed: boolean; comment?: string }) =>
      projectCommands.checkCommitment(
        props.taskId,
        { passed: v.passed, comment: v.comment?.trim() || undefined },
        key,
      ),
    (v) => t(v.passed ? 'done.checkPassed' : 'done.checkFailed', { item: props.itemName }),
  );
  const done = { onSuccess: () => setKey(idempotencyKey()) };
  const fail = async () => {
    // A failed check needs its reason.
    const { comment } = await form.validateFields().catch(() => ({ comment: undefined }));
    if (!comment?.trim()) {
      form.setFields([{ name: 'comment', errors: [t('people.commentRequired')] }]);
      return;
    }
    modal.confirm({
      title: t('express.checkFail'),
      content: t('express.checkFailConfirm', { item: props.itemName }),
      okText: t('express.checkFail'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true },
      onOk: () => check.mutate({ passed: false, comment }, done),
    });
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <CommitmentInfo item={props.item} />
      <Note type="info" gap={0} message={t('express.checkHint')} />
      <Form form={form} layout="vertical" disabled={check.isPending}>
        <Form.Item name="comment" label={t('express.checkComment')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <ApiErrorAlert error={check.error} fields={COMMENT} />
        <Space wrap>
          <Button
            type="primary"
            loading={check.isPending}
            onClick={() =>
              check.mutate({ passed: true, comment: form.getFieldValue('comment') as string }, done)
            }
          >
            {t('express.checkPass')}
          </Button>
          <Button danger loading={check.isPending} onClick={() => void fail()}>
            {t('express.checkFail')}
          </Button>
        </Space>
      </Form>
    </Space>
  );
}
