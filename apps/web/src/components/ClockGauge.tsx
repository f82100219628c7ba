import { Progress, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRiskColor } from './tones';

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
  const color = useRiskColor();
  const left = limitDays - usedDays;
  const label = t('clock.gaugeLabel', { used: usedDays, limit: limitDays, left });
  return (
    <Tooltip title={label}>
      <span style={{ display: 'inline-block' }}>
        <Progress
          aria-label={label}
          type="dashboard"
          size={size}
          percent={Math.min(100, Math.round((usedDays / Math.max(1, limitDays)) * 100))}
          strokeColor={color(risk)}
          status={risk === 'OVERDUE' ? 'exception' : 'normal'}
          format={() => `${usedDays}/${limitDays}`}
        />
      </span>
    </Tooltip>
  );
}
