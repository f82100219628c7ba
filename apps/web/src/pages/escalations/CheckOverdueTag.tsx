import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTones } from '../../components/tones';

/**
 * An escalation row that is a follow-up check (核查) of an approval on commitment past its due
 * date, not an item's clock: marked so beside the item's name.
 */
export function CheckOverdueTag({ row }: { row: { status: string; dueDate: string | null } }) {
  const { t } = useTranslation();
  const tones = useTones();
  if (row.status !== 'CHECK_DUE') return null;
  return (
    <Tooltip title={t('escalations.checkOverdueTip', { due: row.dueDate ?? '' })}>
      <Tag color={tones.bad} style={{ marginInlineStart: 8 }}>
        {t('escalations.checkOverdue')}
      </Tag>
    </Tooltip>
  );
}
