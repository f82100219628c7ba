import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { TimelineEvent } from '../../../approval/src';
import type { StageCode } from '../../../domain/src';
import { ProjectRecord } from './project-record.entity';
import { bigintAsNumber } from './transformers';

/** The append-only timeline of a project, one row per workflow event (keyed by its seq). */
@Entity({ name: 'timeline_events' })
// Partial unique index (migration 1763890000000), which TypeORM cannot describe.
@Index('UQ_timeline_events_key', { synchronize: false })
// Partial on an expression of `detail` (migration 1763940000000), which TypeORM cannot describe.
@Index('IDX_timeline_events_commitment', { synchronize: false })
export class TimelineEventRecord {
  @PrimaryColumn({
    name: 'project_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_timeline_events',
  })
  projectId!: string;

  @PrimaryColumn({
    type: 'bigint',
    transformer: bigintAsNumber,
    primaryKeyConstraintName: 'PK_timeline_events',
  })
  seq!: number;

  @ManyToOne(() => ProjectRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'FK_timeline_events_project' })
  project?: ProjectRecord;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'text' })
  role!: string;

  @Column({ name: 'on_behalf_of', type: 'text', nullable: true })
  onBehalfOf!: string | null;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text', nullable: true })
  stage!: StageCode | null;

  @Column({ name: 'item_code', type: 'text', nullable: true })
  itemCode!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  detail!: Record<string, unknown> | null;

  @Column({ name: 'clock_effect', type: 'text', nullable: true })
  clockEffect!: NonNullable<TimelineEvent['clockEffect']> | null;

  /** A crossing time alone made (TimelineEvent.key): one row per project and key. */
  @Column({ type: 'text', nullable: true })
  key!: string | null;
}
