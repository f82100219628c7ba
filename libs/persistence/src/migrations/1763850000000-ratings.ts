import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ratings (好差评) of decided items, the rectifications bad ones open, and the sequence that
 * numbers notices written outside a project workflow (their seq is its negated value, see
 * read-model/ratings.ts).
 */
export class Ratings1763850000000 implements MigrationInterface {
  name = 'Ratings1763850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "ratings" (
        "id" uuid NOT NULL,
        "project_id" uuid NOT NULL,
        "item_code" text NOT NULL,
        "round" integer NOT NULL,
        "department" text NOT NULL,
        "score" integer NOT NULL,
        "comment" text,
        "rated_by" text NOT NULL,
        "on_behalf_of" text,
        "rated_at" timestamptz NOT NULL DEFAULT now(),
        "rated_on" date NOT NULL,
        CONSTRAINT "PK_ratings" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_ratings_score" CHECK ("score" BETWEEN 1 AND 5),
        CONSTRAINT "FK_ratings_project" FOREIGN KEY ("project_id")
          REFERENCES "projects" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_ratings_item_round" ON "ratings" ("project_id", "item_code", "round")`,
    );
    await q.query(`CREATE INDEX "IDX_ratings_rated_on" ON "ratings" ("rated_on")`);
    await q.query(`
      CREATE TABLE "rectifications" (
        "id" uuid NOT NULL,
        "project_id" uuid NOT NULL,
        "project_name" text NOT NULL,
        "item_code" text NOT NULL,
        "item_name" text NOT NULL,
        "department" text NOT NULL,
        "organisation" text NOT NULL,
        "score" integer NOT NULL,
        "comment" text,
        "status" text NOT NULL,
        "opened_on" date NOT NULL,
        "due_date" date NOT NULL,
        "due_at" timestamptz NOT NULL,
        "overdue_at" timestamptz,
        "response" text,
        "responded_by" text,
        "responded_at" timestamptz,
        "confirmation_note" text,
        "satisfied" boolean,
        "confirmed_by" text,
        "confirmed_at" timestamptz,
        "calendar_version" text NOT NULL,
        "version" integer NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_rectifications" PRIMARY KEY ("id"),
        CONSTRAINT "FK_rectifications_rating" FOREIGN KEY ("id")
          REFERENCES "ratings" ("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "IDX_rectifications_department" ON "rectifications" ("department", "status")`,
    );
    await q.query(
      `CREATE INDEX "IDX_rectifications_organisation" ON "rectifications" ("organisation")`,
    );
    await q.query(`CREATE INDEX "IDX_rectifications_opened_on" ON "rectifications" ("opened_on")`);
    await q.query(`CREATE SEQUENCE IF NOT EXISTS "notice_extra_seq"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SEQUENCE IF EXISTS "notice_extra_seq"`);
    await q.query(`DROP TABLE "rectifications"`);
    await q.query(`DROP TABLE "ratings"`);
  }
}
