import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

export const ROLES = [
  'APPLICANT',
  'AGENT',
  'WINDOW_OFFICER',
  'REVIEWING_OFFICER',
  'DEPARTMENT_HEAD',
  'SUPERVISOR',
  'ADMIN',
  'SERVICE_CENTRE',
] as const;
export type Role = (typeof ROLES)[number];

/** A person who signs in: an applicant of an organisation, an agent, an officer of a department… */
@Entity({ name: 'users' })
@Unique('UQ_users_username', ['username'])
export class UserRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_users' })
  id!: string;

  @Column({ type: 'text' })
  username!: string;

  /** bcrypt. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text' })
  role!: Role;

  /** Applicants: the organisation (project owner) they belong to. */
  @Column({ type: 'text', nullable: true })
  organisation!: string | null;

  /** Reviewing officers and department heads: their department's code. */
  @Column({ type: 'text', nullable: true })
  department!: string | null;

  /** Window officers: the region whose window they are (首接负责制 hands over to another one). */
  @Column({ type: 'text', nullable: true })
  region!: string | null;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  /** Where notices are mailed; none means the inbox only. */
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** Agents: on the government's agent team (帮办代办), whom the service centre assigns as specialists. */
  @Column({ name: 'agent_team', type: 'boolean', default: false })
  agentTeam!: boolean;

  /** The person may turn mail off; the inbox in the web app stays. */
  @Column({ name: 'mail_notices', type: 'boolean', default: true })
  mailNotices!: boolean;

  /** A disabled user cannot sign in, and their tokens stop working (AUTH_CACHE_SECONDS). */
  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  /** Set for an initial password an administrator handed out: only changing it is allowed. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt!: Date | null;

  /** Demo accounts exist only in the embedded default; a production start refuses them. */
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
