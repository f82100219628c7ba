import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ProjectRecord } from './project-record.entity';

/**
 * Who granted an agent, when, and its revocation: revoking sets `revoked_at` and the row stays
 * as the record of who could act when.
 */
abstract class AgentGrant {
  @Column({ name: 'agent_username', type: 'text' })
  agentUsername!: string;

  @Column({ name: 'granted_by', type: 'text' })
  grantedBy!: string;

  @Column({ name: 'granted_at', type: 'timestamptz', default: () => 'now()' })
  grantedAt!: Date;

  @Column({ name: 'revoked_by', type: 'text', nullable: true })
  revokedBy!: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}

/**
 * An applicant's grant of one project to an agent. Revoking sets `revoked_at` (the row stays as
 * the record of who could act when); at most one active grant per project and agent.
 */
@Entity({ name: 'delegations' })
@Index('UQ_delegations_active', ['projectId', 'agentUsername'], {
  unique: true,
  where: 'revoked_at IS NULL',
})
@Index('IDX_delegations_agent', ['agentUsername'], { where: 'revoked_at IS NULL' })
export class DelegationRecord extends AgentGrant {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_delegations' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'FK_delegations_project' })
  project?: ProjectRecord;
}

/** An organisation's grant to an agent: all its projects, including creating new ones. */
@Entity({ name: 'mandates' })
@Index('UQ_mandates_active', ['organisation', 'agentUsername'], {
  unique: true,
  where: 'revoked_at IS NULL',
})
@Index('IDX_mandates_agent', ['agentUsername'], { where: 'revoked_at IS NULL' })
export class MandateRecord extends AgentGrant {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_mandates' })
  id!: string;

  @Column({ type: 'text' })
  organisation!: string;
}

/** A year's official schedule loaded by an administrator, applied over the bundled calendar. */
@Entity({ name: 'calendar_years' })
export class CalendarYearRecord {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_calendar_years' })
  year!: number;

  @Column({ type: 'boolean' })
  official!: boolean;

  @Column({ type: 'jsonb' })
  holidays!: string[];

  @Column({ type: 'jsonb' })
  workdays!: string[];

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
