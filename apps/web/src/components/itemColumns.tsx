import { useTranslation } from 'react-i18next';
import { useDepartments } from '../api/catalog';
import { RiskTag, StatusTag } from './RiskTag';

/** The columns every table of items shows alike: department by name, status and risk as tags. */
export function useItemColumns() {
  const { t } = useTranslation();
  const depts = useDepartments();
  return {
    department: {
      title: t('items.department'),
      dataIndex: 'department',
      render: (d: string) => depts.name(d),
    },
    status: {
      title: t('items.status'),
      dataIndex: 'status',
      render: (x: string) => <StatusTag status={x} />,
    },
    risk: {
      title: t('items.risk'),
      dataIndex: 'risk',
      render: (r: string) => <RiskTag risk={r} />,
    },
  };
}
