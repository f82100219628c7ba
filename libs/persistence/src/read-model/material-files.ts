/** The `material_files` table: files handed in for materials (the bytes are in storage). */
import { MaterialFileRecord } from '../entities';
import type { Db } from './db';

export type NewMaterialFile = Omit<MaterialFileRecord, 'uploadedAt' | 'project'>;

/** Stores the row; false when its idempotency key is taken (a retry: look the first one up). */
export async function insertMaterialFile(db: Db, f: NewMaterialFile): Promise<boolean> {
  const rows = await db.query<unknown[]>(
    `INSERT INTO material_files (id, project_id, item_code, material_code, round, filename, size,
       sha256, content_type, storage_key, uploaded_by, on_behalf_of, idempotency_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING RETURNING id`,
    [
      f.id,
      f.projectId,
      f.itemCode,
      f.materialCode,
      f.round,
      f.filename,
      f.size,
      f.sha256,
      f.contentType,
      f.storageKey,
      f.uploadedBy,
      f.onBehalfOf,
      f.idempotencyKey,
    ],
  );
  return rows.length > 0;
}

export function findMaterialFile(db: Db, id: string): Promise<MaterialFileRecord | null> {
  return db.getRepository(MaterialFileRecord).findOneBy({ id });
}

export function materialFileByKey(db: Db, key: string): Promise<MaterialFileRecord | null> {
  return db.getRepository(MaterialFileRecord).findOneBy({ idempotencyKey: key });
}

export async function deleteMaterialFile(db: Db, id: string): Promise<void> {
  await db.getRepository(MaterialFileRecord).delete({ id });
}

/** Every file of a project, oldest first. */
export function materialFilesOf(db: Db, projectId: string): Promise<MaterialFileRecord[]> {
  return db
    .getRepository(MaterialFileRecord)
    .find({ where: { projectId }, order: { uploadedAt: 'ASC' } });
}
