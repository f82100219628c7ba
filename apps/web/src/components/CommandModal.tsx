import { Form, Input, Modal } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idempotencyKey } from '../api/client';
import type { CommandInput } from '../api/types';
import { ApiErrorAlert, type FieldMap, showFieldErrors } from './ApiErrorAlert';

/** What the dialog needs of a command's mutation (a `useMutation` result is one). */
export interface Command<V> {
  mutate: (input: CommandInput<V>, options?: { onSuccess?: () => void }) => void;
  reset: () => void;
  isPending: boolean;
  error: unknown;
}

/** The item a dialog's command acts on. */
export interface ItemTarget {
  projectId: string;
  itemCode: string;
  itemName: string;
}

/** A project's item as a dialog's target, named in the reader's language. */
export const itemTarget = (
  projectId: string,
  i: { code: string; name: string; nameEn: string },
  en: boolean,
): ItemTarget => ({ projectId, itemCode: i.code, itemName: en ? i.nameEn : i.name });

/** The props of a dialog acting on one item. */
export type ItemDialog = ItemTarget & { onClose: () => void };

/**
 * The confirmation of one command: its fields, its mutation, the API's refusal in words and a
 * 400's messages next to the fields they name. Mounted when opened; the idempotency key is made
 * then, so pressing OK twice, or a retry after a lost answer, has one effect.
 */
export function CommandModal<V extends object>({
  title,
  command,
  onClose,
  fields,
  initialValues,
  okDanger = false,
  extra,
}: {
  title: ReactNode;
  command: Command<V>;
  onClose: () => void;
  /** The form's items; their names are the API's field names. */
  fields: ReactNode;
  initialValues?: Partial<V>;
  okDanger?: boolean;
  /** Shown above the form: what the command is about. */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const [key] = useState(idempotencyKey);
  const [fieldMap, setFieldMap] = useState<FieldMap>({});
  const { error, reset } = command;
  // A mutation the page keeps across openings still holds the last opening's refusal.
  useEffect(() => reset(), [reset]);
  useEffect(() => {
    const names = form.getFieldsError().map((f) => f.name);
    const map = Object.fromEntries(names.map((n) => [n.join('.'), n]));
    setFieldMap(map);
    showFieldErrors(form, error, map);
  }, [error, form]);
  return (
    <Modal
      open
      title={title}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: okDanger }}
      confirmLoading={command.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      {extra}
      <ApiErrorAlert error={error} fields={fieldMap} />
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) =>
          !command.isPending && command.mutate({ values, key }, { onSuccess: onClose })
        }
      >
        {fields}
      </Form>
    </Modal>
  );
}

/** A command's free text (a note, a reason, a comment); `required` is the message when empty. */
export function TextField({
  name,
  label,
  required,
}: {
  name: string;
  label: string;
  required?: string;
}) {
  return (
    <Form.Item
      name={name}
      label={label}
      rules={required ? [{ required: true, whitespace: true, message: required }] : []}
    >
      <Input.TextArea rows={3} maxLength={2000} showCount />
    </Form.Item>
  );
}
