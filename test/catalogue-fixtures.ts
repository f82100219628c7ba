/**
 * Catalogue documents the tests import: the Weifang fixture (test/fixtures/catalogue-weifang.json)
 * and variants of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// A catalogue document as the API takes it: loosely typed, since tests change it freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CatalogueDocument = Record<string, any>;

export const weifangCatalogue = (): CatalogueDocument =>
  JSON.parse(readFileSync(join(__dirname, 'fixtures', 'catalogue-weifang.json'), 'utf8'));

/**
 * The Weifang catalogue with its PLAN stage split in two themes (the filing in 立项用地主题, the
 * provincial environment approval in 环境评价主题) and a policy that accepts per theme; moved to
 * `region` (a province: every department becomes the province's) when given.
 */
export function perThemeCatalogue(version: string, region?: string): CatalogueDocument {
  const doc = weifangCatalogue();
  doc.version = version;
  if (region) {
    doc.region = region;
    for (const d of doc.departments) Object.assign(d, { region, level: 'PROVINCE' });
  }
  doc.themes.push({ code: 'WF_ENV', stage: 'PLAN', name: '环境评价主题', nameEn: 'Environment' });
  doc.items.find((i: { code: string }) => i.code === 'WF_EIA').theme = 'WF_ENV';
  for (const p of Object.values<Record<string, unknown>>(doc.policies.byType))
    p.acceptPerTheme = true;
  return doc;
}
