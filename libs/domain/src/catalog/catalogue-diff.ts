import { PROJECT_TYPES } from '../project-types';
import type { CatalogueDocument } from './catalogue-document';

export interface EntryChange {
  readonly code: string;
  /** The fields whose values differ. */
  readonly fields: readonly string[];
}

export interface ListDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly EntryChange[];
  /** The names of the entries named above (the newer version's where both have one). */
  readonly names: Readonly<Record<string, { readonly name: string; readonly nameEn?: string }>>;
}

/** What changes from one catalogue version to another, by code and field. */
export interface CatalogueDiff {
  readonly departments: ListDiff;
  readonly themes: ListDiff;
  readonly items: ListDiff;
  /** Project types whose total limit, stage budgets or warning differ. */
  readonly policies: readonly string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function listDiff<
  T extends { readonly code: string; readonly name?: string; readonly nameEn?: string },
>(from: readonly T[], to: readonly T[]): ListDiff {
  const before = new Map(from.map((e) => [e.code, e]));
  const after = new Map(to.map((e) => [e.code, e]));
  const changed: EntryChange[] = [];
  for (const [code, next] of after) {
    const prev = before.get(code);
    if (!prev) continue;
    const keys = [...new Set([...Object.keys(prev), ...Object.keys(next)])];
    const fields = keys.filter(
      (k) => !same((prev as Record<string, unknown>)[k], (next as Record<string, unknown>)[k]),
    );
    if (fields.length) changed.push({ code, fields });
  }
  const added = [...after.keys()].filter((c) => !before.has(c));
  const removed = [...before.keys()].filter((c) => !after.has(c));
  const names: Record<string, { name: string; nameEn?: string }> = {};
  for (const code of [...added, ...removed, ...changed.map((c) => c.code)]) {
    const e = after.get(code) ?? before.get(code);
    if (e?.name) names[code] = { name: e.name, ...(e.nameEn ? { nameEn: e.nameEn } : {}) };
  }
  return { added, removed, changed, names };
}

export function diffCatalogues(from: CatalogueDocument, to: CatalogueDocument): CatalogueDiff {
  return {
    departments: listDiff(from.departments, to.departments),
    themes: listDiff(from.themes, to.themes),
    items: listDiff(from.items, to.items),
    policies: PROJECT_TYPES.filter(
      (t) => !same(from.policies?.byType?.[t], to.policies?.byType?.[t]),
    ),
  };
}
