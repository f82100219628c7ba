import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The files applicants hand in for materials: what the API stored (name, size, SHA-256, type,
 * where in storage) and who handed it in. The project workflow's state says which files belong
 * to which material and round; a row the workflow never took (a refused or interrupted upload)
 * is removed with its stored object.
 */
export class MaterialFiles1763900000000 implements MigrationInterface {
  name = 'MaterialFiles1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "material_files" (
      "id" uuid NOT NULL,
      "project_id" uuid NOT NULL,
      "item_code" text NOT NULL,
      "material_code" text NOT NULL,
      "round" integer NOT NULL,
      "filename" text NOT NULL,
      "size" bigint NOT NULL,
      "sha256" text NOT NULL,
      "content_type" text NOT NULL,
      "storage_key" text NOT NULL,
      "uploaded_by" text NOT NULL,
      "on_behalf_of" text,
      "uploaded_at" timestamptz NOT NULL DEFAULT now(),
      "idempotency_key" text,
      CONSTRAINT "PK_material_files" PRIMARY KEY ("id"),
      CONSTRAINT "FK_material_files_project" FOREIGN KEY ("project_id")
        REFERENCES "projects"("id") ON DELETE CASCADE
    )`);
    await q.query(
      `CREATE INDEX "IDX_material_files_project" ON "material_files" ("project_id", "item_code", "material_code")`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_material_files_idempotency_key" ON "material_files" ("idempotency_key")
       WHERE "idempotency_key" IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "material_files"`);
  }
}
