import { IssuesError } from '../issues-error';
import {
  defaultPolicies,
  loadPolicies,
  PolicyValidationError,
  type Policies,
} from '../policy/policies';
import type { Questionnaire } from '../questionnaire/questions';
import { defaultCatalogData } from './catalog';
import { isObj } from './checks';
import { CatalogValidationError, loadCatalog } from './load-catalog';
import type { Catalog, CatalogData, Department } from './types';

/**
 * One version of a region's catalogue as one JSON document: what an administrator imports and
 * exports (its JSON Schema is `catalogueDocumentSchema`). The departments carry their level and
 * region; the policies are the total limits and warning rule per project type.
 */
export interface CatalogueDocument extends CatalogData {
  /** The region (administrative division code) the version is for. */
  readonly region: string;
  readonly policies: Omit<Policies, 'version'> & { readonly version?: string };
}

/** A problem of a document, at its JSON path (`$.items[3].promisedLimitDays`). */
export interface DocumentIssue {
  readonly path: string;
  readonly message: string;
}

export class CatalogueDocumentError extends IssuesError<DocumentIssue> {
  override readonly name = 'CatalogueDocumentError';

  constructor(issues: readonly DocumentIssue[]) {
    super('catalogue document', issues, (i) => i.path);
  }
}

export interface LoadedCatalogue {
  readonly catalog: Catalog;
  readonly policies: Policies;
}

/** The built-in catalogue and policies as the seed document of `region`. */
export function builtInCatalogueDocument(region: string): CatalogueDocument {
  return {
    ...defaultCatalogData,
    region,
    departments: defaultCatalogData.departments.map((d): Department => ({
      ...d,
      level: d.level ?? 'CITY',
      region: d.region ?? region,
    })),
    policies: { version: defaultPolicies.version, byType: defaultPolicies.byType },
  };
}

/**
 * Validates a catalogue document: every rule of `loadCatalog` and `loadPolicies`, plus a region
 * and a level and region for every department. Throws `CatalogueDocumentError` listing every
 * problem with its JSON path, so an administrator fixes the file in one pass.
 */
export function loadCatalogueDocument(
  doc: unknown,
  options: { questionnaire?: Questionnaire } = {},
): LoadedCatalogue {
  if (!isObj(doc)) throw new CatalogueDocumentError([{ path: '$', message: 'must be an object' }]);
  const issues: DocumentIssue[] = [];
  if (typeof doc.region !== 'string' || doc.region.trim() === '')
    issues.push({ path: '$.region', message: 'region must be a region code' });
  const departments = Array.isArray(doc.departments) ? doc.departments : [];
  departments.forEach((d: unknown, i) => {
    if (!isObj(d)) return;
    if (d.level === undefined)
      issues.push({ path: `$.departments[${i}].level`, message: 'level is required' });
    if (d.region === undefined)
      issues.push({ path: `$.departments[${i}].region`, message: 'region is required' });
  });

  let catalog: Catalog | undefined;
  try {
    catalog = loadCatalog(doc, options);
  } catch (err) {
    if (!(err instanceof CatalogValidationError)) throw err;
    issues.push(
      ...err.issues.map((i) => ({
        path: catalogPath(doc, i.entry, i.message),
        message: i.message,
      })),
    );
  }
  let policies: Policies | undefined;
  const rawPolicies = doc.policies;
  if (!isObj(rawPolicies)) {
    issues.push({ path: '$.policies', message: 'policies must be an object { byType }' });
  } else {
    try {
      policies = loadPolicies({ version: doc.version, ...rawPolicies });
    } catch (err) {
      if (!(err instanceof PolicyValidationError)) throw err;
      issues.push(
        ...err.issues.map((i) => ({
          path: i.entry === 'policies' ? '$.policies' : `$.policies.byType.${i.entry}`,
          message: i.message,
        })),
      );
    }
  }
  if (issues.length > 0 || !catalog || !policies) throw new CatalogueDocumentError(issues);
  return { catalog, policies };
}

const LISTS: Record<string, string> = {
  department: 'departments',
  stage: 'stages',
  theme: 'themes',
  item: 'items',
};

const ITEM_FIELDS: [RegExp, string][] = [
  [/^unknown department/, 'department'],
  [/^unknown theme|^theme \S+ belongs to stage/, 'theme'],
  [/^unknown stage/, 'stage'],
  [/prerequisite/, 'prerequisites'],
  [/^(name and nameEn)/, 'name'],
];

/** The JSON path of a `loadCatalog` issue: its entry's place in the document, and the field. */
function catalogPath(doc: Record<string, unknown>, entry: string, message: string): string {
  if (entry === 'catalog') {
    const key = /^(\w+) must/.exec(message)?.[1];
    return key ? `$.${key}` : '$';
  }
  const indexed = /^(\w+)\[(\d+)\]$/.exec(entry);
  let base: string;
  let raw: unknown;
  if (indexed) {
    base = `$.${indexed[1]}[${indexed[2]}]`;
    raw = (doc[indexed[1]] as unknown[] | undefined)?.[Number(indexed[2])];
  } else {
    const kind = entry.slice(0, entry.indexOf(' '));
    const code = entry.slice(kind.length + 1);
    const list = LISTS[kind] ?? kind;
    const entries = Array.isArray(doc[list]) ? (doc[list] as unknown[]) : [];
    const at = entries.findIndex((e) => isObj(e) && e.code === code);
    if (at < 0) return `$.${list}`;
    base = `$.${list}[${at}]`;
    raw = entries[at];
  }
  const material = /^material (\S+):|^materials\[(\d+)\]:/.exec(message);
  if (material && isObj(raw) && Array.isArray(raw.materials)) {
    const j = material[2] ?? raw.materials.findIndex((m) => isObj(m) && m.code === material[1]);
    return `${base}.materials[${j}]`;
  }
  for (const [pattern, field] of ITEM_FIELDS) if (pattern.test(message)) return `${base}.${field}`;
  const key = /^([a-zA-Z]+)(\.[A-Z_]+)?\b/.exec(message);
  if (key && isObj(raw) && (key[1] in raw || /must|exceeds|refers/.test(message)))
    return `${base}.${key[1]}${key[2] ?? ''}`;
  return base;
}
