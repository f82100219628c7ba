import {
  ConflictException,
  HttpException,
  Injectable,
  Logger,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { findMaterial, named, uploadClosedBecause } from '../../../../libs/approval/src';
import { refusalBody } from '../common/refusal-body';
import {
  deleteMaterialFile,
  findProject,
  insertMaterialFile,
  materialFileByKey,
  type ProjectRecord,
} from '../../../../libs/persistence/src';
import type { MaterialFileRecord } from '../../../../libs/persistence/src';
import type { CommandTarget } from '../projects/command-target';
import { AccessPolicy } from '../projects/access-policy';
import { ProjectCommandsService } from '../projects/project-commands.service';
import { Files } from './file-storage.provider';
import { UploadRefused, receiveFile } from './upload-stream';

/** Multipart framing around the file: a body longer than the limit by more is refused unread. */
const FRAMING_BYTES = 64 * 1024;

export function fileView(f: MaterialFileRecord) {
  return {
    id: f.id,
    itemCode: f.itemCode,
    materialCode: f.materialCode,
    round: f.round,
    filename: f.filename,
    size: f.size,
    sha256: f.sha256,
    contentType: f.contentType,
    uploadedBy: f.uploadedBy,
    onBehalfOf: f.onBehalfOf,
    uploadedAt: f.uploadedAt instanceof Date ? f.uploadedAt.toISOString() : f.uploadedAt,
  };
}

/**
 * An applicant's upload of one file for one material: checked against the project before the
 * body is read, streamed into storage (hashed and typed on the way, never held whole), recorded,
 * then handed to the project's workflow (ATTACH_FILE) with its id and hash. Anything refused on
 * the way leaves nothing behind: no stored object, no row.
 */
@Injectable()
export class UploadsService {
  private readonly log = new Logger('uploads');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly files: Files,
    private readonly commands: ProjectCommandsService,
    private readonly policy: AccessPolicy,
  ) {}

  async upload(t: CommandTarget, materialCode: string, req: Request) {
    const idempotencyKey = t.key ? `${t.user.userId}:${t.key}` : null;
    if (idempotencyKey) {
      const first = await this.retried(idempotencyKey, t);
      if (first) return { created: false, file: fileView(first) };
    }
    const { round, owner } = await this.precheck(t, materialCode);
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > this.files.uploadMaxBytes + FRAMING_BYTES)
      throw new PayloadTooLargeException(
        `file: larger than ${Math.round(this.files.uploadMaxBytes / 1024 / 1024)} MB (UPLOAD_MAX_MB)`,
      );

    const id = randomUUID();
    const storageKey = `${t.projectId}/${id}`;
    let stored = false;
    let row: MaterialFileRecord | undefined;
    try {
      const file = await receiveFile(req, this.files.uploadMaxBytes);
      await this.files
        .put(storageKey, file.body, file.type.contentType)
        .catch(async (err: unknown) => {
          // The body's own refusal (413) says more than the storage's failure to read it.
          const why: unknown = await file.done.then(
            () => err,
            (refusal: unknown) => refusal,
          );
          throw why;
        });
      stored = true;
      const { size, sha256 } = await file.done;
      row = {
        id,
        projectId: t.projectId,
        itemCode: t.itemCode,
        materialCode,
        round,
        filename: file.filename,
        size,
        sha256,
        contentType: file.type.contentType,
        storageKey,
        uploadedBy: t.user.username,
        onBehalfOf: t.user.role === 'AGENT' ? owner : null,
        idempotencyKey,
        uploadedAt: new Date(),
      };
      if (!(await insertMaterialFile(this.ds, row))) {
        // A retry with the same key raced this one: the first is the answer.
        await this.files.delete(storageKey);
        stored = false;
        const first = await this.retried(idempotencyKey!, t);
        if (first) return { created: false, file: fileView(first) };
        throw new ConflictException('Idempotency-Key: an upload with this key is under way');
      }
      const answer = await this.commands.run(
        t.user,
        t.projectId,
        {
          kind: 'ATTACH_FILE',
          itemCode: t.itemCode,
          materialCode,
          file: { id, sha256 },
        },
        { key: t.key },
      );
      const attached = answer.changed?.item?.materials.find((m) => m.code === materialCode);
      row.round = attached?.round ?? round;
      return { created: true, file: fileView(row) };
    } catch (err) {
      if (row) await deleteMaterialFile(this.ds, id).catch(() => undefined);
      if (stored) await this.files.delete(storageKey).catch(() => undefined);
      throw this.toHttp(err);
    }
  }

  /** The file of an earlier request with this key, if the workflow took it. */
  private async retried(key: string, t: CommandTarget): Promise<MaterialFileRecord | undefined> {
    const first = await materialFileByKey(this.ds, key);
    if (!first || first.projectId !== t.projectId) return undefined;
    const row = await findProject(this.ds, t.projectId);
    const m = row && materialOf(row, first.itemCode, first.materialCode);
    if (m?.files.some((f) => f.id === first.id)) return first;
    // Stored but never taken (the earlier request broke off): it goes, and this one stores anew.
    await deleteMaterialFile(this.ds, first.id);
    await this.files.delete(first.storageKey).catch(() => undefined);
    return undefined;
  }

  /**
   * What the read model says before a byte is read: the project exists for this person, asks for
   * the material, and its round is open. The workflow checks again when the file is handed in.
   */
  private async precheck(t: CommandTarget, materialCode: string) {
    const row = await findProject(this.ds, t.projectId);
    const hidden = new NotFoundException(`project ${t.projectId} not found`);
    if (!row) throw hidden;
    if ((await this.policy.actsFor(t.user, t.projectId)) !== row.ownerOrganisation) throw hidden;
    const item = row.state.items.find((i) => i.code === t.itemCode);
    if (!item) throw new NotFoundException(`item ${t.itemCode} is not on this project's checklist`);
    const m = findMaterial(item, materialCode);
    if (!m) throw new NotFoundException(`item ${t.itemCode} asks for no material ${materialCode}`);
    const closed = uploadClosedBecause(row.state, item, m);
    if (closed) {
      throw new ConflictException(
        refusalBody(closed, {
          key: 'UPLOAD_CLOSED',
          params: { material: named(m), status: item.status },
        }),
      );
    }
    return { round: m.round, owner: row.ownerOrganisation };
  }

  private toHttp(err: unknown): Error {
    if (err instanceof HttpException) return err;
    if (err instanceof UploadRefused) {
      return new HttpException(
        { statusCode: err.status, error: STATUS_TEXT[err.status], message: err.message },
        err.status,
      );
    }
    const message = (err as Error)?.message ?? String(err);
    if (/closed the connection|aborted|Unexpected end/i.test(message))
      return new HttpException(
        { statusCode: 400, error: 'Bad Request', message: `file: ${message}` },
        400,
      );
    this.log.warn(`upload failed: ${message}`);
    return new ServiceUnavailableException(`the file could not be stored (${message}); try again`);
  }
}

const STATUS_TEXT = { 400: 'Bad Request', 413: 'Payload Too Large', 415: 'Unsupported Media Type' };

const materialOf = (row: ProjectRecord, itemCode: string, code: string) => {
  const item = row.state.items.find((i) => i.code === itemCode);
  return item && findMaterial(item, code);
};
