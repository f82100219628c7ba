import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { ProjectRecord } from './project-record.entity';

/** The last serial issued of one kind of document (`SL` receipts, `BJ` results) in one year. */
@Entity({ name: 'document_counters' })
export class DocumentCounterRecord {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_document_counters' })
  kind!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_document_counters' })
  year!: number;

  @Column({ type: 'integer' })
  last!: number;
}

/** An item as a receipt lists it: the promise made at acceptance. */
export interface ReceiptItem {
  code: string;
  name: string;
  /** Department code. */
  department: string;
  departmentName: string;
  limitDays: number;
  /** YYYY-MM-DD; null for an item that starts once its prerequisites are decided. */
  dueDate: string | null;
}

/** 受理单: issued when the window accepts a stage, one per project and stage. */
@Entity({ name: 'receipts' })
@Unique('UQ_receipts_number', ['number'])
export class ReceiptRecord {
  @PrimaryColumn({ name: 'project_id', type: 'uuid', primaryKeyConstraintName: 'PK_receipts' })
  projectId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_receipts' })
  stage!: string;

  @ManyToOne(() => ProjectRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'FK_receipts_project' })
  project?: ProjectRecord;

  /** `SL-<year>-<serial>`. */
  @Column({ type: 'text' })
  number!: string;

  /** YYYY-MM-DD. */
  @Column({ name: 'accepted_on', type: 'date' })
  acceptedOn!: string;

  @Column({ name: 'project_limit_days', type: 'integer' })
  projectLimitDays!: number;

  @Column({ type: 'jsonb' })
  items!: ReceiptItem[];

  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt!: Date;
}

/** 办结通知: issued when an item is approved, one per project, item and round. */
@Entity({ name: 'item_results' })
@Unique('UQ_item_results_number', ['number'])
export class ItemResultRecord {
  @PrimaryColumn({ name: 'project_id', type: 'uuid', primaryKeyConstraintName: 'PK_item_results' })
  projectId!: string;

  @PrimaryColumn({ name: 'item_code', type: 'text', primaryKeyConstraintName: 'PK_item_results' })
  itemCode!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_item_results' })
  round!: number;

  @ManyToOne(() => ProjectRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'FK_item_results_project' })
  project?: ProjectRecord;

  /** `BJ-<year>-<serial>`. */
  @Column({ type: 'text' })
  number!: string;

  @Column({ name: 'item_name', type: 'text' })
  itemName!: string;

  /** Department code. */
  @Column({ type: 'text' })
  department!: string;

  @Column({ name: 'department_name', type: 'text' })
  departmentName!: string;

  /** YYYY-MM-DD. */
  @Column({ name: 'decided_on', type: 'date' })
  decidedOn!: string;

  /** The approving officer's display name (username when unknown). */
  @Column({ type: 'text' })
  officer!: string;

  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt!: Date;
}
