import { Checkbox, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../../api/admin';
import { useDepartments } from '../../api/catalog';
import { ROLES } from '../../api/enums';
import type { Role } from '../../api/types';

export const needsOrganisation = (r?: Role) => r === 'APPLICANT';
export const needsDepartment = (r?: Role) => r === 'REVIEWING_OFFICER' || r === 'DEPARTMENT_HEAD';

/** Role, organisation and department: only the fields the role has (the API checks the fit). */
export function AccountFields({ role }: { role?: Role }) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const orgs = useOrganisations();
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
      {role === 'AGENT' && (
        <Form.Item name="agentTeam" valuePropName="checked" extra={t('accounts.agentTeamHint')}>
          <Checkbox>{t('accounts.agentTeam')}</Checkbox>
        </Form.Item>
      )}
    </>
  );
}
