import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';

/**
 * A company or body that owns projects. Its `code` is the key users' and projects'
 * `organisation` columns hold (e.g. `org-a`); the credit code is the unified social credit
 * code (统一社会信用代码, GB 32100-2015), one organisation per code.
 */
@Entity({ name: 'organisations' })
@Unique('UQ_organisations_credit_code', ['creditCode'])
export class OrganisationRecord {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_organisations' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'credit_code', type: 'text' })
  creditCode!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
