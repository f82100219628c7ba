import { Button, Card, Form, Input, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type Region, useCreateRegion } from '../../../api/catalogue';
import { ApiErrorAlert, type FieldMap, showFieldErrors } from '../../../components/ApiErrorAlert';

const FIELDS: FieldMap = { code: ['code'], name: ['name'], parent: ['parent'] };

interface RegionForm {
  code: string;
  name: string;
  parent: string;
}

/** A region is added under its province (or a province under the default): 6-digit codes. */
export function RegionsCard({ regions }: { regions: readonly Region[] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RegionForm>();
  const create = useCreateRegion();
  useEffect(() => {
    showFieldErrors(form, create.error, FIELDS);
  }, [create.error, form]);
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('catalogue.newRegion')}</h2>}
    >
      <Form<RegionForm>
        form={form}
        layout="inline"
        requiredMark={false}
        onFinish={(v) =>
          !create.isPending && create.mutate(v, { onSuccess: () => form.resetFields() })
        }
      >
        <Space wrap align="start">
          <Form.Item
            name="parent"
            label={t('catalogue.parent')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              style={{ minWidth: 160 }}
              options={regions
                .filter((r) => r.level !== 'DISTRICT')
                .map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))}
            />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('catalogue.regionCode')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input maxLength={6} style={{ width: 100, fontFamily: 'monospace' }} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('catalogue.regionName')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Button htmlType="submit" loading={create.isPending}>
            {t('catalogue.addRegion')}
          </Button>
        </Space>
      </Form>
      <ApiErrorAlert error={create.error} fields={FIELDS} />
    </Card>
  );
}
