import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A notice's wording independent of language (`{ key, params }`, libs/approval
 * notice-texts.ts), so each reader sees it in their own language. Null on notices written
 * before it: readers show their stored `message` then.
 */
export class NoticeTexts1763875000000 implements MigrationInterface {
  name = 'NoticeTexts1763875000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notices" ADD "text" jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notices" DROP COLUMN "text"`);
  }
}
