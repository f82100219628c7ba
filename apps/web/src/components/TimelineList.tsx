import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../api/types';
import { formatInstant } from './format';
import { useNames } from './names';
import { CLOCK_EFFECT_TONE, useTones } from './tones';

/** Who did what and when, with the clock effect; an agent's acts read "agent X for organisation Y". */
export function TimelineList({
  items,
  itemName = (code) => code,
  organisation = (code) => code,
}: {
  items: TimelineEntry[];
  /** An item's name by its code (components/names). */
  itemName?: (code: string) => string;
  /** An organisation's name by its code (the one an agent acted for). */
  organisation?: (code: string) => string;
}) {
  const { t } = useTranslation();
  const tones = useTones();
  const { person } = useNames();
  if (!items.length)
    return <Typography.Text type="secondary">{t('timeline.empty')}</Typography.Text>;
  return (
    <Timeline
      items={[...items].reverse().map((e) => {
        const who = e.specialistAssignedBy
          ? t('timeline.specialist', {
              actor: person(e.actor),
              by: person(e.specialistAssignedBy),
              org: organisation(e.onBehalfOf ?? ''),
            })
          : e.onBehalfOf
            ? t('timeline.onBehalf', { actor: person(e.actor), org: organisation(e.onBehalfOf) })
            : e.actor === 'system'
              ? t('timeline.system')
              : person(e.actor);
        const detail = e.detail;
        const text = [detail?.note, detail?.reason, detail?.comment].filter(
          (x) => typeof x === 'string' && x,
        );
        return {
          key: e.seq,
          color: e.clockEffect ? tones[CLOCK_EFFECT_TONE[e.clockEffect]] : 'gray',
          children: (
            <div>
              <Typography.Text strong>
                {t(`event.${e.type}`, { defaultValue: e.type })}
              </Typography.Text>
              {e.stage && <Tag style={{ marginInlineStart: 8 }}>{t(`stage.${e.stage}`)}</Tag>}
              {e.itemCode && <Tag style={{ whiteSpace: 'normal' }}>{itemName(e.itemCode)}</Tag>}
              {e.type === 'CONTACT_HANDED_OVER' && typeof detail?.to === 'string' && (
                <Tag>{t('contact.to', { name: person(detail.to) })}</Tag>
              )}
              {e.clockEffect && (
                <Tag color={tones[CLOCK_EFFECT_TONE[e.clockEffect]]}>
                  {t(`effect.${e.clockEffect}`)}
                </Tag>
              )}
              <div>
                <Typography.Text type="secondary">
                  {formatInstant(e.at)} · {who}
                </Typography.Text>
              </div>
              {text.length > 0 && <div>{text.join(' · ')}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
