import { Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, idempotencyKey } from '../../api/client';
import { ApiErrorAlert, showFieldErrors } from '../../components/ApiErrorAlert';
import { useProjectCommand } from '../projects/useProjectCommand';

interface Extension {
  days: number;
  reason: string;
}

/** A department head extends an item's limit (art. 42: at most 10 working days in all). */
export function ExtensionModal({
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
  const [form] = Form.useForm<Extension>();
  const [key] = useState(idempotencyKey);
  const cmd = useProjectCommand(projectId, (v: Extension) =>
    call(
      api.POST('/api/projects/{id}/items/{itemCode}/extension', {
        params: { path: { id: projectId, itemCode } },
        headers: { 'Idempotency-Key': key },
        body: v,
      }),
    ),
  );
  useEffect(() => {
    showFieldErrors(form, cmd.error, { days: ['days'], reason: ['reason'] });
  }, [cmd.error, form]);
  return (
    <Modal
      open
      title={t('extension.title', { item: itemName })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={cmd.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <ApiErrorAlert error={cmd.error} />
      <Form<Extension>
        form={form}
        layout="vertical"
        initialValues={{ days: 5 }}
        onFinish={(v) => !cmd.isPending && cmd.mutate(v, { onSuccess: onClose })}
      >
        <Form.Item
          name="days"
          label={t('extension.days')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={1} max={10} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('common.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
