import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts an office can run: organisations with their credit code, users that can be
 * disabled or must change an initial password, sessions with rotating refresh tokens, sign-in
 * counters every API instance shares, and the audit trail.
 */
export class Accounts1763860000000 implements MigrationInterface {
  name = 'Accounts1763860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "organisations" (
        "code" text NOT NULL,
        "name" text NOT NULL,
        "credit_code" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_organisations" PRIMARY KEY ("code"),
        CONSTRAINT "UQ_organisations_credit_code" UNIQUE ("credit_code")
      )`);
    await q.query(`ALTER TABLE "users" ADD "disabled" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "users" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "users" ADD "password_changed_at" timestamptz`);
    // One row per sign-in: the family its refresh tokens belong to.
    await q.query(`
      CREATE TABLE "auth_sessions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "revoked_at" timestamptz,
        "revoked_reason" text,
        CONSTRAINT "PK_auth_sessions" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "IDX_auth_sessions_user" ON "auth_sessions" ("user_id")`);
    await q.query(`
      CREATE TABLE "refresh_tokens" (
        "token_hash" text NOT NULL,
        "session_id" uuid NOT NULL REFERENCES "auth_sessions" ("id") ON DELETE CASCADE,
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_refresh_tokens" PRIMARY KEY ("token_hash")
      )`);
    await q.query(`CREATE INDEX "IDX_refresh_tokens_session" ON "refresh_tokens" ("session_id")`);
    await q.query(`
      CREATE TABLE "login_failures" (
        "username" text NOT NULL,
        "failures" integer NOT NULL,
        "last_failed_at" timestamptz NOT NULL,
        "locked_until" timestamptz,
        CONSTRAINT "PK_login_failures" PRIMARY KEY ("username")
      )`);
    await q.query(`
      CREATE TABLE "login_address_counts" (
        "address" text NOT NULL,
        "window_start" timestamptz NOT NULL,
        "attempts" integer NOT NULL,
        CONSTRAINT "PK_login_address_counts" PRIMARY KEY ("address", "window_start")
      )`);
    await q.query(`
      CREATE TABLE "audit_events" (
        "id" BIGSERIAL NOT NULL,
        "at" timestamptz NOT NULL DEFAULT now(),
        "action" text NOT NULL,
        "actor" text,
        "subject" text,
        "address" text,
        "detail" jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT "PK_audit_events" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "IDX_audit_events_at" ON "audit_events" ("at")`);
    await q.query(`CREATE INDEX "IDX_audit_events_actor" ON "audit_events" ("actor")`);
    await q.query(`CREATE INDEX "IDX_audit_events_subject" ON "audit_events" ("subject")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_events"`);
    await q.query(`DROP TABLE "login_address_counts"`);
    await q.query(`DROP TABLE "login_failures"`);
    await q.query(`DROP TABLE "refresh_tokens"`);
    await q.query(`DROP TABLE "auth_sessions"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "password_changed_at"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "must_change_password"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "disabled"`);
    await q.query(`DROP TABLE "organisations"`);
  }
}
