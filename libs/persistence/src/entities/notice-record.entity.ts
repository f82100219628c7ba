import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Notice } from '../../../approval/src';
import type { NoticeText } from '../../../approval/src';
import { ProjectRecord } from './project-record.entity';
import { bigintAsNumber } from './transformers';

/**
 * A message to a person or role (every clock stop, warning, escalation). Written once by the
 * projection; `read_at` belongs to the reader and the projection never touches it.
 *
 * `seq` > 0 is the project workflow's (its projection deletes the ones it did not write above
 * the previous write's seq, which is >= -1). Notices written outside the project workflow (the
 * rectification workflow's) take a NEGATIVE seq, `-nextval('notice_extra_seq')`, which that
 * projection never touches.
 */
@Entity({ name: 'notices' })
@Index('IDX_notices_recipient', ['recipientRole', 'department'])
// Partial unique index (migration 1763890000000), which TypeORM cannot describe.
@Index('UQ_notices_key', { synchronize: false })
// Partial (migration 1763960000000): the notices addressed to one person.
@Index('IDX_notices_recipient_username', { synchronize: false })
export class NoticeRecord {
  @PrimaryColumn({ name: 'project_id', type: 'uuid', primaryKeyConstraintName: 'PK_notices' })
  projectId!: string;

  @PrimaryColumn({
    type: 'bigint',
    transformer: bigintAsNumber,
    primaryKeyConstraintName: 'PK_notices',
  })
  seq!: number;

  @ManyToOne(() => ProjectRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'FK_notices_project' })
  project?: ProjectRecord;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** A role, or 'USER': the one person `recipientUsername` names (a specialist's assignment). */
  @Column({ name: 'recipient_role', type: 'text' })
  recipientRole!: Notice['recipientRole'] | 'USER';

  /** With recipientRole 'USER' (migration 1763960000000): whom it is for; otherwise null. */
  @Column({ name: 'recipient_username', type: 'text', nullable: true })
  recipientUsername!: string | null;

  @Column({ type: 'text', nullable: true })
  department!: string | null;

  @Index('IDX_notices_organisation')
  @Column({ type: 'text', nullable: true })
  organisation!: string | null;

  @Column({ type: 'text' })
  kind!: Notice['kind'];

  @Column({ name: 'item_code', type: 'text', nullable: true })
  itemCode!: string | null;

  @Column({ type: 'text' })
  message!: string;

  /** Its wording in any language (`{ key, params }`); null on notices written before it. */
  @Column({ type: 'jsonb', nullable: true })
  text!: NoticeText | null;

  @Column({ name: 'expected_days', type: 'int', nullable: true })
  expectedDays!: number | null;

  /** YYYY-MM-DD. */
  @Column({ name: 'expected_until', type: 'date', nullable: true })
  expectedUntil!: string | null;

  /**
   * Unused: several people read one notice, so read state is per reader (`notice_reads`,
   * NoticeReadRecord). Kept so that nothing else that may read it breaks; a later migration may drop it.
   */
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  /** A crossing time alone made (Notice.key): one row per project and key. */
  @Column({ type: 'text', nullable: true })
  key!: string | null;
}
