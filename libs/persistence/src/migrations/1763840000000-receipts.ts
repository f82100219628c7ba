import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Receipts (受理单, one per accepted stage) and issued results (办结通知, one per approved item
 * round), numbered per kind and year from a counter row taken in the projection's transaction.
 */
export class Receipts1763840000000 implements MigrationInterface {
  name = 'Receipts1763840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "document_counters" (
        "kind" text NOT NULL,
        "year" integer NOT NULL,
        "last" integer NOT NULL,
        CONSTRAINT "PK_document_counters" PRIMARY KEY ("kind", "year")
      )`);
    await q.query(`
      CREATE TABLE "receipts" (
        "project_id" uuid NOT NULL,
        "stage" text NOT NULL,
        "number" text NOT NULL,
        "accepted_on" date NOT NULL,
        "project_limit_days" integer NOT NULL,
        "items" jsonb NOT NULL,
        "issued_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_receipts" PRIMARY KEY ("project_id", "stage"),
        CONSTRAINT "UQ_receipts_number" UNIQUE ("number"),
        CONSTRAINT "FK_receipts_project" FOREIGN KEY ("project_id")
          REFERENCES "projects" ("id") ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE "item_results" (
        "project_id" uuid NOT NULL,
        "item_code" text NOT NULL,
        "round" integer NOT NULL,
        "number" text NOT NULL,
        "item_name" text NOT NULL,
        "department" text NOT NULL,
        "department_name" text NOT NULL,
        "decided_on" date NOT NULL,
        "officer" text NOT NULL,
        "issued_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_item_results" PRIMARY KEY ("project_id", "item_code", "round"),
        CONSTRAINT "UQ_item_results_number" UNIQUE ("number"),
        CONSTRAINT "FK_item_results_project" FOREIGN KEY ("project_id")
          REFERENCES "projects" ("id") ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "item_results"`);
    await q.query(`DROP TABLE "receipts"`);
    await q.query(`DROP TABLE "document_counters"`);
  }
}
