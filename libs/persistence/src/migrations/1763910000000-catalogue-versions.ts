import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Regions (a tree: the national default `CN`, provinces, cities, districts by their 6-digit
 * administrative division codes) and the versions of each region's catalogue: one JSON document
 * each, a draft until published with the date from which it is in force. The built-in catalogue
 * is the published seed version of `CN`, written (and kept current) when the API starts.
 */
export class CatalogueVersions1763910000000 implements MigrationInterface {
  name = 'CatalogueVersions1763910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "regions" (
      "code" text NOT NULL,
      "name" text NOT NULL,
      "level" text NOT NULL,
      "parent" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_regions" PRIMARY KEY ("code"),
      CONSTRAINT "FK_regions_parent" FOREIGN KEY ("parent") REFERENCES "regions"("code"),
      CONSTRAINT "CHK_regions_level" CHECK ("level" IN ('COUNTRY', 'PROVINCE', 'CITY', 'DISTRICT'))
    )`);
    await q.query(
      `INSERT INTO "regions" ("code", "name", "level", "parent") VALUES ('CN', '全国（默认）', 'COUNTRY', NULL)`,
    );
    await q.query(`CREATE TABLE "catalogue_versions" (
      "id" uuid NOT NULL,
      "region" text NOT NULL,
      "version" text NOT NULL,
      "status" text NOT NULL,
      "document" jsonb NOT NULL,
      "issues" jsonb NOT NULL DEFAULT '[]',
      "effective_from" date,
      "created_by" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "published_by" text,
      "published_at" timestamptz,
      CONSTRAINT "PK_catalogue_versions" PRIMARY KEY ("id"),
      CONSTRAINT "FK_catalogue_versions_region" FOREIGN KEY ("region") REFERENCES "regions"("code"),
      CONSTRAINT "CHK_catalogue_versions_status" CHECK ("status" IN ('DRAFT', 'PUBLISHED'))
    )`);
    await q.query(
      `CREATE INDEX "IDX_catalogue_versions_in_force" ON "catalogue_versions" ("region", "effective_from")
       WHERE "status" = 'PUBLISHED'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "catalogue_versions"`);
    await q.query(`DROP TABLE "regions"`);
  }
}
