import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  departmentQueue,
  escalatedItems,
  findItemByTaskId,
} from '../../../../libs/persistence/src';
import type { Principal } from '../auth/principal';
import type { DecisionDto } from '../projects/dto/commands.dto';
import { ProjectCommandsService } from '../projects/project-commands.service';
import { ProjectsService } from '../projects/projects.service';
import type { EscalationsQuery, TasksQuery } from './dto/task.dto';

/** A department's work: its reviewing officers' queue, its head's and the supervisor's escalations. */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly projects: ProjectsService,
    private readonly commands: ProjectCommandsService,
  ) {}

  async queue(officer: Principal, q: TasksQuery) {
    const { items, total } = await departmentQueue(this.ds, {
      department: officer.department!,
      projectId: q.projectId,
      risk: q.risk,
      status: q.status,
      page: q.page,
      pageSize: q.pageSize,
    });
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  /** Department heads: their department; supervisors: every department, or the one asked. */
  async escalations(user: Principal, q: EscalationsQuery) {
    const { items, total } = await escalatedItems(this.ds, {
      department: user.role === 'DEPARTMENT_HEAD' ? user.department : q.department,
      risks: q.risk ? [q.risk] : ['AT_RISK', 'OVERDUE'],
      page: q.page,
      pageSize: q.pageSize,
    });
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  /** An officer decides an item of the department; answers the item and the project's clock. */
  async decide(officer: Principal, taskId: string, body: DecisionDto, key?: string) {
    const item = await findItemByTaskId(this.ds, taskId);
    // An item of another department is as unknown to this officer as one that does not exist.
    if (!item || item.department !== officer.department)
      throw new NotFoundException(`task ${taskId} not found`);
    const result = await this.commands.send(
      item.projectId,
      officer,
      {
        kind: 'DECIDE',
        itemCode: item.code,
        action: body.action,
        comment: body.comment,
        procedure: body.procedure,
        deficiency: body.deficiency,
      },
      key,
    );
    const report = this.projects.report(
      await this.projects.loadForDepartment(item.department, item.projectId),
    );
    const itemReport = report.stages
      .flatMap((s) => s.themes)
      .flatMap((t) => t.items as { code: string }[])
      .find((i) => i.code === item.code);
    return {
      taskId,
      projectId: item.projectId,
      result,
      item: itemReport,
      projectClock: report.clock,
    };
  }
}
