import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { departmentQueue, escalatedItems } from '../../../../libs/persistence/src';
import type { Principal } from '../auth/principal';
import type { Command } from '../../../../libs/approval/src';
import type {
  CommitmentCheckDto,
  DecisionDto,
  PreReviewCommentDto,
} from '../projects/dto/commands.dto';
import { CalendarService } from '../calendar/calendar.service';
import { ProjectCommandsService } from '../projects/project-commands.service';
import type { CommandAnswer } from '../../../../libs/temporal/src';
import type { EscalationsQuery, TasksQuery } from './dto/task.dto';
import { parseTaskId } from './task-id';

/** A department's work: its reviewing officers' queue, its head's and the supervisor's escalations. */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly commands: ProjectCommandsService,
    private readonly calendar: CalendarService,
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

  /**
   * Department heads: their department; supervisors: every department, or the one asked. With
   * the overdue, the follow-up checks (核查) past their due date today (status CHECK_DUE).
   */
  async escalations(user: Principal, q: EscalationsQuery) {
    const { items, total } = await escalatedItems(this.ds, {
      department: user.role === 'DEPARTMENT_HEAD' ? user.department : q.department,
      risks: q.risk ? [q.risk] : ['AT_RISK', 'OVERDUE'],
      today: this.calendar.today(),
      page: q.page,
      pageSize: q.pageSize,
    });
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  /**
   * An officer decides an item of the department; answers the item and the project's clock as
   * the workflow wrote them. The task id names the project and the item; the workflow refuses
   * another department's item as not found, so nothing is read first.
   */
  async decide(officer: Principal, taskId: string, body: DecisionDto, key?: string) {
    return this.onTask(officer, taskId, key, (itemCode) => ({
      kind: 'DECIDE',
      itemCode,
      action: body.action,
      comment: body.comment,
      procedure: body.procedure,
      deficiency: body.deficiency,
      ...(body.materials?.length ? { materials: body.materials } : {}),
      ...(body.commitment !== undefined ? { commitment: body.commitment } : {}),
    }));
  }

  /** The follow-up check (核查) of an approval on commitment: a failed one revokes the result. */
  check(officer: Principal, taskId: string, body: CommitmentCheckDto, key?: string) {
    return this.onTask(officer, taskId, key, (itemCode) => ({
      kind: 'CHECK_COMMITMENT',
      itemCode,
      passed: body.passed,
      ...(body.comment !== undefined ? { comment: body.comment } : {}),
    }));
  }

  /** A pre-review comment (预审意见) on an item of the next stage: no decision, no clock. */
  preReviewComment(officer: Principal, taskId: string, body: PreReviewCommentDto, key?: string) {
    return this.onTask(officer, taskId, key, (itemCode) => ({
      kind: 'PRE_REVIEW_COMMENT',
      itemCode,
      comment: body.comment,
    }));
  }

  /**
   * An officer acts on an item of the department; answers the item and the project's clock as
   * the workflow wrote them. The task id names the project and the item; the workflow refuses
   * another department's item as not found, so nothing is read first.
   */
  private async onTask(
    officer: Principal,
    taskId: string,
    key: string | undefined,
    command: (itemCode: string) => Command,
  ) {
    // An item of another department is as unknown to this officer as one that does not exist.
    const hidden = () => new NotFoundException(`task ${taskId} not found`);
    const ref = parseTaskId(taskId);
    if (!ref || !officer.department) throw hidden();
    let answer: CommandAnswer;
    try {
      answer = await this.commands.run(officer, ref.projectId, command(ref.itemCode), { key });
    } catch (err) {
      if (err instanceof NotFoundException) throw hidden();
      throw err;
    }
    const { changed, ...result } = answer;
    return {
      taskId,
      projectId: ref.projectId,
      result,
      item: changed?.item,
      projectClock: changed?.clock,
    };
  }
}
