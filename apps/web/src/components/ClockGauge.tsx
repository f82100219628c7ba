import { Progress, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

const STROKE: Record<string, string> = { ON_TRACK: '#389e0d', AT_RISK: '#d48806', OVERDUE: '#cf1322' };

/** Working days used of the limit, as a small dial coloured by risk (lists and cards). */
export function ClockGauge({
  usedDays,
  limitDays,
  risk,
  size = 64,
}: {
  usedDays: number;
  limitDays: number;
  risk: string;
  size?: number;
}) {
  const { t } = useTranslation();
  const left = limitDays - usedDays;
  const label = t('clock.gaugeLabel', { used: usedDays, limit: limitDays, left });
  return (
    <Tooltip title={label}>
      <span role="img" aria-label={label} style={{ display: 'inline-block' }}>
        <Progress
          type="dashboard"
          size={size}
          percent={Math.min(100, Math.round((usedDays / Math.max(1, limitDays)) * 100))}
          strokeColor={STROKE[risk]}
          status={risk === 'OVERDUE' ? 'exception' : 'normal'}
          format={() => `${usedDays}/${limitDays}`}
        />
      </span>
    </Tooltip>
  );
}
