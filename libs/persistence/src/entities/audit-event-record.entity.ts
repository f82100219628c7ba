import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One sign-in, account change or grant: who did it, to whom, from where. */
@Entity({ name: 'audit_events' })
@Index('IDX_audit_events_at', ['at'])
@Index('IDX_audit_events_actor', ['actor'])
@Index('IDX_audit_events_subject', ['subject'])
export class AuditEventRecord {
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'PK_audit_events',
  })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  /** e.g. `LOGIN_FAILED`, `USER_UPDATED` (AUDIT_ACTIONS). */
  @Column({ type: 'text' })
  action!: string;

  /** Who did it (a username); none for a failed sign-in of nobody known. */
  @Column({ type: 'text', nullable: true })
  actor!: string | null;

  /** Whom or what it concerns: a username or an organisation code. */
  @Column({ type: 'text', nullable: true })
  subject!: string | null;

  /** The client address, as the configured proxies report it. */
  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail!: Record<string, unknown>;
}
