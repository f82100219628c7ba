import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Solid tags in dark shades: white text on them passes WCAG AA contrast. */
export const RISK_COLOR: Record<string, string> = {
  ON_TRACK: '#237804',
  AT_RISK: '#ad4e00',
  OVERDUE: '#a8071a',
};

export function RiskTag({ risk }: { risk: string }) {
  const { t } = useTranslation();
  return <Tag color={RISK_COLOR[risk] ?? 'default'}>{t(`risk.${risk}`)}</Tag>;
}

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const color: Record<string, string> = {
    APPROVED: '#237804',
    COMPLETED: '#237804',
    REJECTED: '#a8071a',
    UNDER_REVIEW: '#0958d9',
    IN_REVIEW: '#0958d9',
    SUBMITTED: '#006d75',
    SUPPLEMENT_REQUESTED: '#ad4e00',
    SPECIAL_PROCEDURE: '#531dab',
    SUSPENDED: '#a8071a',
    BLOCKED: '#a8071a',
    RETURNED: '#ad4e00',
    WITHDRAWN: '#595959',
    PENDING: '#595959',
    NOT_STARTED: '#595959',
  };
  return <Tag color={color[status] ?? '#595959'}>{t(`status.${status}`)}</Tag>;
}
