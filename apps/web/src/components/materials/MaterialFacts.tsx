import { Button, Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaterialSource } from '../../api/types';
import { useAnswerText } from '../useAnswerText';

/** What a material is, as the checklist and the 一次性告知书 say it. */
export interface MaterialFactsOf {
  required: boolean;
  reason?: { questionId?: string; optionId?: string; text: string; textEn: string }[];
  source: MaterialSource;
  producedBy: string | null;
  paper?: { originals: number; copies: number; size?: string } | null;
  standard?: string;
  standardEn?: string;
  template?: string | null;
}

/**
 * Why a material is asked for (or waived), who provides it — an earlier item's result named, with
 * its number once issued — the paper copies and the acceptance standard.
 */
export function MaterialFacts({
  m,
  itemName,
  result,
  onOpenResult,
}: {
  m: MaterialFactsOf;
  /** An item of the project or checklist by its code, in the reader's language. */
  itemName: (code: string) => string;
  result?: { number: string } | null;
  onOpenResult?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const answer = useAnswerText();
  const reasons = (m.reason ?? []).map(answer).join(t('common.separator'));
  const rows: [string, ReactNode][] = [
    [m.required ? t('materials.why') : t('materials.waivedWhy'), reasons || t('materials.always')],
    [
      t('materials.sourceLabel'),
      m.producedBy ? (
        <span>
          {t('materials.providedBy', { item: itemName(m.producedBy) })}
          {result && (
            <>
              {' · '}
              {onOpenResult ? (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={onOpenResult}>
                  {t('materials.openResult', { number: result.number })}
                </Button>
              ) : (
                t('materials.providedNumber', { number: result.number })
              )}
            </>
          )}
        </span>
      ) : (
        t(`materials.source.${m.source}`)
      ),
    ],
  ];
  if (m.paper !== undefined)
    rows.push([
      t('materials.paper'),
      m.paper
        ? `${t('materials.paperCopies', m.paper)}${m.paper.size ? ` · ${m.paper.size}` : ''}`
        : t('materials.noPaper'),
    ]);
  const standard = i18n.language === 'en' ? m.standardEn || m.standard : m.standard;
  if (standard) rows.push([t('materials.standard'), standard]);
  if (m.template) rows.push([t('materials.template'), m.template]);
  return (
    <Descriptions
      size="small"
      column={1}
      items={rows.map(([label, children]) => ({ key: label, label, children }))}
    />
  );
}
