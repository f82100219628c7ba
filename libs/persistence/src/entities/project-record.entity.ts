import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { ProjectState, ProjectStatus } from '../../../approval/src';
import type { ProjectMasterData, ProjectType, Risk, StageCode } from '../../../domain/src';
import { bigintAsNumber } from './transformers';

/**
 * One row per project: the list columns plus the full workflow state. Written by the projection
 * activity whenever the workflow's `state.seq` grows; the API's create path may insert it first
 * (`state_seq` 0) with the idempotency key and creator, which the projection never overwrites.
 */
@Entity({ name: 'projects' })
@Unique('UQ_projects_idempotency_key', ['idempotencyKey'])
// Expression indexes of the statistics (migration 1763870000000), which TypeORM cannot describe.
@Index('IDX_projects_closed_on', { synchronize: false })
@Index('IDX_projects_stage_completed_PLAN', { synchronize: false })
@Index('IDX_projects_stage_completed_START_PERMIT', { synchronize: false })
@Index('IDX_projects_stage_completed_COMPLETION', { synchronize: false })
// Of the read path (migration 1763880000000): partial, trigram and multi-column indexes.
@Index('IDX_projects_warns_at', { synchronize: false })
@Index('IDX_projects_overdue_at', { synchronize: false })
@Index('IDX_projects_stage_type', { synchronize: false })
@Index('IDX_projects_risk_updated_at', { synchronize: false })
@Index('IDX_projects_name_trgm', { synchronize: false })
@Index('IDX_projects_project_code_trgm', { synchronize: false })
@Index('IDX_projects_overdue_from', { synchronize: false })
// Of the deadline sweep (migration 1763890000000).
@Index('IDX_projects_next_instant', { synchronize: false })
export class ProjectRecord {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_projects' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Index('IDX_projects_type')
  @Column({ type: 'text' })
  type!: ProjectType;

  @Column({ type: 'text' })
  region!: string;

  @Index('IDX_projects_owner_organisation')
  @Column({ name: 'owner_organisation', type: 'text' })
  ownerOrganisation!: string;

  @Index('IDX_projects_status')
  @Column({ type: 'text', default: 'IN_PROGRESS' })
  status!: ProjectStatus;

  @Index('IDX_projects_stage')
  @Column({ type: 'text', default: 'PLAN' })
  stage!: StageCode;

  /** Of the project clock, as of the last write. */
  @Index('IDX_projects_risk')
  @Column({ type: 'text', default: 'ON_TRACK' })
  risk!: Risk;

  @Column({ name: 'limit_days', type: 'int' })
  limitDays!: number;

  @Column({ name: 'used_days', type: 'int', default: 0 })
  usedDays!: number;

  @Column({ name: 'remaining_days', type: 'int' })
  remainingDays!: number;

  /** YYYY-MM-DD; null while no clock runs. */
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ name: 'calendar_version', type: 'text' })
  calendarVersion!: string;

  @Column({ type: 'jsonb' })
  state!: ProjectState;

  /** The `state.seq` this row was written from: a write with a seq not above it is ignored. */
  @Column({ name: 'state_seq', type: 'bigint', default: 0, transformer: bigintAsNumber })
  stateSeq!: number;

  /**
   * The workflow task that wrote the row last: its run (0, then +1 per continue-as-new) and the
   * history length at its start. A write whose fence is below the stored one is stale.
   */
  @Column({ name: 'fence_run', type: 'integer', default: 0 })
  fenceRun!: number;

  @Column({ name: 'fence_history', type: 'bigint', default: 0, transformer: bigintAsNumber })
  fenceHistory!: number;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy!: string | null;

  /** The create request's Idempotency-Key (API path): the same key finds the same project. */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  /** When time alone turns the project AT_RISK / OVERDUE (`riskInstants`); null: it will not. */
  @Column({ name: 'warns_at', type: 'timestamptz', nullable: true })
  warnsAt!: Date | null;

  @Column({ name: 'overdue_at', type: 'timestamptz', nullable: true })
  overdueAt!: Date | null;

  /**
   * From when the project counts as overdue for the lists' `overdue=` (migration 1763885000000):
   * -infinity when it is or holds an overdue item, else `overdueAt`.
   */
  @Column({ name: 'overdue_from', type: 'timestamptz', nullable: true })
  overdueFrom!: Date | null;

  /** Each stage's acceptance and completion days, in `state.stages` order (the statistics). */
  @Column({ name: 'stage_dates', type: 'jsonb', default: () => "'[]'" })
  stageDates!: { code: StageCode; acceptedOn?: string; completedOn?: string }[];

  /** The investment project code (投资项目统一代码); unique when given. */
  @Index('UQ_projects_project_code', { unique: true })
  @Column({ name: 'project_code', type: 'text', nullable: true })
  projectCode!: string | null;

  /** The rest of the master data (ProjectMasterData, `projectCode` included); null: none given. */
  @Column({ name: 'master_data', type: 'jsonb', nullable: true })
  masterData!: ProjectMasterData | null;

  /** How many times the master data was edited: part of the row's version (VERSION). */
  @Column({ name: 'master_seq', type: 'integer', default: 0 })
  masterSeq!: number;

  /** Key project (重点项目): the service centre's reason; null while the project is not one. */
  @Column({ name: 'key_reason', type: 'text', nullable: true })
  keyReason!: string | null;

  @Column({ name: 'key_since', type: 'timestamptz', nullable: true })
  keySince!: Date | null;

  /** Who flagged it. */
  @Column({ name: 'key_by', type: 'text', nullable: true })
  keyBy!: string | null;

  /** Changes of the key flag and the specialist: part of the row's version (VERSION). */
  @Column({ name: 'service_seq', type: 'integer', default: 0 })
  serviceSeq!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Index('IDX_projects_updated_at')
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
