import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { ItemStatus } from '../../../approval/src';
import type { Risk, StageCode } from '../../../domain/src';
import { ProjectRecord } from './project-record.entity';
import { bigintAsNumber } from './transformers';

/** One row per item of a project: what the officer queue and the list filters read. */
@Entity({ name: 'project_items' })
@Unique('UQ_project_items_task_id', ['taskId'])
@Index('IDX_project_items_queue', ['department', 'status', 'dueDate'])
@Index('IDX_project_items_decided_on', ['decidedOn'], { where: '"decided_on" IS NOT NULL' })
@Index('IDX_project_items_overdue', ['department'], { where: `"risk" = 'OVERDUE'` })
@Index('IDX_project_items_department_project', ['department', 'projectId'])
@Index('IDX_project_items_overdue_project', ['projectId'], { where: `"risk" = 'OVERDUE'` })
@Index('IDX_project_items_check_due', ['department', 'checkDue'], {
  where: '"check_due" IS NOT NULL',
})
// Partial with INCLUDE columns (migration 1763880000000), which TypeORM cannot describe.
@Index('IDX_project_items_open', { synchronize: false })
export class ProjectItemRecord {
  @PrimaryColumn({
    name: 'project_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_project_items',
  })
  projectId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_project_items' })
  code!: string;

  @ManyToOne(() => ProjectRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'FK_project_items_project' })
  project?: ProjectRecord;

  /** `<projectId>:<itemCode>`: the id officers act on (`POST /api/tasks/:taskId/decision`). */
  @Column({ name: 'task_id', type: 'text' })
  taskId!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The department's code. */
  @Column({ type: 'text' })
  department!: string;

  @Column({ type: 'text' })
  stage!: StageCode;

  @Column({ type: 'text' })
  theme!: string;

  @Column({ type: 'text' })
  status!: ItemStatus;

  @Column({ type: 'text' })
  risk!: Risk;

  @Column({ name: 'limit_days', type: 'int' })
  limitDays!: number;

  @Column({ name: 'used_days', type: 'int' })
  usedDays!: number;

  /** YYYY-MM-DD; null while the item's clock does not run or once it is closed. */
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ type: 'int' })
  round!: number;

  /** YYYY-MM-DD of the decision while the item is APPROVED or REJECTED; null otherwise. */
  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn!: string | null;

  /** 告知承诺制: the follow-up check's due date while it is open; null otherwise. */
  @Column({ name: 'check_due', type: 'date', nullable: true })
  checkDue!: string | null;

  /**
   * The `state.seq` of the write that last changed this row: a write that changes nothing in
   * the row leaves it (and `updated_at`) alone.
   */
  @Column({ name: 'state_seq', type: 'bigint', transformer: bigintAsNumber })
  stateSeq!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
