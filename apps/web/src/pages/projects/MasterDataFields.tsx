import { Button, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONSTRUCTION_NATURES, FUNDING_SOURCES } from '../../api/enums';
import type { Body } from '../../api/types';
import type { FieldMap } from '../../components/ApiErrorAlert';

type MasterBody = Body<'/api/projects/{id}/master-data', 'patch'>;
type Unit = { name?: string; creditCode?: string };

/** The form's values of the master data section (a cleared number is null). */
export interface MasterDataForm {
  projectCode?: string;
  constructionUnits?: Unit[];
  totalInvestment?: number | null;
  landArea?: number | null;
  floorArea?: number | null;
  address?: string;
  constructionNature?: MasterBody['constructionNature'];
  fundingSource?: MasterBody['fundingSource'];
}

const TEXT = ['projectCode', 'address'] as const;
const NUMBERS = ['totalInvestment', 'landArea', 'floorArea'] as const;
const CHOICES = ['constructionNature', 'fundingSource'] as const;
/** The shape of 投资项目统一代码 (the API checks the year and division code too). */
const PROJECT_CODE = /^\s*\d{4}-\d{6}-\d{2}-\d{2}-\d{6}\s*$/;
/** As many construction units as the API takes. */
const MAX_UNITS = 20;

const unitsOf = (m: MasterDataForm) =>
  (m.constructionUnits ?? [])
    .map((u) => ({ name: u.name?.trim() ?? '', creditCode: u.creditCode?.trim() ?? '' }))
    .filter((u) => u.name || u.creditCode);

/**
 * The section's values as the API takes them; `clear`: an emptied field is sent as null (an edit
 * removes it), otherwise it is left out (a create).
 */
export function masterDataBody(m: MasterDataForm | undefined, clear = false): MasterBody {
  const out: Record<string, unknown> = {};
  const empty = (k: string) => {
    if (clear) out[k] = null;
  };
  const v = m ?? {};
  for (const k of TEXT) {
    const s = v[k]?.trim();
    if (s) out[k] = s;
    else empty(k);
  }
  for (const k of [...NUMBERS, ...CHOICES]) {
    const x = v[k];
    if (x !== undefined && x !== null) out[k] = x;
    else empty(k);
  }
  const units = unitsOf(v);
  if (units.length) out.constructionUnits = units;
  else empty('constructionUnits');
  return out;
}

/** The API's field paths of this section, mapped to the form's names under `prefix`. */
export function masterDataFields(prefix: string[] = []): FieldMap {
  const map: FieldMap = {};
  for (const k of [...TEXT, ...NUMBERS, ...CHOICES, 'constructionUnits']) map[k] = [...prefix, k];
  for (let i = 0; i < MAX_UNITS; i++) {
    for (const k of ['name', 'creditCode'])
      map[`constructionUnits.${i}.${k}`] = [...prefix, 'constructionUnits', i, k];
  }
  return map;
}

/**
 * The project's identity and master data (项目基本信息): the investment project code, the
 * construction units with their credit codes, investment, areas, address, nature and funding.
 * Every field optional; the API checks the code's format and the credit codes' check characters.
 */
export function MasterDataFields({ prefix = [] }: { prefix?: string[] }) {
  const { t } = useTranslation();
  const name = (k: string) => [...prefix, k];
  const number = (k: (typeof NUMBERS)[number], unit: string) => (
    <Col xs={24} sm={8}>
      <Form.Item name={name(k)} label={`${t(`masterData.${k}`)}（${unit}）`}>
        <InputNumber min={0} max={1e9} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <section aria-label={t('masterData.title')}>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('masterData.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('masterData.intro')}</Typography.Paragraph>
      <Form.Item
        name={name('projectCode')}
        label={t('masterData.projectCode')}
        extra={t('masterData.projectCodeHint')}
        rules={[{ pattern: PROJECT_CODE, message: t('masterData.projectCodeFormat') }]}
      >
        <Input maxLength={40} placeholder="2026-440300-47-01-000016" />
      </Form.Item>
      <Form.List name={name('constructionUnits')} initialValue={[{}]}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => {
              const n = fields.length > 1 ? ` ${i + 1}` : '';
              return (
                <Row key={f.key} gutter={12} align="bottom">
                  <Col xs={24} sm={12}>
                    <Form.Item name={[f.name, 'name']} label={`${t('masterData.unitName')}${n}`}>
                      <Input maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col xs={fields.length > 1 ? 18 : 24} sm={fields.length > 1 ? 9 : 12}>
                    <Form.Item
                      name={[f.name, 'creditCode']}
                      label={`${t('masterData.unitCreditCode')}${n}`}
                      rules={[{ len: 18, message: t('masterData.creditCodeLength') }]}
                    >
                      <Input maxLength={18} />
                    </Form.Item>
                  </Col>
                  {fields.length > 1 && (
                    <Col xs={6} sm={3}>
                      <Form.Item>
                        <Button onClick={() => remove(f.name)}>{t('masterData.removeUnit')}</Button>
                      </Form.Item>
                    </Col>
                  )}
                </Row>
              );
            })}
            {fields.length < MAX_UNITS && (
              <Form.Item>
                <Button onClick={() => add({})}>{t('masterData.addUnit')}</Button>
              </Form.Item>
            )}
          </>
        )}
      </Form.List>
      <Row gutter={12}>
        {number('totalInvestment', t('masterData.tenThousandYuan'))}
        {number('landArea', 'm²')}
        {number('floorArea', 'm²')}
      </Row>
      <Form.Item name={name('address')} label={t('masterData.address')}>
        <Input maxLength={300} />
      </Form.Item>
      <Space wrap size="middle" style={{ width: '100%' }}>
        <Form.Item name={name('constructionNature')} label={t('masterData.constructionNature')}>
          <Select
            allowClear
            style={{ minWidth: 160 }}
            options={CONSTRUCTION_NATURES.map((x) => ({ value: x, label: t(`nature.${x}`) }))}
          />
        </Form.Item>
        <Form.Item name={name('fundingSource')} label={t('masterData.fundingSource')}>
          <Select
            allowClear
            style={{ minWidth: 180 }}
            options={FUNDING_SOURCES.map((x) => ({ value: x, label: t(`funding.${x}`) }))}
          />
        </Form.Item>
      </Space>
    </section>
  );
}
