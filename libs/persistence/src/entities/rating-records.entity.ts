import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { RectificationStatus } from '../../../approval/src';
import { ProjectRecord } from './project-record.entity';

/**
 * An applicant's rating (好差评) of a decided item, once per item round. Written by the API, not
 * the project workflow: the last item's rating may arrive after the project closed.
 */
@Entity({ name: 'ratings' })
@Index('UQ_ratings_item_round', ['projectId', 'itemCode', 'round'], { unique: true })
@Index('IDX_ratings_rated_on', ['ratedOn'])
@Check('CHK_ratings_score', '"score" BETWEEN 1 AND 5')
export class RatingRecord {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_ratings' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'FK_ratings_project' })
  project?: ProjectRecord;

  @Column({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @Column({ type: 'integer' })
  round!: number;

  @Column({ type: 'text' })
  department!: string;

  @Column({ type: 'integer' })
  score!: number;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'rated_by', type: 'text' })
  ratedBy!: string;

  /** The organisation an agent rated for; null when the applicant rated itself. */
  @Column({ name: 'on_behalf_of', type: 'text', nullable: true })
  onBehalfOf!: string | null;

  @Column({ name: 'rated_at', type: 'timestamptz', default: () => 'now()' })
  ratedAt!: Date;

  /** YYYY-MM-DD in Asia/Shanghai: the day statistics count it on. */
  @Column({ name: 'rated_on', type: 'date' })
  ratedOn!: string;
}

/**
 * The rectification a bad rating opened (same id as the rating), as its workflow last wrote it.
 * `version` orders the workflow's writes: an older or repeated write changes nothing.
 */
@Entity({ name: 'rectifications' })
@Index('IDX_rectifications_department', ['department', 'status'])
@Index('IDX_rectifications_organisation', ['organisation'])
@Index('IDX_rectifications_opened_on', ['openedOn'])
export class RectificationRecord {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_rectifications' })
  id!: string;

  @ManyToOne(() => RatingRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'id', foreignKeyConstraintName: 'FK_rectifications_rating' })
  rating?: RatingRecord;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'project_name', type: 'text' })
  projectName!: string;

  @Column({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @Column({ name: 'item_name', type: 'text' })
  itemName!: string;

  @Column({ type: 'text' })
  department!: string;

  @Column({ type: 'text' })
  organisation!: string;

  @Column({ type: 'integer' })
  score!: number;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'text' })
  status!: RectificationStatus;

  @Column({ name: 'opened_on', type: 'date' })
  openedOn!: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  /** When it went OVERDUE (kept after a late response). */
  @Column({ name: 'overdue_at', type: 'timestamptz', nullable: true })
  overdueAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  response!: string | null;

  @Column({ name: 'responded_by', type: 'text', nullable: true })
  respondedBy!: string | null;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  @Column({ name: 'confirmation_note', type: 'text', nullable: true })
  confirmationNote!: string | null;

  @Column({ type: 'boolean', nullable: true })
  satisfied!: boolean | null;

  @Column({ name: 'confirmed_by', type: 'text', nullable: true })
  confirmedBy!: string | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @Column({ name: 'calendar_version', type: 'text' })
  calendarVersion!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
