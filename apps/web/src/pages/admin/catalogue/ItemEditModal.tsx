import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogueDoc, DocItem } from './document';

interface ItemForm {
  name: string;
  department: string;
  promisedLimitDays: number;
  statutoryLimitDays: number;
  prerequisites: string[];
}

/**
 * One item of a catalogue in a form: its name, department, limits and prerequisites (the other
 * fields, its materials among them, are kept as they are). `problems` are the API's, beside it.
 */
export function ItemEditModal({
  doc,
  item,
  problems,
  saving,
  onSave,
  onClose,
}: {
  doc: CatalogueDoc;
  item: DocItem | null;
  problems: readonly string[];
  saving?: boolean;
  onSave: (item: DocItem) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [form] = Form.useForm<ItemForm>();
  return (
    <Modal
      open={item !== null}
      title={t('catalogue.editTitle', { code: item?.code })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {item && (
        <Form<ItemForm>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            name: item.name,
            department: item.department,
            promisedLimitDays: item.promisedLimitDays,
            statutoryLimitDays: item.statutoryLimitDays,
            prerequisites: item.prerequisites ?? [],
          }}
          onFinish={(v) => onSave({ ...item, ...v })}
        >
          {problems.length > 0 && (
            <ul
              role="alert"
              style={{ color: 'var(--ant-color-error-text)', paddingInlineStart: 20 }}
            >
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <Form.Item name="name" label={t('catalogue.itemName')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="department"
            label={t('catalogue.department')}
            rules={[{ required: true }]}
          >
            <Select
              options={(doc.departments ?? []).map((d) => ({
                value: d.code,
                label: `${(en ? d.nameEn : d.name) ?? d.code} (${d.code})`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="promisedLimitDays"
            label={t('catalogue.promised')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item
            name="statutoryLimitDays"
            label={t('catalogue.statutory')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="prerequisites" label={t('catalogue.prerequisites')}>
            <Select
              mode="multiple"
              options={(doc.items ?? [])
                .filter((i) => i.code && i.code !== item.code)
                .map((i) => ({ value: i.code!, label: `${i.name ?? ''} (${i.code})` }))}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
