import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ProjectRecord } from './project-record.entity';

export const SPECIALIST_STATUSES = ['PROPOSED', 'ACTIVE', 'DECLINED', 'REPLACED'] as const;
export type SpecialistStatus = (typeof SPECIALIST_STATUSES)[number];

/**
 * The service centre's assignment of a specialist (代办专员) of the agent team to a project: it
 * gives power only once the owner accepted (ACTIVE). At most one PROPOSED or ACTIVE per project;
 * declined and replaced ones stay as the record of who was asked when.
 */
@Entity({ name: 'project_specialists' })
@Index('UQ_project_specialists_current', ['projectId'], {
  unique: true,
  where: `status IN ('PROPOSED', 'ACTIVE')`,
})
@Index('IDX_project_specialists_active', ['username'], { where: `status = 'ACTIVE'` })
export class SpecialistRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_project_specialists' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectRecord, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'project_id',
    foreignKeyConstraintName: 'FK_project_specialists_project',
  })
  project?: ProjectRecord;

  @Column({ type: 'text' })
  username!: string;

  @Column({ type: 'text' })
  status!: SpecialistStatus;

  @Column({ name: 'assigned_by', type: 'text' })
  assignedBy!: string;

  @Column({ name: 'assigned_at', type: 'timestamptz', default: () => 'now()' })
  assignedAt!: Date;

  /** The owner's applicant who accepted or declined. */
  @Column({ name: 'answered_by', type: 'text', nullable: true })
  answeredBy!: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;
}

/** One target of a specialist's plan: a stage's completion or an item's decision by a day. */
export type PlanTarget = ({ stage: string } | { item: string }) & { date: string };

/** The specialist's plan (代办方案) of a project: its targets as last set. */
@Entity({ name: 'project_plans' })
export class PlanRecord {
  @PrimaryColumn({ name: 'project_id', type: 'uuid', primaryKeyConstraintName: 'PK_project_plans' })
  projectId!: string;

  @OneToOne(() => ProjectRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'FK_project_plans_project' })
  project?: ProjectRecord;

  @Column({ type: 'jsonb' })
  targets!: PlanTarget[];

  @Column({ name: 'set_by', type: 'text' })
  setBy!: string;

  @Column({ name: 'set_at', type: 'timestamptz', default: () => 'now()' })
  setAt!: Date;
}
