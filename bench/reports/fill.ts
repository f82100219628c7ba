/**
 * Filling the read model for the reports benchmark: a few dozen real projects made through the
 * API in varied states (drafts, submitted, under review, decided, admin imports accepted 0, 1
 * and 2 working days ago, at the warning threshold and past the limit, PLAN approved,
 * START_PERMIT under review), then their rows cloned in SQL — `projects`
 * with a new id (the project id replaced throughout `state`, task ids included), a distinct
 * name and a spread of `updated_at`, plus their `project_items` rows with the new project and
 * task ids. The benchmark measures reads, which do not care who wrote the rows.
 */
import { Client as PgClient } from 'pg';
import { WorkingDayCalendar, chineseDaysSnapshot, workingDaysAgo } from '../../libs/calendar/src';
import {
  EXAMPLE_ANSWERS,
  policyFor,
  warningThresholdDays,
  type ExampleProject,
  type ProjectType,
} from '../../libs/domain/src';
import {
  handInStage,
  itemsOf,
  type ItemReport as ReportItem,
  type ProjectReport as Report,
} from '../../libs/client/src';
import { ApiClient, mapLimit } from '../lib';
import { cloneProjectsQuery } from '../../libs/persistence/src';

type Step =
  | 'draft'
  | 'submitted'
  | 'under review'
  | 'decided'
  | 'import 0 days'
  | 'import 1 day'
  | 'import 2 days'
  | 'import at warning'
  | 'import overdue'
  | 'PLAN approved'
  | 'START_PERMIT under review';

interface Plan {
  kind: ExampleProject;
  step: Step;
}

export interface RealProject {
  id: string;
  kind: ExampleProject;
  step: Step;
  type: string;
  stage: string;
  risk: string;
}

/** Creates the real projects through the API; returns each one's final report summary. */
export async function createRealProjects(
  api: ApiClient,
  log: (line: string) => void,
  runId: string,
): Promise<RealProject[]> {
  const kinds = Object.keys(EXAMPLE_ANSWERS) as ExampleProject[];
  const steps: Step[] = [
    'draft',
    'submitted',
    'under review',
    'decided',
    'import 0 days',
    'import 1 day',
    'import 2 days',
    'import at warning',
    'import overdue',
  ];
  const plans: Plan[] = kinds.flatMap((kind) => steps.map((step) => ({ kind, step })));
  plans.push(
    { kind: 'lowRiskWarehouse', step: 'PLAN approved' },
    { kind: 'warehouse', step: 'PLAN approved' },
    { kind: 'lowRiskWarehouse', step: 'START_PERMIT under review' },
    { kind: 'lowRiskWarehouse', step: 'START_PERMIT under review' },
  );

  const tokens = new Map<string, string>();
  const token = async (user: string) => {
    let t = tokens.get(user);
    if (!t) tokens.set(user, (t = await api.login(user, 'demo')));
    return t;
  };
  const cal = WorkingDayCalendar.fromSnapshot(chineseDaysSnapshot());
  const today = cal.localDate(Date.now());

  const report = async (id: string) => api.get<Report>(`/api/projects/${id}`, await token('admin'));
  const submit = async (id: string, stage: string, as: string) => {
    await handInStage(api, await token(as), id, stage);
    return api.post(
      `/api/projects/${id}/stages/${stage}/submission`,
      { note: 'bench' },
      { token: await token(as) },
    );
  };
  const accept = async (id: string, stage: string) =>
    api.post<Report>(
      `/api/projects/${id}/stages/${stage}/acceptance`,
      { decision: 'ACCEPT' },
      { token: await token('window') },
    );
  const decide = async (item: ReportItem, action: string) =>
    api.post(
      `/api/tasks/${encodeURIComponent(item.taskId)}/decision`,
      { action, ...(action === 'REQUEST_SUPPLEMENT' ? { comment: '请补充材料（基准测试）' } : {}) },
      { token: await token(`officer.${item.department}`) },
    );
  /** Approves the stage's items under review until none is left (prerequisites open more). */
  const approveStage = async (id: string, stage: string) => {
    for (let round = 0; round < 20; round++) {
      const open = itemsOf(await report(id), stage).filter((i) => i.status === 'UNDER_REVIEW');
      if (!open.length) return;
      for (const item of open) await decide(item, 'APPROVE');
    }
    throw new Error(`project ${id}: ${stage} items still under review after 20 rounds`);
  };

  let n = 0;
  const made = await mapLimit(plans, 6, async (plan, i) => {
    const answers = EXAMPLE_ANSWERS[plan.kind];
    const type: ProjectType = answers.projectType;
    const policy = policyFor(type);
    const name = `基准 ${plan.kind} ${plan.step} #${i}`;
    const key = `bench-reports-${runId}-${i}`;
    let importedDaysAgo: number | undefined;
    if (plan.step === 'import 0 days') importedDaysAgo = 0;
    if (plan.step === 'import 1 day') importedDaysAgo = 1;
    if (plan.step === 'import 2 days') importedDaysAgo = 2;
    if (plan.step === 'import at warning')
      importedDaysAgo = warningThresholdDays(policy.limitDays, policy.warning);
    if (plan.step === 'import overdue') importedDaysAgo = policy.limitDays + 3;
    let created: Report;
    if (importedDaysAgo !== undefined) {
      created = await api.post<Report>(
        '/api/projects',
        {
          name,
          answers,
          ownerOrganisation: i % 2 ? 'org-b' : 'org-a',
          acceptedAt: workingDaysAgo(cal, today, importedDaysAgo),
        },
        { token: await token('admin'), headers: { 'Idempotency-Key': key } },
      );
    } else {
      created = await api.post<Report>(
        '/api/projects',
        { name, answers },
        { token: await token('applicant'), headers: { 'Idempotency-Key': key } },
      );
      const id = created.id;
      if (plan.step !== 'draft') await submit(id, 'PLAN', 'applicant');
      if (plan.step !== 'draft' && plan.step !== 'submitted') {
        const accepted = await accept(id, 'PLAN');
        if (plan.step === 'decided') {
          const open = itemsOf(accepted, 'PLAN').filter((it) => it.status === 'UNDER_REVIEW');
          if (open[0]) await decide(open[0], 'APPROVE');
          if (open[1]) await decide(open[1], 'REQUEST_SUPPLEMENT');
        }
        if (plan.step === 'PLAN approved' || plan.step === 'START_PERMIT under review')
          await approveStage(id, 'PLAN');
        if (plan.step === 'START_PERMIT under review') {
          await submit(id, 'START_PERMIT', 'applicant');
          await accept(id, 'START_PERMIT');
        }
      }
    }
    const r = await report(created.id);
    if (++n % 10 === 0 || n === plans.length) log(`  ${n}/${plans.length} real projects made`);
    return {
      id: r.id,
      kind: plan.kind,
      step: plan.step,
      type,
      stage: r.stage,
      risk: r.clock.risk,
    };
  });
  return made;
}

/**
 * Clones the real rows (created_by ≠ 'bench-clone') round-robin until `projects` holds `target`
 * rows; `updated_at` / `created_at` spread over the last 120 days. Returns the rows added.
 */
const CLONE_BATCH = 20_000;

export async function cloneTo(pg: PgClient, target: number): Promise<number> {
  const have = Number(
    (await pg.query<{ n: string }>('SELECT count(*) AS n FROM projects')).rows[0].n,
  );
  if (have >= target) return 0;
  const sources = Number(
    (
      await pg.query<{ n: string }>(
        `SELECT count(*) AS n FROM projects WHERE created_by IS DISTINCT FROM 'bench-clone'`,
      )
    ).rows[0].n,
  );
  // In batches of 20,000 rows, one transaction each: set-based INSERT … SELECT, bounded memory.
  for (let first = have; first < target; first += CLONE_BATCH) {
    const last = Math.min(target, first + CLONE_BATCH) - 1;
    await pg.query('BEGIN');
    try {
      await pg.query(`DROP TABLE IF EXISTS clone_map`);
      await pg.query(
        `CREATE TEMP TABLE clone_map ON COMMIT DROP AS
         SELECT s.id AS src, gen_random_uuid() AS dst, g.k,
                now() - random() * interval '120 days' AS at
         FROM generate_series($1::int, $2::int) AS g(k)
         JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM projects
               WHERE created_by IS DISTINCT FROM 'bench-clone') s ON s.n = g.k % $3`,
        [first, last, sources],
      );
      await pg.query(cloneProjectsQuery('clone_map', ' · 副本 ', 'bench-clone'));
      await pg.query(
        `INSERT INTO project_items (project_id, code, task_id, name, department, stage, theme,
           status, risk, limit_days, used_days, due_date, round, decided_on, state_seq, updated_at)
         SELECT m.dst, i.code, replace(i.task_id, m.src::text, m.dst::text), i.name, i.department,
                i.stage, i.theme, i.status, i.risk, i.limit_days, i.used_days, i.due_date, i.round,
                i.decided_on, i.state_seq, m.at
         FROM clone_map m JOIN project_items i ON i.project_id = m.src`,
      );
      await pg.query('COMMIT');
    } catch (err) {
      await pg.query('ROLLBACK');
      throw err;
    }
  }
  // Index-only scans (the counts) need the visibility map.
  await pg.query('VACUUM projects');
  await pg.query('VACUUM project_items');
  await pg.query('ANALYZE projects');
  await pg.query('ANALYZE project_items');
  return target - have;
}

export interface ReadModelShape {
  projects: number;
  items: number;
  byRisk: Record<string, number>;
  byStage: Record<string, number>;
  byType: Record<string, number>;
  projectsTableMB: number;
  itemsTableMB: number;
  /** `state` as stored (compressed) and as text: what a list row carries. */
  stateStoredBytesAvg: number;
  stateTextBytesAvg: number;
}

export async function readModelShape(pg: PgClient): Promise<ReadModelShape> {
  const count = async (col: string) =>
    Object.fromEntries(
      (
        await pg.query<{ k: string; n: string }>(
          `SELECT ${col} AS k, count(*) AS n FROM projects GROUP BY 1 ORDER BY 1`,
        )
      ).rows.map((r) => [r.k, Number(r.n)]),
    );
  const sizes = await pg.query<{ p: string; i: string; np: string; ni: string }>(
    `SELECT pg_total_relation_size('projects') AS p, pg_total_relation_size('project_items') AS i,
            (SELECT count(*) FROM projects) AS np, (SELECT count(*) FROM project_items) AS ni`,
  );
  const s = sizes.rows[0];
  const st = (
    await pg.query<{ stored: string; text: string }>(
      `SELECT avg(pg_column_size(state)) AS stored, avg(octet_length(state::text)) AS text
       FROM projects`,
    )
  ).rows[0];
  return {
    projects: Number(s.np),
    items: Number(s.ni),
    byRisk: await count('risk'),
    byStage: await count('stage'),
    byType: await count('type'),
    projectsTableMB: Math.round(Number(s.p) / 2 ** 20),
    itemsTableMB: Math.round(Number(s.i) / 2 ** 20),
    stateStoredBytesAvg: Math.round(Number(st.stored)),
    stateTextBytesAvg: Math.round(Number(st.text)),
  };
}
