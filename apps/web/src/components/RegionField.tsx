import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../api/catalogue';

/**
 * The region a project belongs to (its catalogue, limits and departments come from it): a list
 * of the regions the administrator set up, the default one chosen. Nothing to choose while there
 * is only the default.
 */
export function RegionField() {
  const { t } = useTranslation();
  const regions = useRegions();
  const items = regions.data?.items ?? [];
  if (items.length < 2) return null;
  return (
    <Form.Item name="region" label={t('newProject.region')} initialValue="CN">
      <Select
        showSearch
        optionFilterProp="label"
        options={items.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))}
      />
    </Form.Item>
  );
}
