import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_TONE, useRiskColor, useTones } from './tones';

export function RiskTag({ risk }: { risk: string }) {
  const { t } = useTranslation();
  const color = useRiskColor();
  return <Tag color={color(risk)}>{t(`risk.${risk}`)}</Tag>;
}

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const tones = useTones();
  return <Tag color={tones[STATUS_TONE[status] ?? 'muted']}>{t(`status.${status}`)}</Tag>;
}
