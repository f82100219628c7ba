import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTones } from './tones';

/** The 重点项目 badge wherever a project shows; its reason in the tooltip. */
export function KeyTag({ flag }: { flag?: { reason: string } | null }) {
  const { t } = useTranslation();
  const tones = useTones();
  if (!flag) return null;
  return (
    <Tooltip title={t('keyProject.reasonTip', { reason: flag.reason })}>
      <Tag color={tones.bad} style={{ marginInlineStart: 8 }}>
        {t('keyProject.badge')}
      </Tag>
    </Tooltip>
  );
}
