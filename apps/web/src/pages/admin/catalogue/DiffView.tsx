import { Descriptions, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogueDiff } from '../../../api/catalogue';
import { useTones } from '../../../components/tones';

type ListDiff = CatalogueDiff['items'];

function Changes({ diff }: { diff: ListDiff }) {
  const { t } = useTranslation();
  const tones = useTones();
  if (!diff.added.length && !diff.removed.length && !diff.changed.length)
    return <>{t('catalogue.diffNone')}</>;
  return (
    <>
      {diff.added.map((c) => (
        <Tag key={`+${c}`} color={tones.good}>
          + {c}
        </Tag>
      ))}
      {diff.removed.map((c) => (
        <Tag key={`-${c}`} color={tones.bad}>
          − {c}
        </Tag>
      ))}
      {diff.changed.map((c) => (
        <Tag key={`~${c.code}`} color={tones.warn}>
          {c.code}: {c.fields.join(', ')}
        </Tag>
      ))}
    </>
  );
}

/** What a version changes against another: entries added, removed, changed field by field. */
export function DiffView({ diff }: { diff: CatalogueDiff | undefined }) {
  const { t } = useTranslation();
  if (!diff) return <Empty description={t('catalogue.diffPick')} />;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      title={t('catalogue.diffTitle', { from: diff.from.version, to: diff.to.version })}
      styles={{ label: { width: 140, whiteSpace: 'nowrap' } }}
      items={[
        { key: 'items', label: t('catalogue.items'), children: <Changes diff={diff.items} /> },
        { key: 'themes', label: t('catalogue.themes'), children: <Changes diff={diff.themes} /> },
        {
          key: 'departments',
          label: t('catalogue.departments'),
          children: <Changes diff={diff.departments} />,
        },
        {
          key: 'policies',
          label: t('catalogue.policies'),
          children: diff.policies.length
            ? diff.policies.map((p) => <Tag key={p}>{t(`type.${p}`, p)}</Tag>)
            : t('catalogue.diffNone'),
        },
      ]}
    />
  );
}
