import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { NoticeRecord } from './notice-record.entity';
import { bigintAsNumber } from './transformers';
import { UserRecord } from './user-record.entity';

/**
 * That one person has read a notice. A notice is shared by everyone it is addressed to (an
 * organisation's applicants and agents, a department's officers), so read state is per reader.
 */
@Entity({ name: 'notice_reads' })
export class NoticeReadRecord {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_notice_reads' })
  userId!: string;

  @PrimaryColumn({ name: 'project_id', type: 'uuid', primaryKeyConstraintName: 'PK_notice_reads' })
  projectId!: string;

  @PrimaryColumn({
    type: 'bigint',
    transformer: bigintAsNumber,
    primaryKeyConstraintName: 'PK_notice_reads',
  })
  seq!: number;

  @ManyToOne(() => UserRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_notice_reads_user' })
  user?: UserRecord;

  @ManyToOne(() => NoticeRecord, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'project_id',
      referencedColumnName: 'projectId',
      foreignKeyConstraintName: 'FK_notice_reads_notice',
    },
    {
      name: 'seq',
      referencedColumnName: 'seq',
      foreignKeyConstraintName: 'FK_notice_reads_notice',
    },
  ])
  notice?: NoticeRecord;

  @Column({ name: 'read_at', type: 'timestamptz', default: () => 'now()' })
  readAt!: Date;
}

/**
 * One mail to send: a notice for one recipient with an address and mail on, written in the
 * transaction that writes the notice. The worker's mail sender sends it once (`sent_at`,
 * `message_id`); `failed_at` when the mail server refused it for good or the person turned mail
 * off before it went. What is said and to which address is read when it is sent.
 */
@Entity({ name: 'mail_outbox' })
@Unique('UQ_mail_outbox_notice_user', ['projectId', 'seq', 'userId'])
@Index('IDX_mail_outbox_pending', ['createdAt'], { where: 'sent_at IS NULL AND failed_at IS NULL' })
export class MailOutboxRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_mail_outbox' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  seq!: number;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_mail_outbox_user' })
  user?: UserRecord;

  /** A notice an uncommitted workflow task wrote is removed; its unsent mail goes with it. */
  @ManyToOne(() => NoticeRecord, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'project_id',
      referencedColumnName: 'projectId',
      foreignKeyConstraintName: 'FK_mail_outbox_notice',
    },
    { name: 'seq', referencedColumnName: 'seq', foreignKeyConstraintName: 'FK_mail_outbox_notice' },
  ])
  notice?: NoticeRecord;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId!: string | null;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** Tries so far (a claim counts one). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** When the sender may take the row: now when written; past a claim, or a backoff, later. */
  @Index('IDX_mail_outbox_due', { where: 'sent_at IS NULL AND failed_at IS NULL' })
  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;
}
