import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  ProjectWorkflowInput,
  type ProjectReport,
  type ProjectState,
  buildReport,
  initialState,
  workflowItems,
} from '../../../../libs/approval/src';
import { appConfig } from '../../../../libs/config/src';
import { pickMasterData, policyFor, type ProjectMasterData } from '../../../../libs/domain/src';
import {
  ProjectRecord,
  deleteProject,
  findProject,
  findProjectByIdempotencyKey,
  findReportRow,
  insertProject,
  isProjectCodeTaken,
  acceptedSpecialists,
  timelineOf,
} from '../../../../libs/persistence/src';
import { WithStartWorkflowOperation } from '@temporalio/client';
import {
  projectFirstReportUpdate,
  projectWorkflowId,
  runSummary,
} from '../../../../libs/temporal/src';
import type { projectWorkflow } from '../../../../workflows';
import type { Principal } from '../auth/principal';
import { CalendarService } from '../calendar/calendar.service';
import { CatalogService } from '../catalog/catalog.service';
import { TemporalClient } from '../temporal/temporal.module';
import type { CreateProjectDto } from './dto/create-project.dto';
import { AccessPolicy } from './access-policy';
import { AccessService } from './access.service';
import { ReadCache } from './read-cache';
import { namedReport } from './named-report';

/** How long a create waits for its workflow's first write before answering 202. */
const CREATE_WAIT_MS = 30_000;

/** A view's JSON (a report is about 10 kB) and who may see it, per project. */
export interface CachedView {
  body: string;
  ownerOrganisation: string;
  departments: Set<string>;
}

@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly temporal: TemporalClient,
    private readonly calendar: CalendarService,
    private readonly catalog: CatalogService,
    private readonly access: AccessService,
    private readonly policy: AccessPolicy,
    @Inject(appConfig.KEY)
    private readonly app: Pick<
      ConfigType<typeof appConfig>,
      'deadlineSweepSeconds' | 'riskWakeSpreadMinutes'
    >,
  ) {}

  /** About 20 MB at most. */
  private readonly reports = new ReadCache<CachedView>(2_000);

  /**
   * `GET /api/projects/:id`: the report as JSON text, for today. One primary-key read of the
   * row's version; the state only when this process holds no report of that version for this
   * calendar and day, so a repeated read skips the JSON parse, buildReport and the stringify.
   */
  reportJson(p: Principal, id: string): Promise<string> {
    const cal = this.calendar.current;
    return this.viewJson(p, id, this.reports, (state, master) =>
      this.named(buildReport(state, cal, this.calendar.today()), master),
    );
  }

  /**
   * A view computed from one version of a project's state (for this calendar and day), as JSON,
   * to those who may see the project (404 otherwise): built once per version by `build`, then
   * served from `cache` after one primary-key read of the row's version.
   */
  async viewJson(
    p: Principal,
    id: string,
    cache: ReadCache<CachedView>,
    build: (state: ProjectState, master: ProjectMasterData) => unknown,
  ): Promise<string> {
    const cal = this.calendar.current;
    const day = `${cal.version}|${this.calendar.today()}`;
    const held = cache.keyOf(id);
    const knownVersion = held?.endsWith(`|${day}`) ? held.slice(0, -day.length - 1) : '';
    const row = await findReportRow(this.ds, id, knownVersion);
    if (!row) throw new NotFoundException(`project ${id} not found`);
    const key = `${row.version}|${day}`;
    let entry = row.state === null ? cache.get(id, key) : undefined;
    if (!entry) {
      // Null state: another request replaced the held entry meanwhile; read the state again.
      const full = row.state ? row : await findReportRow(this.ds, id);
      const state = full?.state;
      if (!state) throw new NotFoundException(`project ${id} not found`);
      entry = {
        body: JSON.stringify(await build(state, full.master ?? {})),
        ownerOrganisation: row.ownerOrganisation,
        departments: new Set(state.items.map((i) => i.department)),
      };
      cache.set(id, key, entry);
    }
    const seen = entry;
    const facts = {
      id,
      ownerOrganisation: seen.ownerOrganisation,
      holdsDepartment: (d: string) => seen.departments.has(d),
    };
    if (!(await this.policy.maySee(p, facts)))
      throw new NotFoundException(`project ${id} not found`);
    return seen.body;
  }

  /** The project if the caller may see it; 404 otherwise. `id` is a UUID (ProjectIdPipe). */
  async load(p: Principal, id: string): Promise<ProjectRecord> {
    const row = await findProject(this.ds, id);
    const seen =
      row &&
      (await this.policy.maySee(p, {
        id,
        ownerOrganisation: row.ownerOrganisation,
        holdsDepartment: (d) => row.state.items.some((i) => i.department === d),
      }));
    if (!row || !seen) throw new NotFoundException(`project ${id} not found`);
    return row;
  }

  /**
   * A report with the name pages show for its owner (its code when none is registered), the
   * project's master data (read when not given), its key flag and its specialist (issue 27).
   */
  named<R extends { id: string; ownerOrganisation: string }>(
    report: R,
    master?: ProjectMasterData,
  ) {
    return namedReport(this.ds, report, master);
  }

  report(row: ProjectRecord) {
    return buildReport(row.state, this.calendar.current, this.calendar.today());
  }

  /** `idempotencyKey` is checked by the IdempotencyKey decorator. */
  async create(p: Principal, dto: CreateProjectDto, idempotencyKey?: string) {
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
    // The catalogue in force for the region today; the workflow input pins it (its items and
    // limits are in the input, its id names the version), so later versions never reach it.
    const { list, region, catalogue } = await this.catalog.forRegion(dto.answers, dto.region);
    const policy = policyFor(list.projectType, catalogue.policies);
    const projectId: string = randomUUID();
    const input: ProjectWorkflowInput = {
      projectId,
      name: dto.name,
      type: list.projectType,
      region,
      catalogueVersion: catalogue.id,
      ownerOrganisation: owner,
      limitDays: policy.limitDays,
      stageBudgets: policy.stageBudgets,
      warning: policy.warning,
      ...(policy.preReviewAutoAccept ? { preReviewAutoAccept: true } : {}),
      ...(policy.acceptPerTheme ? { acceptPerTheme: true } : {}),
      calendar: this.calendar.snapshot,
      createdBy: { username: p.username, role: p.role, organisation: p.organisation },
      ...(p.role === 'AGENT' ? { onBehalfOf: owner } : {}),
      acceptedAt: dto.acceptedAt,
      items: workflowItems(list),
      // The worker's sweep writes the crossings at their instant; the workflow can wake later.
      ...(this.app.deadlineSweepSeconds > 0 && this.app.riskWakeSpreadMinutes > 0
        ? { riskWakeSpreadMs: this.app.riskWakeSpreadMinutes * 60_000 }
        : {}),
    };
    const state = initialState(input, this.calendar.current.version, new Date().toISOString());
    const key = idempotencyKey ? `${p.userId}:${idempotencyKey}` : null;
    // The row first (state_seq 0): the same key finds it again, so a retry never makes a second
    // project or workflow; the workflow's first write then brings the row up to date.
    const inserted = await insertProject(this.ds, {
      state,
      createdBy: p.username,
      idempotencyKey: key,
      master: pickMasterData(dto),
    }).catch((err: unknown) => {
      if (isProjectCodeTaken(err))
        throw new ConflictException(`projectCode: ${dto.projectCode} belongs to another project`);
      throw err;
    });
    if (!inserted) {
      // A retry: the row of the first attempt, once its workflow wrote it, is the workflow's own.
      const row = (await findProjectByIdempotencyKey(this.ds, key!))!;
      if (row.stateSeq > 0) return { outcome: 'existing' as const, report: this.report(row) };
      const answer = await this.startAndReport({ ...input, projectId: row.id });
      return answer ? { outcome: 'existing' as const, report: answer } : this.pending(row.id);
    }
    let answer: ProjectReport | undefined;
    try {
      answer = await this.startAndReport(input);
    } catch (err) {
      // No workflow: remove the row unless a key lets the caller retry into it.
      if (!key) await deleteProject(this.ds, projectId);
      throw err;
    }
    return answer ? { outcome: 'created' as const, report: answer } : this.pending(projectId);
  }

  /**
   * Starts the project's workflow (or finds it running) and waits for its first write of the
   * read model, in one call (Update-with-Start): the report it answers is the workflow's own.
   * Undefined when the workflow runs but did not answer within CREATE_WAIT_MS; throws when it
   * could not be started.
   */
  private async startAndReport(input: ProjectWorkflowInput): Promise<ProjectReport | undefined> {
    const workflowId = projectWorkflowId(input.projectId);
    const start = new WithStartWorkflowOperation<typeof projectWorkflow>('projectWorkflow', {
      workflowId,
      taskQueue: this.temporal.workflowTaskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      // A project whose workflow has ended is never started again under its id.
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      ...runSummary(input),
    });
    try {
      return await this.temporal.call(
        () =>
          this.temporal.workflow.executeUpdateWithStart(projectFirstReportUpdate, {
            startWorkflowOperation: start,
          }),
        CREATE_WAIT_MS,
      );
    } catch (err) {
      // Late, not lost: the workflow runs and will write; the caller is told so (202).
      const running = await this.temporal
        .call(() => this.temporal.workflow.getHandle(workflowId).describe())
        .then(
          (d) => d.status.name === 'RUNNING',
          () => false,
        );
      if (running) return undefined;
      throw err;
    }
  }

  /** The create's answer when the workflow has not answered in time: where to look, and when. */
  private pending(id: string) {
    return {
      outcome: 'pending' as const,
      report: {
        id,
        status: 'STARTING',
        message: `the project's workflow did not answer within ${CREATE_WAIT_MS / 1000} s; GET /api/projects/${id} shows it once it has`,
      },
    };
  }

  async timeline(p: Principal, id: string) {
    await this.load(p, id);
    const [rows, specialists] = await Promise.all([
      timelineOf(this.ds, id),
      acceptedSpecialists(this.ds, id),
    ]);
    // An agent's act as the project's specialist: "specialist X, assigned by Y, for Z".
    const assignedBy = (actor: string, at: Date) =>
      specialists.filter((s) => s.username === actor && s.answeredAt <= at).pop()?.assignedBy;
    return {
      items: rows.map((e) => ({
        seq: e.seq,
        at: e.at,
        actor: e.actor,
        role: e.role,
        ...(e.onBehalfOf ? { onBehalfOf: e.onBehalfOf } : {}),
        ...(e.role === 'AGENT' && assignedBy(e.actor, e.at)
          ? { specialistAssignedBy: assignedBy(e.actor, e.at) }
          : {}),
        type: e.type,
        ...(e.stage ? { stage: e.stage } : {}),
        ...(e.itemCode ? { itemCode: e.itemCode } : {}),
        ...(e.detail ? { detail: e.detail } : {}),
        ...(e.clockEffect ? { clockEffect: e.clockEffect } : {}),
      })),
    };
  }
}
