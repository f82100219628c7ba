import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Region, useRegions } from '../api/catalogue';

/** A region as a person reads it: its name and level (山东省（省级）). */
export function useRegionLabel() {
  const { t } = useTranslation();
  const regions = useRegions();
  const items = regions.data?.items ?? [];
  const label = (r: Pick<Region, 'name' | 'level'>) =>
    t('contact.region', { name: r.name, level: t(`catalogue.level.${r.level}`, r.level) });
  return {
    items,
    label,
    /** The label of a region by its code (the code while the list loads). */
    of: (code?: string | null) => {
      const r = items.find((x) => x.code === code);
      return r ? label(r) : (code ?? '—');
    },
  };
}

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
