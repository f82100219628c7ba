import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type ProjectState,
  specialistAnswered,
  specialistProposed,
} from '../../../../libs/approval/src';
import {
  type PlanTarget,
  type ServiceChange,
  answerSpecialist,
  findUser,
  flagKeyProject,
  isActiveSpecialist,
  planOf,
  projectService,
  proposeSpecialist,
  setPlan,
  unflagKeyProject,
} from '../../../../libs/persistence/src';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { CalendarService } from '../calendar/calendar.service';
import { apiRefusal } from '../common/refusal-body';
import type { PlanDto } from './dto/key-project.dto';
import { judgeTarget, targetProblem } from './plan-view';
import { ProjectsService } from './projects.service';

/**
 * The service centre's key projects (重点项目) and specialists (代办专员), and the specialist's
 * plan (代办方案). The specialist's power is the delegated agent's, read where an agent's is
 * (libs/persistence access.ts): nothing until the owner accepts.
 */
@Injectable()
export class KeyProjectsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly projects: ProjectsService,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
  ) {}

  /** The change's value; 404 for a project gone meanwhile, 409 (PROJECT_NOT_OPEN) when closed. */
  private done<T>(id: string, what: string, change: ServiceChange<T>): T {
    if (change.outcome === 'missing') throw new NotFoundException(`project ${id} not found`);
    if (change.outcome === 'refused') {
      const status = change.state.status;
      throw new ConflictException(
        apiRefusal(`the project is ${status}: ${what} only for a running project`, {
          key: 'PROJECT_NOT_OPEN',
          params: { status },
        }),
      );
    }
    return change.value;
  }

  async flag(user: Principal, id: string, reason: string) {
    await this.projects.load(user, id);
    const key = this.done(
      id,
      'a key project is flagged',
      await flagKeyProject(this.ds, id, reason, user.username),
    );
    await this.audit.record(
      { action: 'KEY_FLAGGED', actor: user.username, subject: id, detail: { reason } },
      true,
    );
    return key;
  }

  async unflag(user: Principal, id: string) {
    await this.projects.load(user, id);
    const was = this.done(id, 'unflagged', await unflagKeyProject(this.ds, id));
    if (!was) throw new NotFoundException(`project ${id} is not a key project`);
    await this.audit.record({ action: 'KEY_UNFLAGGED', actor: user.username, subject: id }, true);
  }

  /** Proposes an agent of the team; the owner's consent makes it ACTIVE. */
  async assign(user: Principal, id: string, username: string) {
    const row = await this.projects.load(user, id);
    const agent = await findUser(this.ds, username);
    if (!agent || agent.role !== 'AGENT' || !agent.agentTeam || agent.disabled) {
      throw new BadRequestException(`username: ${username} is not on the government's agent team`);
    }
    const { created } = this.done(
      id,
      'a specialist is assigned',
      // The owner is asked for consent (a notice linking to the project page).
      await proposeSpecialist(this.ds, id, username, user.username, specialistProposed),
    );
    if (created) {
      await this.audit.record(
        {
          action: 'SPECIALIST_ASSIGNED',
          actor: user.username,
          subject: username,
          detail: { projectId: id, organisation: row.ownerOrganisation },
        },
        true,
      );
    }
    return { created, specialist: (await projectService(this.ds, id)).specialist! };
  }

  /** The owner's applicant accepts or declines the proposed specialist. */
  async consent(user: Principal, id: string, accept: boolean) {
    const row = await this.projects.load(user, id);
    const answered = this.done(
      id,
      'a specialist is accepted or declined',
      // The centre user who assigned and the specialist are told the answer.
      await answerSpecialist(this.ds, id, accept, user.username, (a) =>
        specialistAnswered(a, accept),
      ),
    );
    if (!answered) {
      throw new ConflictException(
        apiRefusal('no specialist is proposed for this project', { key: 'NO_PROPOSAL' }),
      );
    }
    await this.audit.record(
      {
        action: accept ? 'SPECIALIST_ACCEPTED' : 'SPECIALIST_DECLINED',
        actor: user.username,
        subject: answered.username,
        detail: {
          projectId: id,
          assignedBy: answered.assignedBy,
          organisation: row.ownerOrganisation,
        },
      },
      true,
    );
    return (await projectService(this.ds, id)).specialist!;
  }

  /** The plan with each target judged as of today. */
  async plan(user: Principal, id: string) {
    const row = await this.projects.load(user, id);
    return this.planView(id, row.state);
  }

  private async planView(id: string, state: ProjectState) {
    const today = this.calendar.today();
    const plan = await planOf(this.ds, id);
    return {
      projectId: id,
      targets: (plan?.targets ?? []).map((t) => judgeTarget(state, t, today)),
      setBy: plan?.setBy ?? null,
      setAt: plan?.setAt ?? null,
      asOf: today,
    };
  }

  /** The active specialist replaces the plan's targets. */
  async setPlan(user: Principal, id: string, body: PlanDto) {
    const row = await this.projects.load(user, id);
    if (!(await isActiveSpecialist(this.ds, user.username, id))) {
      throw new ForbiddenException(
        "only the project's specialist, accepted by its owner, sets the plan",
      );
    }
    const targets: PlanTarget[] = body.targets.map((t, i) => {
      const problem = targetProblem(row.state, t, `targets[${i}]`);
      if (problem) throw new BadRequestException(problem);
      return t.stage ? { stage: t.stage, date: t.date } : { item: t.item!, date: t.date };
    });
    await setPlan(this.ds, id, targets, user.username);
    await this.audit.record(
      {
        action: 'PLAN_SET',
        actor: user.username,
        subject: id,
        detail: { targets: targets.length },
      },
      true,
    );
    return this.planView(id, row.state);
  }
}
