import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { ApiErrorAlert, showFieldErrors } from '../../components/ApiErrorAlert';
import type { Rectification } from './RectificationsPage';

interface AnswerForm {
  note?: string;
  satisfied?: boolean;
}

/** The head's response (a note), or the applicant's confirmation (put right or disputed). */
export function AnswerModal({
  rectification: r,
  kind,
  onClose,
}: {
  rectification: Rectification;
  kind: 'respond' | 'confirm';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<AnswerForm>();
  const send = useMutation({
    mutationFn: (v: AnswerForm) =>
      kind === 'respond'
        ? call(
            api.POST('/api/rectifications/{id}/response', {
              params: { path: { id: r.id } },
              body: { note: v.note ?? '' },
            }),
          )
        : call(
            api.POST('/api/rectifications/{id}/confirmation', {
              params: { path: { id: r.id } },
              body: { satisfied: v.satisfied!, note: v.note },
            }),
          ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['rectifications'] });
      void qc.invalidateQueries({ queryKey: ['ratings', r.projectId] });
      onClose();
    },
  });
  useEffect(() => {
    showFieldErrors(form, send.error, { note: ['note'], satisfied: ['satisfied'] });
  }, [send.error, form]);
  return (
    <Modal
      open
      title={t(kind === 'respond' ? 'ratings.respondTitle' : 'ratings.confirmTitle', {
        item: r.itemName,
      })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={send.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <ApiErrorAlert error={send.error} />
      <Typography.Paragraph>
        {t('ratings.scoreOf', { score: t(`ratings.scores.${r.score}`) })}
        {r.comment ? `：${r.comment}` : ''}
      </Typography.Paragraph>
      {kind === 'confirm' && r.response && (
        <Typography.Paragraph type="secondary">
          {t('ratings.response')}: {r.response}
        </Typography.Paragraph>
      )}
      <Form<AnswerForm>
        form={form}
        layout="vertical"
        onFinish={(v) => !send.isPending && send.mutate(v)}
      >
        {kind === 'confirm' && (
          <Form.Item
            name="satisfied"
            label={t('ratings.outcome')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Radio.Group
              options={[
                { value: true, label: t('ratings.satisfied') },
                { value: false, label: t('ratings.dispute') },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={t(kind === 'respond' ? 'ratings.responseNote' : 'common.note')}
          rules={
            kind === 'respond'
              ? [{ required: true, whitespace: true, message: t('common.required') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
