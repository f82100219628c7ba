import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export const RISK_COLOR: Record<string, string> = {
  ON_TRACK: 'green',
  AT_RISK: 'orange',
  OVERDUE: 'red',
};

export function RiskTag({ risk }: { risk: string }) {
  const { t } = useTranslation();
  return <Tag color={RISK_COLOR[risk] ?? 'default'}>{t(`risk.${risk}`)}</Tag>;
}

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const color: Record<string, string> = {
    APPROVED: 'green',
    COMPLETED: 'green',
    REJECTED: 'red',
    UNDER_REVIEW: 'blue',
    IN_REVIEW: 'blue',
    SUBMITTED: 'cyan',
    SUPPLEMENT_REQUESTED: 'gold',
    SPECIAL_PROCEDURE: 'purple',
    SUSPENDED: 'volcano',
    BLOCKED: 'volcano',
    RETURNED: 'gold',
    WITHDRAWN: 'default',
  };
  return <Tag color={color[status] ?? 'default'}>{t(`status.${status}`)}</Tag>;
}
