import { Form, Input, Modal, Select } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { useTranslation } from 'react-i18next';
import { idempotencyKey } from '../api/client';
import { ApiErrorAlert, showFieldErrors } from './ApiErrorAlert';

export interface CommandForm {
  note?: string;
  reason?: string;
  materials?: string[];
}

/**
 * A confirmation with a note (or a reason) for one command. The idempotency key is made when the
 * dialog opens: pressing OK twice, or a retry after a lost answer, has one effect.
 */
export function CommandModal({
  open,
  title,
  onCancel,
  onSubmit,
  pending,
  error,
  field = 'note',
  required = false,
  materials = false,
  okDanger = false,
  extra,
}: {
  open: boolean;
  title: ReactNode;
  onCancel: () => void;
  onSubmit: (v: CommandForm, key: string) => void;
  pending: boolean;
  error: unknown;
  field?: 'note' | 'reason';
  required?: boolean;
  materials?: boolean;
  okDanger?: boolean;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CommandForm>();
  const [key, setKey] = useState(idempotencyKey);
  const [rest, setRest] = useState<string[]>([]);
  useEffect(() => {
    setRest(
      showFieldErrors(form, error, {
        note: ['note'],
        reason: ['reason'],
        materials: ['materials'],
      }),
    );
  }, [error, form]);
  const fieldOnly = error instanceof ApiError && error.status === 400 && rest.length === 0;
  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: okDanger }}
      confirmLoading={pending}
      onCancel={onCancel}
      afterOpenChange={(o) => {
        if (o) setKey(idempotencyKey());
        else form.resetFields();
      }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {extra}
      <ApiErrorAlert error={fieldOnly ? null : error} />
      <Form<CommandForm>
        form={form}
        layout="vertical"
        onFinish={(v) => !pending && onSubmit(v, key)}
      >
        <Form.Item
          name={field}
          label={t(field === 'note' ? 'common.note' : 'common.reason')}
          rules={
            required
              ? [{ required: true, whitespace: true, message: t('common.reasonRequired') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        {materials && (
          <Form.Item
            name="materials"
            label={t('common.materials')}
            extra={t('common.materialsHint')}
          >
            <Select
              mode="tags"
              aria-label={t('common.materials')}
              open={false}
              tokenSeparators={[',', '，']}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
