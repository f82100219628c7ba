import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProjectRecord } from './project-record.entity';
import { bigintAsNumber } from './transformers';

/** A file handed in for a material (the bytes are in storage under `storageKey`). */
@Entity({ name: 'material_files' })
@Index('IDX_material_files_project', ['projectId', 'itemCode', 'materialCode'])
@Index('UQ_material_files_idempotency_key', ['idempotencyKey'], {
  unique: true,
  where: '"idempotency_key" IS NOT NULL',
})
export class MaterialFileRecord {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_material_files' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'FK_material_files_project' })
  project?: ProjectRecord;

  @Column({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @Column({ name: 'material_code', type: 'text' })
  materialCode!: string;

  @Column({ type: 'integer' })
  round!: number;

  /** As the uploader named it (shown and used for the download's name). */
  @Column({ type: 'text' })
  filename!: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  size!: number;

  @Column({ type: 'text' })
  sha256!: string;

  /** From the file's content, not its name. */
  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey!: string;

  @Column({ name: 'uploaded_by', type: 'text' })
  uploadedBy!: string;

  @Column({ name: 'on_behalf_of', type: 'text', nullable: true })
  onBehalfOf!: string | null;

  @Column({ name: 'uploaded_at', type: 'timestamptz', default: () => 'now()' })
  uploadedAt!: Date;

  /** `<userId>:<Idempotency-Key>`: the same key again finds this file. */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;
}
