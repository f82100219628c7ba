/**
 * 预审 at the window: a stage handed in from pre-review says so in the queue (a tag) and on its
 * check (a note): its departments have looked at the materials already, one click accepts it,
 * and its clocks count from the day it was handed in (the previous stage's completion), however
 * late the window clicks.
 */
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Note } from '../../components/Note';
import { useTones } from '../../components/tones';

interface PreReviewed {
  preReviewedOn: string | null;
  submittedOn: string | null;
}

/** The queue row's tag: 已预审, the days in its tooltip. */
export function PreReviewedTag({ row }: { row: PreReviewed }) {
  const { t } = useTranslation();
  const tones = useTones();
  if (!row.preReviewedOn) return null;
  const tip = t('express.preReviewedTip', { on: row.preReviewedOn, from: row.submittedOn ?? '' });
  return (
    <Tooltip title={tip}>
      <Tag color={tones.special} style={{ marginInlineStart: 8 }}>
        {t('express.preReviewedTag')}
      </Tag>
    </Tooltip>
  );
}

/** The check's note, above the buttons, while the stage waits for acceptance. */
export function PreReviewedNote({ stage }: { stage: PreReviewed & { status: string } }) {
  const { t } = useTranslation();
  if (!stage.preReviewedOn || stage.status !== 'SUBMITTED') return null;
  return (
    <Note
      type="success"
      gap={0}
      message={t('express.preReviewedTag')}
      description={t('express.preReviewedNote', {
        on: stage.preReviewedOn,
        from: stage.submittedOn ?? '',
      })}
    />
  );
}
