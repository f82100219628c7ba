import { Descriptions, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogueDiff } from '../../../api/catalogue';
import { useTones } from '../../../components/tones';

type ListDiff = CatalogueDiff['items'];

function Changes({ diff }: { diff: ListDiff }) {
  const { t, i18n } = useTranslation();
  const tones = useTones();
  const en = i18n.language === 'en';
  // An entry by its name in the reader's language, its code beside it.
  const named = (code: string) => {
    const n = diff.names[code];
    const name = n && (en ? (n.nameEn ?? n.name) : n.name);
    return name ? (en ? `${name} (${code})` : `${name}（${code}）`) : code;
  };
  const field = (f: string) => t(`catalogue.field.${f}`, { defaultValue: f });
  if (!diff.added.length && !diff.removed.length && !diff.changed.length)
    return <>{t('catalogue.diffNone')}</>;
  return (
    <>
      {diff.added.map((c) => (
        <Tag key={`+${c}`} color={tones.good}>
          + {named(c)}
        </Tag>
      ))}
      {diff.removed.map((c) => (
        <Tag key={`-${c}`} color={tones.bad}>
          − {named(c)}
        </Tag>
      ))}
      {diff.changed.map((c) => (
        <Tag key={`~${c.code}`} color={tones.warn}>
          {named(c.code)}
          {en ? ': ' : '：'}
          {c.fields.map(field).join(en ? ', ' : '、')}
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
