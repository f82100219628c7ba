import type { ProjectType } from '../project-types';
import { defaultDepartments } from './departments';
import { defaultItems } from './items';
import { defaultMaterials } from './materials';
import { loadCatalog, type LoadCatalogOptions } from './load-catalog';
import { defaultStages } from './stages';
import { defaultThemes } from './themes';
import type { Catalog, CatalogData, CatalogItem, Department, ItemData, Theme } from './types';

/** The default catalog as data, before validation (what a region copies to make its own). */
export const defaultCatalogData: CatalogData = {
  version: 'cn-default-2026.1',
  departments: defaultDepartments,
  stages: defaultStages,
  themes: defaultThemes,
  items: defaultItems.map((item) => ({ ...item, materials: defaultMaterials[item.code] ?? [] })),
};

/** The default catalog, validated when this module loads: a broken default fails fast. */
export const defaultCatalog: Catalog = loadCatalog(defaultCatalogData);

/** The promised limit that applies to a project type (the type's own value, else the default). */
export function promisedLimitFor(item: CatalogItem, projectType: ProjectType): number {
  return item.promisedLimitDaysByType[projectType] ?? item.promisedLimitDays;
}

export function findItem(catalog: Catalog, code: string): CatalogItem | undefined {
  return catalog.items.find((item) => item.code === code);
}

export function findDepartment(catalog: Catalog, code: string): Department | undefined {
  return catalog.departments.find((department) => department.code === code);
}

export function findTheme(catalog: Catalog, code: string): Theme | undefined {
  return catalog.themes.find((theme) => theme.code === code);
}

/**
 * A region's changes to a base catalog. Entries replace the base entry with the same code
 * field by field, or are added when the code is new (then they must be complete); `remove*`
 * drops entries by code. The result is validated like any catalog.
 */
export interface CatalogOverride {
  readonly version: string;
  readonly departments?: readonly (Partial<Department> & { readonly code: string })[];
  readonly themes?: readonly (Partial<Theme> & { readonly code: string })[];
  readonly items?: readonly (Partial<ItemData> & { readonly code: string })[];
  readonly removeItems?: readonly string[];
  readonly removeThemes?: readonly string[];
}

export function overrideCatalog(
  base: CatalogData,
  override: CatalogOverride,
  options?: LoadCatalogOptions,
): Catalog {
  const merge = <T extends { readonly code: string }>(
    entries: readonly T[],
    changes: readonly (Partial<T> & { readonly code: string })[] = [],
    removed: readonly string[] = [],
  ): T[] => {
    const out: T[] = entries.filter((e) => !removed.includes(e.code)).map((e) => ({ ...e }));
    for (const change of changes) {
      const at = out.findIndex((e) => e.code === change.code);
      if (at >= 0) out[at] = { ...out[at], ...change };
      else out.push(change as T);
    }
    return out;
  };
  return loadCatalog(
    {
      version: override.version,
      departments: merge(base.departments, override.departments),
      stages: base.stages,
      themes: merge(base.themes, override.themes, override.removeThemes),
      items: merge<ItemData>(base.items, override.items, override.removeItems),
    },
    options,
  );
}
