import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { projectSummary } from '../../../../libs/approval/src';
import { ProjectFilter, listProjects, projectStates } from '../../../../libs/persistence/src';
import type { Principal } from '../auth/principal';
import { CalendarService } from '../calendar/calendar.service';
import type { ListProjectsQuery } from './dto/list-query.dto';
import { AccessPolicy } from './access-policy';
import { ListTotals } from './list-totals';
import { ReadCache } from './read-cache';

type Summary = Pick<ReturnType<typeof projectSummary>, 'clock' | 'nextActions'>;

/** The filter of a list query, in a fixed order (the key of its total). */
const filterOf = (q: ListProjectsQuery): ProjectFilter => ({
  q: q.q,
  code: q.code,
  stage: q.stage,
  type: q.type,
  risk: q.risk,
  status: q.status,
  department: q.department,
  overdue: q.overdue,
});

/**
 * `GET /api/projects`: the caller's projects, a page of columns from the read model with each
 * row's clock and next actions computed from its state as of today.
 */
@Injectable()
export class ProjectListsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly calendar: CalendarService,
    private readonly totals: ListTotals,
    private readonly policy: AccessPolicy,
  ) {}

  /** About 20 MB at most: a list's summary is about 1 kB. */
  private readonly summaries = new ReadCache<Summary>(20_000);

  async list(p: Principal, q: ListProjectsQuery) {
    const scope = this.policy.scopeOf(p);
    if (!scope) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    const cal = this.calendar.current;
    const now = new Date();
    const today = cal.localDate(now);
    const { rows, total } = await listProjects(this.ds, scope, q, {
      page: q.page,
      pageSize: q.pageSize,
      // Agents work the riskiest first (docs/design.md §2); everyone else sees the latest first.
      riskiestFirst: p.role === 'AGENT',
      // The same instant for the risk in SQL and the clocks below: the list agrees with itself.
      now,
      total: (count) => this.totals.through(JSON.stringify([scope, filterOf(q)]), count),
    });
    // Clock and next actions from the state, as of today; the state is read only for the rows
    // this process holds no summary of (that version, calendar and day).
    const keyOf = (version: string) => `${version}|${cal.version}|${today}`;
    const missing = rows.filter((r) => !this.summaries.get(r.id, keyOf(r.version)));
    const states = await projectStates(
      this.ds,
      missing.map((r) => r.id),
    );
    for (const [id, { version, state }] of states) {
      const { clock, nextActions } = projectSummary(state, cal, today);
      this.summaries.set(id, keyOf(version), { clock, nextActions });
    }
    const items = [];
    for (const row of rows) {
      const fromState = states.get(row.id);
      const s = this.summaries.get(row.id, keyOf(fromState?.version ?? row.version));
      if (!s) continue; // removed between the two reads
      items.push({
        id: row.id,
        name: row.name,
        projectCode: row.projectCode,
        type: row.type,
        ownerOrganisation: row.ownerOrganisation,
        ownerOrganisationName: row.ownerOrganisationName,
        stage: row.stage,
        status: row.status,
        clock: s.clock,
        nextActions: s.nextActions,
        key: row.key,
        updatedAt: row.updatedAt,
      });
    }
    return {
      items,
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
