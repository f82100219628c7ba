/**
 * The API's refusals about materials, said in the reader's language: the API words them in
 * English with the materials' Chinese names and codes ("materials missing: ITEM: 申请表
 * (APPLICATION); …"); the page keeps the names and drops the codes.
 */
import type { TFunction } from 'i18next';

const WORDED: [RegExp, string][] = [
  [/^materials missing: (.*?); accept them with deficiency.*$/, 'refusal.uncovered'],
  [/^materials missing: (.*)$/, 'refusal.missing'],
  [/^hand in new versions first: (.*)$/, 'refusal.newVersions'],
  [/^hand in first: (.*)$/, 'refusal.handInFirst'],
  [
    /^item \S+ has materials that need correction: (.*); request a supplement$/,
    'refusal.needsCorrection',
  ],
];

/** "ITEM: 申请表 (APPLICATION); …" or "申请表 (APPLICATION), …" → "申请表、…". */
function names(list: string, t: TFunction): string {
  return list
    .split(/; |, /)
    .map((x) => x.replace(/^[A-Z][A-Z0-9_]*: /, '').replace(/ \([A-Z][A-Z0-9_]*\)$/, ''))
    .join(t('common.separator'));
}

/** The message in words the reader reads, or as the API said it when it is none of these. */
export function wordRefusal(t: TFunction, message: string): string {
  for (const [re, key] of WORDED) {
    const m = re.exec(message);
    if (m) return t(key, { materials: names(m[1], t) });
  }
  return message;
}
