import { Button, Card, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { MATERIAL_SOURCES } from '../../../api/enums';
import type { CatalogueDoc, DocItem, DocMaterial } from './document';

/** One material in the item's form: the fields a city changes (rules and the rest are kept). */
export interface MaterialForm {
  /** Its place in the item as loaded; none for a material added in the form. */
  at?: number;
  code: string;
  name: string;
  nameEn: string;
  standard: string;
  source: string;
  producedBy?: string[];
  originals?: number | null;
  copies?: number | null;
  deficiencyAllowed?: boolean;
}

const producersOf = (m: DocMaterial): string[] =>
  m.producedBy == null ? [] : typeof m.producedBy === 'string' ? [m.producedBy] : m.producedBy;
const sourceOf = (m: DocMaterial) =>
  m.source ?? (producersOf(m).length ? 'EARLIER_ITEM' : 'APPLICANT');
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The form's values of an item's materials. */
export function materialsForm(item: DocItem): MaterialForm[] {
  return (item.materials ?? []).map((m, at) => ({
    at,
    code: m.code ?? '',
    name: m.name ?? '',
    nameEn: m.nameEn ?? '',
    standard: m.standard ?? '',
    source: sourceOf(m),
    producedBy: producersOf(m),
    originals: m.paper?.originals ?? null,
    copies: m.paper?.copies ?? null,
    deficiencyAllowed: m.deficiencyAllowed === true,
  }));
}

/**
 * The materials back into the document: each one as loaded with only what the form changed (so
 * an unchanged material is the same JSON, and the diff names only real changes).
 */
export function materialsOf(item: DocItem, values: readonly MaterialForm[]): DocMaterial[] {
  return values.map((v) => {
    const was: DocMaterial = v.at === undefined ? {} : (item.materials?.[v.at] ?? {});
    const m: DocMaterial = { ...was, code: v.code, name: v.name, nameEn: v.nameEn };
    if (v.standard !== was.standard) {
      m.standard = v.standard;
      delete m.standardEn; // its translation no longer holds
    }
    const producers = v.source === 'EARLIER_ITEM' ? (v.producedBy ?? []) : [];
    if (!same(producers, producersOf(was)))
      if (producers.length) m.producedBy = producers;
      else delete m.producedBy;
    if (v.source !== sourceOf(was) || was.source !== undefined) m.source = v.source;
    const paper =
      v.originals == null && v.copies == null
        ? null
        : { ...was.paper, originals: v.originals ?? 0, copies: v.copies ?? 0 };
    if (!same(paper, was.paper ?? null)) m.paper = paper;
    if (!!v.deficiencyAllowed !== (was.deficiencyAllowed === true))
      m.deficiencyAllowed = !!v.deficiencyAllowed;
    return m;
  });
}

/**
 * An item's materials in its form: added, removed and edited; `problems` are the API's for each
 * material (by its place in the list as saved), shown on it.
 */
export function MaterialsFields({
  doc,
  item,
  problems,
}: {
  doc: CatalogueDoc;
  item: DocItem;
  problems: ReadonlyMap<number, string[]>;
}) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('common.required') }];
  const others = (doc.items ?? [])
    .filter((i) => i.code && i.code !== item.code)
    .map((i) => ({ value: i.code!, label: `${i.name ?? ''} (${i.code})` }));
  return (
    <Form.List name="materials">
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {fields.map((f, n) => (
            <Card
              key={f.key}
              size="small"
              title={t('catalogue.materialN', { n: n + 1 })}
              extra={
                <Button
                  size="small"
                  danger
                  aria-label={t('catalogue.removeMaterial', { name: n + 1 })}
                  onClick={() => remove(f.name)}
                >
                  {t('catalogue.remove')}
                </Button>
              }
            >
              {problems.get(n)?.map((p) => (
                <div key={p} role="alert" style={{ color: 'var(--ant-color-error-text)' }}>
                  {p}
                </div>
              ))}
              <Form.Item name={[f.name, 'at']} hidden>
                <InputNumber />
              </Form.Item>
              <Form.Item
                name={[f.name, 'code']}
                label={t('catalogue.materialCode')}
                extra={t('catalogue.materialCodeHint')}
                rules={[
                  ...required,
                  { pattern: /^[A-Z][A-Z0-9_]{1,39}$/, message: t('catalogue.materialCodeHint') },
                ]}
              >
                <Input />
              </Form.Item>
              <Form.Item
                name={[f.name, 'name']}
                label={t('catalogue.materialName')}
                rules={required}
              >
                <Input />
              </Form.Item>
              <Form.Item
                name={[f.name, 'nameEn']}
                label={t('catalogue.materialNameEn')}
                rules={required}
              >
                <Input />
              </Form.Item>
              <Form.Item
                name={[f.name, 'standard']}
                label={t('catalogue.materialStandard')}
                rules={required}
              >
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'source']} label={t('materials.sourceLabel')}>
                <Select
                  options={MATERIAL_SOURCES.map((s) => ({
                    value: s,
                    label: t(`materials.source.${s}`),
                  }))}
                />
              </Form.Item>
              <Form.Item noStyle dependencies={[['materials', f.name, 'source']]}>
                {({ getFieldValue }) =>
                  getFieldValue(['materials', f.name, 'source']) === 'EARLIER_ITEM' && (
                    <Form.Item
                      name={[f.name, 'producedBy']}
                      label={t('catalogue.producedBy')}
                      rules={required}
                    >
                      <Select mode="multiple" options={others} />
                    </Form.Item>
                  )
                }
              </Form.Item>
              <Space wrap>
                <Form.Item name={[f.name, 'originals']} label={t('catalogue.originals')}>
                  <InputNumber min={0} max={20} />
                </Form.Item>
                <Form.Item name={[f.name, 'copies']} label={t('catalogue.copies')}>
                  <InputNumber min={0} max={20} />
                </Form.Item>
              </Space>
              <Form.Item name={[f.name, 'deficiencyAllowed']} valuePropName="checked" noStyle>
                <Checkbox>{t('materials.deficiencyAllowed')}</Checkbox>
              </Form.Item>
            </Card>
          ))}
          <Button
            onClick={() =>
              add({ code: '', name: '', nameEn: '', standard: '', source: 'APPLICANT' })
            }
          >
            {t('catalogue.addMaterial')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
