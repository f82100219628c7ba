import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { STAGE_CODES } from '../../../../libs/domain/src';
import { DepartmentsService } from '../catalog/departments.service';
import {
  commitmentCounts,
  agentServiceCounts,
  type ServiceGroupCounts,
  completedStageSpans,
  stageHandovers,
  type Handover,
  departmentCounts,
  projectCounts,
  ratingStatistics,
  type StatisticsFilter,
} from '../../../../libs/persistence/src';
import type { Principal } from '../auth/principal';
import { csvText } from '../common/csv';
import { CalendarService } from '../calendar/calendar.service';
import type {
  DepartmentStatisticsDto,
  HandoverStatisticsDto,
  StageAveragesDto,
  StatisticsDto,
  StatisticsQuery,
} from './dto/statistics.dto';

/** Days the calendar and PostgreSQL both take; outside them a range is a caller's mistake. */
const FIRST_DAY = '1970-01-01';
const LAST_DAY = '2199-12-31';

const rate = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** A side of the agent service figures: means over its completed projects. */
const serviceGroup = (g: ServiceGroupCounts) => ({
  inProgress: g.inProgress,
  completed: g.completed,
  averageUsedDays: g.completed ? oneDecimal(g.usedDays / g.completed) : null,
  averageLimitDays: g.completed ? oneDecimal(g.limitDays / g.completed) : null,
  usedShare: g.limitDays ? rate(g.usedDays, g.limitDays) : null,
});

/**
 * The supervisor's figures (all departments, or one) and a department head's (its own). The
 * counting rules are in libs/persistence/src/read-model/statistics.ts.
 */
@Injectable()
export class StatisticsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly calendar: CalendarService,
    private readonly departments: DepartmentsService,
  ) {}

  /** The range and department a caller's query stands for, or a 400 / 403 saying why not. */
  async filterFor(user: Principal, q: StatisticsQuery): Promise<StatisticsFilter> {
    const today = this.calendar.today();
    const to = q.to ?? today;
    const from = q.from ?? `${to.slice(0, 4)}-01-01`;
    for (const [field, day] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (day < FIRST_DAY || day > LAST_DAY)
        throw new BadRequestException(`${field} must be between ${FIRST_DAY} and ${LAST_DAY}`);
    }
    if (from > to) throw new BadRequestException(`from (${from}) must not be after to (${to})`);
    let department = q.department;
    if (department !== undefined && !(await this.departments.exists(department)))
      throw new BadRequestException(`department must be a department code of the catalogue`);
    if (user.role === 'DEPARTMENT_HEAD') {
      if (department !== undefined && department !== user.department)
        throw new ForbiddenException(
          `a department head sees the statistics of its own department (${user.department}) only`,
        );
      department = user.department;
    }
    const now = new Date();
    return { from, to, department, asOf: { now, today: this.calendar.current.localDate(now) } };
  }

  async statistics(f: StatisticsFilter): Promise<StatisticsDto> {
    const [depts, projects, spans, loop, known, handovers, commitments, service] =
      await Promise.all([
        departmentCounts(this.ds, f),
        projectCounts(this.ds, f),
        completedStageSpans(this.ds, f),
        ratingStatistics(this.ds, f),
        this.departments.all(),
        stageHandovers(this.ds, f),
        commitmentCounts(this.ds, f),
        agentServiceCounts(this.ds, f),
      ]);
    const counted = new Map(depts.map((d) => [d.department, d]));
    const codes = f.department
      ? [f.department]
      : [
          // Every department of the published catalogues (a city's and its province's too) …
          ...known.map((d) => d.code),
          // … and one no catalogue lists any more still has its history counted.
          ...depts.map((d) => d.department).filter((d) => !known.some((c) => c.code === d)),
        ];
    const byDepartment: DepartmentStatisticsDto[] = codes.map((code) => {
      const d = counted.get(code);
      const decided = d?.decided ?? 0;
      const onTime = d?.onTime ?? 0;
      return {
        department: code,
        decided,
        onTime,
        onTimeRate: rate(onTime, decided),
        averageDays: oneDecimal(d?.averageDays ?? null),
        overdueNow: d?.overdueNow ?? 0,
      };
    });
    const decided = depts.reduce((n, d) => n + d.decided, 0);
    const onTime = depts.reduce((n, d) => n + d.onTime, 0);
    return {
      from: f.from,
      to: f.to,
      department: f.department ?? null,
      projects,
      items: { decided, onTime, onTimeRate: rate(onTime, decided) },
      averageDaysByStage: this.stageAverages(spans),
      byDepartment,
      satisfaction: {
        rated: loop.satisfaction.rated,
        satisfiedRate:
          loop.satisfaction.satisfiedRate === null
            ? null
            : Math.round(loop.satisfaction.satisfiedRate * 10_000) / 10_000,
      },
      rectifications: loop.rectifications,
      handover: this.handover(handovers),
      commitments,
      agentService: {
        served: serviceGroup(service.served),
        notServed: serviceGroup(service.notServed),
        bySpecialist: service.bySpecialist,
      },
    };
  }

  /** Working days in (completedOn, acceptedOn] of the next stage, with and without 预审. */
  private handover(hs: Handover[]): HandoverStatisticsDto {
    const cal = this.calendar.current;
    const t = { pre: { days: 0, n: 0 }, plain: { days: 0, n: 0 } };
    for (const h of hs) {
      const s = h.preReviewed ? t.pre : t.plain;
      s.days += cal.workingDaysBetween(h.completedOn, h.acceptedOn).days * h.count;
      s.n += h.count;
    }
    const avg = (s: { days: number; n: number }) => (s.n ? oneDecimal(s.days / s.n) : null);
    return {
      withPreReview: avg(t.pre),
      withPreReviewCount: t.pre.n,
      withoutPreReview: avg(t.plain),
      withoutPreReviewCount: t.plain.n,
    };
  }

  /** Working days in (acceptedOn, completedOn] by the calendar in force, averaged per stage. */
  private stageAverages(spans: Awaited<ReturnType<typeof completedStageSpans>>): StageAveragesDto {
    const cal = this.calendar.current;
    const sum = new Map<string, { days: number; n: number }>();
    for (const s of spans) {
      const t = sum.get(s.stage) ?? { days: 0, n: 0 };
      t.days += cal.workingDaysBetween(s.acceptedOn, s.completedOn).days * s.count;
      t.n += s.count;
      sum.set(s.stage, t);
    }
    const avg = (stage: string) => {
      const t = sum.get(stage);
      return t ? oneDecimal(t.days / t.n) : null;
    };
    return Object.fromEntries(STAGE_CODES.map((s) => [s, avg(s)])) as unknown as StageAveragesDto;
  }

  /** The per-department table as CSV (csv.ts): a header row, Chinese department names. */
  async csv(s: StatisticsDto): Promise<string> {
    const names = new Map((await this.departments.all()).map((d) => [d.code, d.name]));
    const rows = [
      ['部门代码', '部门', '办结数', '按时办结数', '按时办结率', '平均用时（工作日）', '当前超期'],
      ...s.byDepartment.map((d) => [
        d.department,
        names.get(d.department) ?? d.department,
        d.decided,
        d.onTime,
        d.onTimeRate,
        d.averageDays,
        d.overdueNow,
      ]),
    ];
    return csvText(rows);
  }
}
