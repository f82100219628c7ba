import {
  BadRequestException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  ProjectWorkflowInput,
  buildReport,
  initialState,
  projectSummary,
  workflowItems,
} from '../../../../libs/approval/src';
import { policyFor } from '../../../../libs/domain/src';
import { ProjectRecord, TimelineEventRecord } from '../../../../libs/persistence/src';
import { projectWorkflowId } from '../../../../libs/temporal/src';
import type { projectWorkflow } from '../../../../workflows';
import type { Principal } from '../auth/principal';
import { CalendarService } from '../calendar/calendar.service';
import { checklistOr400 } from '../catalog/catalog.controller';
import { TemporalClient } from '../temporal/temporal.module';
import type { CreateProjectDto } from './dto/create-project.dto';
import type { ListProjectsQuery } from './dto/list-query.dto';
import { AGENT_SCOPE, AccessService } from './access.service';

const ALL_PROJECTS = new Set(['ADMIN', 'SUPERVISOR', 'WINDOW_OFFICER']);
const KEY = /^[A-Za-z0-9._:-]{1,100}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly temporal: TemporalClient,
    private readonly calendar: CalendarService,
    private readonly access: AccessService,
  ) {}

  private get repo() {
    return this.ds.getRepository(ProjectRecord);
  }

  /** Whether the caller may see the project (otherwise it answers 404: it may not know it exists). */
  async canSee(
    p: Principal,
    row: Pick<ProjectRecord, 'id' | 'ownerOrganisation' | 'state'>,
  ): Promise<boolean> {
    if (ALL_PROJECTS.has(p.role)) return true;
    if (p.role === 'APPLICANT') return row.ownerOrganisation === p.organisation;
    if (p.role === 'AGENT')
      return this.access.agentMayAct(p.username, row.id, row.ownerOrganisation);
    if (p.role === 'REVIEWING_OFFICER' || p.role === 'DEPARTMENT_HEAD') {
      return row.state.items.some((i) => i.department === p.department);
    }
    return false;
  }

  async load(p: Principal, id: string): Promise<ProjectRecord> {
    if (!UUID.test(id)) throw new NotFoundException(`project ${id} not found`);
    const row = await this.repo.findOneBy({ id });
    if (!row || !(await this.canSee(p, row)))
      throw new NotFoundException(`project ${id} not found`);
    return row;
  }

  /**
   * The project, for one acting as its applicant: the owner organisation's applicant or an agent
   * it delegated to. `onBehalfOf` names the organisation when an agent acts, for the record.
   */
  async loadAsApplicant(p: Principal, id: string) {
    const row = await this.load(p, id);
    return { row, onBehalfOf: p.role === 'AGENT' ? row.ownerOrganisation : undefined };
  }

  report(row: ProjectRecord) {
    return buildReport(row.state, this.calendar.current, this.calendar.today());
  }

  async create(p: Principal, dto: CreateProjectDto, idempotencyKey?: string) {
    if (idempotencyKey !== undefined && !KEY.test(idempotencyKey)) {
      throw new BadRequestException(
        'Idempotency-Key: 1-100 characters of letters, digits, . _ : -',
      );
    }
    let owner: string;
    if (p.role === 'APPLICANT') {
      if (dto.ownerOrganisation && dto.ownerOrganisation !== p.organisation) {
        throw new ForbiddenException(`ownerOrganisation: you act for ${p.organisation} only`);
      }
      if (dto.acceptedAt)
        throw new ForbiddenException('acceptedAt: only administrators import projects');
      owner = p.organisation!;
    } else if (p.role === 'AGENT') {
      if (!dto.ownerOrganisation) {
        throw new BadRequestException(
          'ownerOrganisation is required when an agent creates a project (the organisation whose mandate it holds)',
        );
      }
      if (dto.acceptedAt)
        throw new ForbiddenException('acceptedAt: only administrators import projects');
      if (!(await this.access.hasMandate(p.username, dto.ownerOrganisation))) {
        throw new ForbiddenException(
          `ownerOrganisation: you hold no mandate of ${dto.ownerOrganisation}`,
        );
      }
      owner = dto.ownerOrganisation;
    } else if (p.role === 'ADMIN') {
      if (!dto.ownerOrganisation)
        throw new BadRequestException(
          'ownerOrganisation is required when an administrator imports a project',
        );
      owner = dto.ownerOrganisation;
    } else {
      throw new ForbiddenException(`${p.role} cannot create projects`);
    }
    const today = this.calendar.today();
    if (dto.acceptedAt) {
      this.calendar.answer((c) => c.isWorkingDay(dto.acceptedAt!));
      if (dto.acceptedAt > today)
        throw new BadRequestException(`acceptedAt must not be after today (${today})`);
    }
    const list = checklistOr400(dto.answers);
    const policy = policyFor(list.projectType);
    const projectId: string = randomUUID();
    const input: ProjectWorkflowInput = {
      projectId,
      name: dto.name,
      type: list.projectType,
      region: dto.region ?? 'CN',
      ownerOrganisation: owner,
      limitDays: policy.limitDays,
      stageBudgets: policy.stageBudgets,
      warning: policy.warning,
      calendar: this.calendar.snapshot,
      createdBy: { username: p.username, role: p.role, organisation: p.organisation },
      ...(p.role === 'AGENT' ? { onBehalfOf: owner } : {}),
      acceptedAt: dto.acceptedAt,
      items: workflowItems(list),
    };
    const state = initialState(input, this.calendar.current.version, new Date().toISOString());
    const key = idempotencyKey ? `${p.userId}:${idempotencyKey}` : null;
    // The row first (state_seq 0): the same key finds it again, so a retry never makes a second
    // project or workflow; the workflow's first write then brings the row up to date.
    const inserted = await this.ds.query<{ id: string }[]>(
      `INSERT INTO projects (id, name, type, region, owner_organisation, status, stage, risk, limit_days,
         used_days, remaining_days, calendar_version, state, state_seq, created_by, idempotency_key)
       VALUES ($1,$2,$3,$4,$5,'IN_PROGRESS',$6,'ON_TRACK',$7,0,$7,$8,$9,0,$10,$11)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [
        projectId,
        dto.name,
        list.projectType,
        input.region,
        owner,
        state.stage,
        policy.limitDays,
        state.calendarVersion,
        state,
        p.username,
        key,
      ],
    );
    let id = projectId;
    let existing = false;
    if (inserted.length === 0) {
      id = (await this.repo.findOneByOrFail({ idempotencyKey: key! })).id;
      existing = true;
    }
    if (!existing) {
      try {
        await this.temporal.call(() =>
          this.temporal.workflow.start<typeof projectWorkflow>('projectWorkflow', {
            workflowId: projectWorkflowId(id),
            taskQueue: this.temporal.workflowTaskQueue,
            args: [input],
            workflowIdConflictPolicy: 'USE_EXISTING',
          }),
        );
      } catch (err) {
        // No workflow: remove the row unless a key lets the caller retry into it.
        if (!key) await this.repo.delete({ id });
        throw err;
      }
    } else {
      // A retry: make sure the workflow of the first attempt exists (it may have failed to start).
      const row = await this.repo.findOneByOrFail({ id });
      const handle = this.temporal.workflow.getHandle(projectWorkflowId(id));
      const started = await this.temporal.call(() =>
        handle.describe().then(
          () => true,
          () => false,
        ),
      );
      if (!started && row.stateSeq === 0) {
        await this.temporal.call(() =>
          this.temporal.workflow.start<typeof projectWorkflow>('projectWorkflow', {
            workflowId: projectWorkflowId(id),
            taskQueue: this.temporal.workflowTaskQueue,
            args: [{ ...input, projectId: id, calendar: this.calendar.snapshot }],
            workflowIdConflictPolicy: 'USE_EXISTING',
          }),
        );
      }
    }
    return { created: !existing, report: this.report(await this.firstWrite(id)) };
  }

  /**
   * The row once the workflow has written it (its first write follows the start within
   * milliseconds), so a read after create sees the project as the workflow holds it — e.g. an
   * import already under review. Falls back to the API's own row after a few seconds.
   */
  private async firstWrite(id: string): Promise<ProjectRecord> {
    const deadline = Date.now() + 5_000;
    for (let delay = 10; ; delay = Math.min(delay * 2, 250)) {
      // Poll one column; load the row (its JSONB state) once, at the end.
      const [{ seq }] = await this.ds.query<{ seq: string }[]>(
        'SELECT state_seq AS seq FROM projects WHERE id = $1',
        [id],
      );
      if (Number(seq) > 0 || Date.now() > deadline) return this.repo.findOneByOrFail({ id });
      await new Promise((r) => setTimeout(r, delay));
    }
  }

  async list(p: Principal, q: ListProjectsQuery) {
    const qb = this.repo.createQueryBuilder('p');
    if (p.role === 'APPLICANT') qb.andWhere('p.owner_organisation = :org', { org: p.organisation });
    else if (p.role === 'AGENT') qb.andWhere(AGENT_SCOPE, { agent: p.username });
    else if (p.role === 'REVIEWING_OFFICER' || p.role === 'DEPARTMENT_HEAD') {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM project_items i WHERE i.project_id = p.id AND i.department = :dept)',
        { dept: p.department },
      );
    } else if (!ALL_PROJECTS.has(p.role)) {
      return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    }
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('p.name ILIKE :like', { like });
    }
    if (q.stage) qb.andWhere('p.stage = :stage', { stage: q.stage });
    if (q.type) qb.andWhere('p.type = :type', { type: q.type });
    if (q.risk) qb.andWhere('p.risk = :risk', { risk: q.risk });
    if (q.status) qb.andWhere('p.status = :status', { status: q.status });
    if (q.department) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM project_items j WHERE j.project_id = p.id AND j.department = :fdept)',
        { fdept: q.department },
      );
    }
    if (q.overdue !== undefined) {
      const overdue = `(p.risk = 'OVERDUE' OR EXISTS (SELECT 1 FROM project_items o
        WHERE o.project_id = p.id AND o.risk = 'OVERDUE'))`;
      qb.andWhere(q.overdue ? overdue : `NOT ${overdue}`);
    }
    // Agents work the riskiest first (DESIGN section 2); everyone else sees the latest first.
    if (p.role === 'AGENT') {
      qb.orderBy(
        "CASE p.risk WHEN 'OVERDUE' THEN 0 WHEN 'AT_RISK' THEN 1 ELSE 2 END",
        'ASC',
      ).addOrderBy('p.updated_at', 'DESC');
    } else qb.orderBy('p.updated_at', 'DESC');
    const today = this.calendar.today();
    const [rows, total] = await qb
      .addOrderBy('p.id')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return {
      items: rows.map((row) => {
        const r = projectSummary(row.state, this.calendar.current, today);
        return {
          id: r.id,
          name: r.name,
          type: r.type,
          ownerOrganisation: r.ownerOrganisation,
          stage: r.stage,
          status: r.status,
          clock: r.clock,
          nextActions: r.nextActions,
          updatedAt: row.updatedAt,
        };
      }),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async timeline(p: Principal, id: string) {
    await this.load(p, id);
    const rows = await this.ds
      .getRepository(TimelineEventRecord)
      .find({ where: { projectId: id }, order: { seq: 'ASC' } });
    return {
      items: rows.map((e) => ({
        seq: e.seq,
        at: e.at,
        actor: e.actor,
        role: e.role,
        ...(e.onBehalfOf ? { onBehalfOf: e.onBehalfOf } : {}),
        type: e.type,
        ...(e.stage ? { stage: e.stage } : {}),
        ...(e.itemCode ? { itemCode: e.itemCode } : {}),
        ...(e.detail ? { detail: e.detail } : {}),
        ...(e.clockEffect ? { clockEffect: e.clockEffect } : {}),
      })),
    };
  }
}
