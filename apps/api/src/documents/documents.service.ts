import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { StageCode } from '../../../../libs/domain/src';
import { organisationName, receiptOf, resultOf } from '../../../../libs/persistence/src';
import type { Principal } from '../auth/principal';
import { ProjectsService } from '../projects/projects.service';
import type { ItemResultDto, ReceiptDto } from './dto/documents.dto';

/**
 * Receipts and results as the projection issued them, to those who may read the project
 * (ProjectsService.load: 404 for anyone else), and only while the state still holds the
 * acceptance or approval they record.
 */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly projects: ProjectsService,
  ) {}

  async receipt(user: Principal, id: string, stage: StageCode): Promise<ReceiptDto> {
    const project = await this.projects.load(user, id);
    const s = project.state.stages.find((x) => x.code === stage);
    const row = s?.acceptedOn ? await receiptOf(this.ds, id, stage) : null;
    if (!row)
      throw new NotFoundException(
        `receipt of stage ${stage} not found: ${s?.acceptedOn ? 'not issued yet' : `the stage is ${s?.status ?? 'not part of the project'}; a receipt is issued when the window accepts it`}`,
      );
    return {
      number: row.number,
      projectId: id,
      projectName: project.name,
      projectCode: project.projectCode,
      ownerOrganisation: project.ownerOrganisation,
      ownerOrganisationName: await organisationName(this.ds, project.ownerOrganisation),
      stage,
      acceptedOn: row.acceptedOn,
      items: row.items.map((i) => ({
        code: i.code,
        name: i.name,
        department: i.departmentName,
        departmentCode: i.department,
        limitDays: i.limitDays,
        dueDate: i.dueDate,
      })),
      projectLimitDays: row.projectLimitDays,
      issuedAt: row.issuedAt.toISOString(),
    };
  }

  async result(user: Principal, id: string, itemCode: string): Promise<ItemResultDto> {
    const project = await this.projects.load(user, id);
    const item = project.state.items.find((i) => i.code === itemCode);
    if (!item) throw new NotFoundException(`item ${itemCode} not found`);
    // A result revoked by a failed follow-up check (告知承诺) is still shown, saying so.
    const issued = item.status === 'APPROVED' || item.status === 'REVOKED';
    const row = issued ? await resultOf(this.ds, id, itemCode, item.round) : null;
    if (!row)
      throw new NotFoundException(
        `result of item ${itemCode} not found: ${issued ? 'not issued yet' : `the item is ${item.status}; a result is issued when it is approved`}`,
      );
    const c = item.onCommitment;
    return {
      number: row.number,
      projectId: id,
      projectName: project.name,
      projectCode: project.projectCode,
      ownerOrganisation: project.ownerOrganisation,
      ownerOrganisationName: await organisationName(this.ds, project.ownerOrganisation),
      itemCode,
      itemName: row.itemName,
      department: row.departmentName,
      departmentCode: row.department,
      round: row.round,
      decidedOn: row.decidedOn,
      officer: row.officer,
      issuedAt: row.issuedAt.toISOString(),
      onCommitment: c ? { text: c.text, checkDue: c.checkDue } : null,
      revoked:
        item.status === 'REVOKED' && c?.check
          ? { on: c.check.on, comment: c.check.comment ?? '' }
          : null,
    };
  }
}
