import { Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogueDoc, DocItem } from './document';
import { type MaterialForm, MaterialsFields, materialsForm, materialsOf } from './MaterialsFields';

interface ItemForm {
  name: string;
  department: string;
  promisedLimitDays: number;
  statutoryLimitDays: number;
  prerequisites: string[];
  standardCode?: string;
  materials: MaterialForm[];
}

/** The fields of the form a problem may name (`promisedLimitDays: …`). */
const FIELDS = [
  'name',
  'department',
  'promisedLimitDays',
  'statutoryLimitDays',
  'prerequisites',
  'standardCode',
] as const;

/**
 * The API's problems of an item (`standardCode: …`, `materials[1]: material X: …`): those of
 * each field of the form, of each material, and the rest.
 */
export function placeItemProblems(problems: readonly string[]) {
  const byField = new Map<string, string[]>();
  const byMaterial = new Map<number, string[]>();
  const rest: string[] = [];
  for (const p of problems) {
    const material = /^materials\[(\d+)\]: (.*)$/.exec(p);
    const field = /^(\w+): (.*)$/.exec(p);
    if (material) {
      const n = Number(material[1]);
      byMaterial.set(n, [...(byMaterial.get(n) ?? []), material[2]]);
    } else if (field && (FIELDS as readonly string[]).includes(field[1])) {
      byField.set(field[1], [...(byField.get(field[1]) ?? []), field[2]]);
    } else rest.push(p);
  }
  return { byField, byMaterial, rest };
}

/**
 * One item of a catalogue in a form: its name, department, limits, prerequisites, national
 * standard item code and materials (the other fields, its rules among them, are kept as they
 * are). `problems` are the API's, each beside its field or material.
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
  const placed = placeItemProblems(problems);
  /** The API's problems of a field, beside it. */
  const said = (field: (typeof FIELDS)[number]) => {
    const list = placed.byField.get(field);
    if (!list) return {};
    // The code's rule in the reader's words; the others as the API says them.
    const help = field === 'standardCode' ? t('catalogue.standardCodeInvalid') : list.join('; ');
    return { validateStatus: 'error' as const, help };
  };
  const save = ({ standardCode, materials, ...v }: ItemForm) => {
    const next: DocItem = { ...item, ...v, materials: materialsOf(item!, materials ?? []) };
    const code = standardCode?.trim();
    if (code) next.standardCode = code;
    else if (item?.standardCode != null) next.standardCode = null;
    onSave(next);
  };
  return (
    <Modal
      open={item !== null}
      title={t('catalogue.editTitle', { code: item?.code })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={720}
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
            standardCode: item.standardCode ?? undefined,
            materials: materialsForm(item),
          }}
          onFinish={save}
        >
          {placed.rest.length > 0 && (
            <ul
              role="alert"
              style={{ color: 'var(--ant-color-error-text)', paddingInlineStart: 20 }}
            >
              {placed.rest.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <Form.Item
            name="name"
            label={t('catalogue.itemName')}
            rules={[{ required: true }]}
            {...said('name')}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="department"
            label={t('catalogue.department')}
            rules={[{ required: true }]}
            {...said('department')}
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
            {...said('promisedLimitDays')}
          >
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item
            name="statutoryLimitDays"
            label={t('catalogue.statutory')}
            rules={[{ required: true }]}
            {...said('statutoryLimitDays')}
          >
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item
            name="prerequisites"
            label={t('catalogue.prerequisites')}
            {...said('prerequisites')}
          >
            <Select
              mode="multiple"
              options={(doc.items ?? [])
                .filter((i) => i.code && i.code !== item.code)
                .map((i) => ({ value: i.code!, label: `${i.name ?? ''} (${i.code})` }))}
            />
          </Form.Item>
          <Form.Item
            name="standardCode"
            label={t('catalogue.standardCode')}
            extra={t('catalogue.standardCodeHint')}
            {...said('standardCode')}
          >
            <Input inputMode="numeric" style={{ maxWidth: 200 }} />
          </Form.Item>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t('catalogue.materials')}
          </Typography.Title>
          <MaterialsFields doc={doc} item={item} problems={placed.byMaterial} />
        </Form>
      )}
    </Modal>
  );
}
