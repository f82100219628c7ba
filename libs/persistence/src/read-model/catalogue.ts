/**
 * Regions and catalogue versions, as SQL (migration 1763910000000). A version's document is the
 * catalogue as an administrator imported it; `issues` its validation problems (none: it may be
 * published).
 */
import type { Db } from './db';

export const DEFAULT_REGION = 'CN';

export type RegionLevel = 'COUNTRY' | 'PROVINCE' | 'CITY' | 'DISTRICT';

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parent: string | null;
}

export interface CatalogueVersionRow {
  id: string;
  region: string;
  version: string;
  status: 'DRAFT' | 'PUBLISHED';
  document: Record<string, unknown>;
  issues: { path: string; message: string }[];
  /** YYYY-MM-DD, once published. */
  effectiveFrom: string | null;
  createdBy: string;
  createdAt: string;
  publishedAt: string | null;
}

export async function listRegions(db: Db): Promise<RegionRow[]> {
  return db.query(`SELECT code, name, level, parent FROM regions ORDER BY code`);
}

export async function findRegion(db: Db, code: string): Promise<RegionRow | undefined> {
  const rows: RegionRow[] = await db.query(
    `SELECT code, name, level, parent FROM regions WHERE code = $1`,
    [code],
  );
  return rows[0];
}

/** False when the code is taken. */
export async function insertRegion(db: Db, r: RegionRow): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `INSERT INTO regions (code, name, level, parent) VALUES ($1, $2, $3, $4)
     ON CONFLICT (code) DO NOTHING RETURNING code`,
    [r.code, r.name, r.level, r.parent],
  );
  return rows.length === 1;
}

const VERSION_COLUMNS = `id, region, version, status, document, issues,
  to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom", created_by AS "createdBy",
  created_at AS "createdAt", published_at AS "publishedAt"`;

export async function insertCatalogueVersion(
  db: Db,
  v: Pick<CatalogueVersionRow, 'id' | 'region' | 'version' | 'document' | 'issues' | 'createdBy'>,
): Promise<void> {
  await db.query(
    `INSERT INTO catalogue_versions (id, region, version, status, document, issues, created_by)
     VALUES ($1, $2, $3, 'DRAFT', $4::jsonb, $5::jsonb, $6)`,
    [v.id, v.region, v.version, JSON.stringify(v.document), JSON.stringify(v.issues), v.createdBy],
  );
}

/**
 * The seed version (the built-in catalogue) of a region, published since `effectiveFrom`: written
 * at every start with the built-in document of this build, so it never lags the code.
 */
export async function upsertSeedVersion(
  db: Db,
  v: Pick<CatalogueVersionRow, 'id' | 'region' | 'version' | 'document'> & {
    effectiveFrom: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO catalogue_versions
       (id, region, version, status, document, issues, effective_from, created_by, published_by, published_at)
     VALUES ($1, $2, $3, 'PUBLISHED', $4::jsonb, '[]', $5::date, 'system', 'system', now())
     ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, document = EXCLUDED.document
       WHERE catalogue_versions.document IS DISTINCT FROM EXCLUDED.document`,
    [v.id, v.region, v.version, JSON.stringify(v.document), v.effectiveFrom],
  );
}

export async function findCatalogueVersion(
  db: Db,
  id: string,
): Promise<CatalogueVersionRow | undefined> {
  const rows: CatalogueVersionRow[] = await db.query(
    `SELECT ${VERSION_COLUMNS} FROM catalogue_versions WHERE id = $1`,
    [id],
  );
  return rows[0];
}

/** Without their documents: newest first. */
export async function listCatalogueVersions(
  db: Db,
  region?: string,
): Promise<Omit<CatalogueVersionRow, 'document'>[]> {
  return db.query(
    `SELECT ${VERSION_COLUMNS.replace('document, ', '')} FROM catalogue_versions
     WHERE $1::text IS NULL OR region = $1 ORDER BY created_at DESC, id`,
    [region ?? null],
  );
}

/** Publishes a draft; false when it is not (or no longer) a draft. */
export async function publishCatalogueVersion(
  db: Db,
  id: string,
  effectiveFrom: string,
  by: string,
): Promise<boolean> {
  const [, updated]: [unknown[], number] = await db.query(
    `UPDATE catalogue_versions SET status = 'PUBLISHED', effective_from = $2::date,
       published_by = $3, published_at = now()
     WHERE id = $1 AND status = 'DRAFT'`,
    [id, effectiveFrom, by],
  );
  return updated === 1;
}

/**
 * The version in force for a region on `day`: its own latest published version effective by
 * then, else its parent's, up to the root.
 */
export async function catalogueInForce(
  db: Db,
  region: string,
  day: string,
): Promise<CatalogueVersionRow | undefined> {
  const rows: CatalogueVersionRow[] = await db.query(
    `WITH RECURSIVE up(code, parent, depth) AS (
       SELECT code, parent, 0 FROM regions WHERE code = $1
       UNION ALL SELECT r.code, r.parent, up.depth + 1 FROM regions r JOIN up ON r.code = up.parent)
     SELECT ${VERSION_COLUMNS} FROM catalogue_versions JOIN up ON region = up.code
     WHERE status = 'PUBLISHED' AND effective_from <= $2::date
     ORDER BY up.depth, effective_from DESC, published_at DESC LIMIT 1`,
    [region, day],
  );
  return rows[0];
}

/** Running projects by the catalogue version they run on (null: the built-in one, unpinned). */
export async function runningProjectsOf(
  db: Db,
  region: string,
): Promise<Map<string | null, number>> {
  const rows: { version: string | null; n: string }[] = await db.query(
    `SELECT state->>'catalogueVersion' AS version, count(*) AS n FROM projects
     WHERE region = $1 AND status = 'IN_PROGRESS' GROUP BY 1`,
    [region],
  );
  return new Map(rows.map((r) => [r.version, Number(r.n)]));
}

/** A department some published catalogue version lists (officers and heads work in one). */
export async function publishedDepartmentExists(db: Db, code: string): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM catalogue_versions WHERE status = 'PUBLISHED'
       AND document->'departments' @> jsonb_build_array(jsonb_build_object('code', $1::text))
     LIMIT 1`,
    [code],
  );
  return rows.length > 0;
}

/** Replaces a draft's document; false when it is not (or no longer) a draft. */
export async function updateDraftDocument(
  db: Db,
  id: string,
  document: Record<string, unknown>,
): Promise<boolean> {
  const [, updated]: [unknown[], number] = await db.query(
    `UPDATE catalogue_versions SET document = $2::jsonb WHERE id = $1 AND status = 'DRAFT'`,
    [id, JSON.stringify(document)],
  );
  return updated === 1;
}

/** A department as a published catalogue version lists it. */
export interface PublishedDepartment {
  code: string;
  name: string;
  nameEn?: string;
  kind?: 'GOVERNMENT' | 'UTILITY';
  level?: string;
  region?: string;
}

/**
 * Every department of the published catalogue versions, each code once as its latest published
 * version names it: the departments officers work in, whatever region's catalogue lists them.
 */
export function publishedDepartments(db: Db): Promise<PublishedDepartment[]> {
  return db.query(
    `SELECT DISTINCT ON (d->>'code') d->>'code' AS code, d->>'name' AS name,
       d->>'nameEn' AS "nameEn", d->>'kind' AS kind, d->>'level' AS level,
       COALESCE(d->>'region', v.region) AS region
     FROM catalogue_versions v, jsonb_array_elements(v.document->'departments') d
     WHERE v.status = 'PUBLISHED'
     ORDER BY d->>'code', v.published_at DESC`,
  );
}
