import { StarFilled } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Rate } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { ApiErrorAlert, showFieldErrors } from '../../components/ApiErrorAlert';

interface RatingForm {
  score: number;
  comment?: string;
}

/** The five labels of 好差评, 1 = 非常不满意 … 5 = 非常满意. */
export function useScoreLabels(): string[] {
  const { t } = useTranslation();
  return [1, 2, 3, 4, 5].map((n) => t(`ratings.scores.${n}`));
}

/** Rates one decided item: a score of 1 or 2 opens a rectification by the department. */
export function RateModal({
  projectId,
  itemCode,
  itemName,
  onClose,
}: {
  projectId: string;
  itemCode: string;
  itemName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useScoreLabels();
  const qc = useQueryClient();
  const [form] = Form.useForm<RatingForm>();
  const [score, setScore] = useState(0);
  const rate = useMutation({
    mutationFn: (v: RatingForm) =>
      call(
        api.POST('/api/projects/{id}/items/{itemCode}/rating', {
          params: { path: { id: projectId, itemCode } },
          body: { score: v.score, comment: v.comment },
        }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['ratings', projectId] });
      void qc.invalidateQueries({ queryKey: ['rectifications'] });
      onClose();
    },
  });
  useEffect(() => {
    showFieldErrors(form, rate.error, { score: ['score'], comment: ['comment'] });
  }, [rate.error, form]);
  return (
    <Modal
      open
      title={t('ratings.modalTitle', { item: itemName })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={rate.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <ApiErrorAlert error={rate.error} />
      <Form<RatingForm>
        form={form}
        layout="vertical"
        onFinish={(v) => !rate.isPending && rate.mutate(v)}
      >
        <Form.Item
          name="score"
          label={t('ratings.score')}
          rules={[{ required: true, message: t('ratings.scoreRequired') }]}
          extra={score ? labels[score - 1] : undefined}
        >
          <Rate
            tooltips={labels}
            onChange={setScore}
            // Each star is a radio named by its label, so it can be chosen by name.
            character={({ index = 0 }) => <StarFilled aria-label={labels[index]} />}
          />
        </Form.Item>
        {score > 0 && score <= 2 && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('ratings.opensRectification')}
          />
        )}
        <Form.Item name="comment" label={t('ratings.comment')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
