import { Checkbox, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../../api/admin';
import { useDepartments } from '../../api/catalog';
import { ROLES } from '../../api/enums';
import { useRegionLabel } from '../../components/RegionField';
import type { Role } from '../../api/types';

export const needsOrganisation = (r?: Role) => r === 'APPLICANT';
export const needsDepartment = (r?: Role) => r === 'REVIEWING_OFFICER' || r === 'DEPARTMENT_HEAD';
/** A window officer's region: a project is handed over only to a window of another one. */
export const needsRegion = (r?: Role) => r === 'WINDOW_OFFICER';

/** Role, organisation, department, region: only the fields the role has (the API checks the fit). */
export function AccountFields({ role }: { role?: Role }) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const orgs = useOrganisations();
  const regions = useRegionLabel();
  return (
    <>
      <Form.Item
        name="role"
        label={t('accounts.role')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      </Form.Item>
      {needsOrganisation(role) && (
        <Form.Item
          name="organisation"
          label={t('accounts.organisation')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={(orgs.data?.items ?? []).map((o) => ({
              value: o.code,
              label: `${o.name} (${o.code})`,
            }))}
          />
        </Form.Item>
      )}
      {needsDepartment(role) && (
        <Form.Item
          name="department"
          label={t('accounts.department')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={departments.items.map((d) => ({
              value: d.code,
              label: `${departments.name(d.code)} (${d.code})`,
            }))}
          />
        </Form.Item>
      )}
      {needsRegion(role) && (
        <Form.Item
          name="region"
          label={t('accounts.region')}
          extra={t('accounts.regionHint')}
          initialValue="CN"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={regions.items.map((r) => ({
              value: r.code,
              label: `${regions.label(r)} ${r.code}`,
            }))}
          />
        </Form.Item>
      )}
      {role === 'AGENT' && (
        <Form.Item name="agentTeam" valuePropName="checked" extra={t('accounts.agentTeamHint')}>
          <Checkbox>{t('accounts.agentTeam')}</Checkbox>
        </Form.Item>
      )}
    </>
  );
}
