import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MaterialStatus } from '../../api/types';
import { MATERIAL_TONE, useTones } from '../tones';

export function MaterialStatusTag({ status }: { status: MaterialStatus }) {
  const { t } = useTranslation();
  const tones = useTones();
  return (
    <Tag color={tones[MATERIAL_TONE[status] ?? 'muted']}>{t(`materials.status.${status}`)}</Tag>
  );
}

/** 容缺: the window may accept the item while this material is still missing. */
export function DeficiencyTag() {
  const { t } = useTranslation();
  const tones = useTones();
  return (
    <Tag color={tones.special} title={t('windowReview.deficiencyHint')}>
      {t('materials.deficiencyAllowed')}
    </Tag>
  );
}

/** A material's or an item's name in the reader's language. */
export function useLocalName() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (x: { name: string; nameEn: string }) => (en ? x.nameEn : x.name);
}
