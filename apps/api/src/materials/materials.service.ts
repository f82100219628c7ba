import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findMaterial, type ItemState, type ProjectState } from '../../../../libs/approval/src';
import {
  findMaterialFile,
  itemResultsOf,
  materialFilesOf,
  type MaterialFileRecord,
} from '../../../../libs/persistence/src';
import { StoredFileNotFound } from '../../../../libs/storage/src';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import type { CommandTarget } from '../projects/command-target';
import { ProjectCommandsService } from '../projects/project-commands.service';
import { ProjectsService, type CachedView } from '../projects/projects.service';
import { ReadCache } from '../projects/read-cache';
import { Files } from './file-storage.provider';
import { fileView } from './uploads.service';

/**
 * Materials as people see them: per item and material its status, every round's files with who
 * handed them in and when, the verdicts, and — for a result an earlier item issued — that
 * result's number. Files are served to whoever may see the project, and every download is in the
 * audit trail.
 */
@Injectable()
export class MaterialsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly projects: ProjectsService,
    private readonly commands: ProjectCommandsService,
    private readonly files: Files,
    private readonly audit: AuditService,
  ) {}

  /** About 20 MB at most. */
  private readonly lists = new ReadCache<CachedView>(1_000);

  /**
   * `GET /api/projects/:id/materials` as JSON text: built once per version of the project (a
   * file is only listed once the workflow took it, which changes the version), then served from
   * this process's cache after one primary-key read.
   */
  list(user: Principal, projectId: string): Promise<string> {
    return this.projects.viewJson(user, projectId, this.lists, (state) =>
      this.build(projectId, state),
    );
  }

  private async build(projectId: string, state: ProjectState) {
    const [files, results] = await Promise.all([
      materialFilesOf(this.ds, projectId),
      itemResultsOf(this.ds, projectId),
    ]);
    const byId = new Map(files.map((f) => [f.id, f]));
    const resultOf = new Map(results.map((r) => [r.itemCode, r]));
    return {
      projectId,
      items: state.items
        .filter((i) => i.materials?.length)
        .map((item) => ({
          code: item.code,
          name: item.name,
          nameEn: item.nameEn,
          stage: item.stage,
          department: item.department,
          status: item.status,
          taskId: item.taskId,
          materials: item.materials!.map((m) => {
            const result =
              m.status === 'PROVIDED_BY_RESULT' ? resultOf.get(m.producedBy!) : undefined;
            return {
              code: m.code,
              name: m.name,
              nameEn: m.nameEn,
              required: m.required,
              status: m.status,
              round: m.round,
              source: m.source ?? 'APPLICANT',
              producedBy: m.producedBy ?? null,
              deficiencyAllowed: m.deficiencyAllowed === true,
              correction: m.correction ?? null,
              verdict: m.verdict ?? null,
              result: result ? { number: result.number, itemCode: result.itemCode } : null,
              files: m.files
                .map((f) => byId.get(f.id))
                .filter((f): f is MaterialFileRecord => f !== undefined)
                .map(fileView),
            };
          }),
        })),
    };
  }

  /** The file's record and bytes, for whoever may see its project; 404 for anyone else. */
  async download(user: Principal, fileId: string) {
    const hidden = () => new NotFoundException(`file ${fileId} not found`);
    const f = await findMaterialFile(this.ds, fileId);
    if (!f) throw hidden();
    const row = await this.projects.load(user, f.projectId).catch(() => {
      throw hidden();
    });
    // Only what the workflow took: a file of a refused or broken-off upload is not served.
    const item = row.state.items.find((i) => i.code === f.itemCode);
    if (!attached(item, f)) throw hidden();
    let body;
    try {
      body = await this.files.get(f.storageKey);
    } catch (err) {
      if (err instanceof StoredFileNotFound) throw hidden();
      throw err;
    }
    await this.audit.record(
      {
        action: 'FILE_DOWNLOADED',
        actor: user.username,
        subject: f.id,
        detail: { projectId: f.projectId, itemCode: f.itemCode, material: f.materialCode },
      },
      true,
    );
    return { file: f, body };
  }

  /** Takes a file back from a material's open round (the stored bytes stay for the record). */
  async detach(t: CommandTarget, materialCode: string, fileId: string) {
    await this.commands.run(
      t.user,
      t.projectId,
      { kind: 'DETACH_FILE', itemCode: t.itemCode, materialCode, fileId },
      { key: t.key },
    );
  }

  /** An officer's verdict on one material of the department's item. */
  async review(
    user: Principal,
    projectId: string,
    itemCode: string,
    materialCode: string,
    body: { verdict: 'ACCEPTED' | 'NEEDS_CORRECTION'; reason?: string },
    key?: string,
  ) {
    const answer = await this.commands.run(
      user,
      projectId,
      { kind: 'REVIEW_MATERIAL', itemCode, materialCode, ...body },
      { key },
    );
    return answer.changed?.item?.materials.find((m) => m.code === materialCode);
  }
}

const attached = (item: ItemState | undefined, f: MaterialFileRecord) =>
  !!item && !!findMaterial(item, f.materialCode)?.files.some((x) => x.id === f.id);
