/**
 * The end-of-run checks shared by the crash tests: nothing lost (every decision answered 200
 * and is in the reports), nothing doubled (one event per command, one row per project and item,
 * one workflow per project). Reads over HTTP, then PostgreSQL and Temporal directly.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { resolveTemporalCli } from '../../../libs/embedded/src';
import { projectWorkflowId } from '../../../libs/temporal/src';
import { Client as PgClient } from 'pg';
import { FaultClient, mapLimit } from './client';
import { log } from './progress';
import type { FaultContext } from './result';
import {
  DecisionOutcome,
  Report,
  TimelineEvent,
  Tokens,
  getReport,
  getTimeline,
  itemsOf,
  tally,
} from './scenario';
import { FaultStack, NAMESPACE } from './stack';

export async function withPg<T>(url: string, fn: (c: PgClient) => Promise<T>): Promise<T> {
  const c = new PgClient({ connectionString: url, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function withTemporal<T>(
  address: string,
  fn: (c: TemporalClient) => Promise<T>,
): Promise<T> {
  const connection = await Connection.connect({ address, connectTimeout: 10_000 });
  try {
    return await fn(new TemporalClient({ connection, namespace: NAMESPACE }));
  } finally {
    await connection.close();
  }
}

/** Workflow counts by status from Temporal's visibility store (eventually consistent: polled). */
export async function workflowCounts(
  address: string,
  expected: number,
): Promise<{ total: number; running: number; byStatus: Record<string, number> }> {
  return withTemporal(address, async (client) => {
    let last = { total: -1, running: -1, byStatus: {} as Record<string, number> };
    for (let i = 0; i < 20; i++) {
      const byStatus: Record<string, number> = {};
      for await (const wf of client.workflow.list({ query: 'WorkflowType="projectWorkflow"' })) {
        byStatus[wf.status.name] = (byStatus[wf.status.name] ?? 0) + 1;
      }
      const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
      last = { total, running: byStatus.RUNNING ?? 0, byStatus };
      if (total === expected && last.running === expected) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    return last;
  });
}

interface HistoryEvent {
  eventId: string;
  eventTime: string;
  eventType: string;
  [attributes: string]: unknown;
}

/**
 * A workflow's history as Temporal holds it (through the `temporal` CLI): workflow tasks, their
 * failures and time-outs, and which Update (by its key) each accepted. Evidence for a timeline
 * that disagrees with it.
 */
export async function historySummary(stack: FaultStack, projectId: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    resolveTemporalCli(),
    [
      'workflow',
      'show',
      '--address',
      stack.temporalAddress,
      '--namespace',
      NAMESPACE,
      '-w',
      projectWorkflowId(projectId),
      '-o',
      'json',
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const { events } = JSON.parse(stdout) as { events: HistoryEvent[] };
  return events
    .filter((e) => /WORKFLOW_TASK|UPDATE_ACCEPTED|UPDATE_COMPLETED/.test(e.eventType))
    .map((e) => {
      const attrs = Object.entries(e).find(([k]) => k.endsWith('Attributes'))?.[1] as
        { protocolInstanceId?: string; meta?: { updateId?: string }; cause?: string } | undefined;
      const update = attrs?.protocolInstanceId ?? attrs?.meta?.updateId;
      const extra = update
        ? ` ${update.replace(/^[^:]*:/, '')}`
        : attrs?.cause
          ? ` ${attrs.cause}`
          : '';
      return `${e.eventId} ${e.eventTime} ${e.eventType.replace('EVENT_TYPE_', '')}${extra}`;
    });
}

export interface RunExpectations {
  ids: string[];
  /** Items per project in the checklist (rows expected in project_items). */
  checklistSize: number;
  decisions: DecisionOutcome[];
  /** PLAN driven to completion: each project is in START_PERMIT with one STAGE_COMPLETED. */
  planCompleted: boolean;
}

export async function verifyRun(
  { stack, checks, data }: FaultContext,
  api: FaultClient,
  tokens: Tokens,
  exp: RunExpectations,
): Promise<void> {
  const { ids, decisions } = exp;
  log('verifying: reports, timelines, read-model rows, workflows');

  const finals = tally(decisions.map((d) => d.status));
  const retried = decisions.filter((d) => d.tries > 1);
  data.decisions = {
    sent: decisions.length,
    finalStatuses: finals,
    retried: retried.length,
    answeredAsDuplicate: decisions.filter((d) => d.duplicate).length,
    attemptStatuses: tally(decisions.flatMap((d) => d.statuses)),
  };
  checks.check(
    'every decision sent was answered 200 in the end (retries with the same Idempotency-Key)',
    finals['200'] === decisions.length,
    `${finals['200'] ?? 0}/${decisions.length} answered 200; ${retried.length} needed retries; final statuses ${JSON.stringify(finals)}`,
  );

  // Reports and timelines over HTTP, the way a user sees them.
  const reports = new Map<string, Report>();
  const timelines = new Map<string, TimelineEvent[]>();
  await mapLimit(ids, 8, async (id) => {
    reports.set(id, await getReport(api, tokens.applicant, id));
    timelines.set(id, await getTimeline(api, tokens.applicant, id));
  });

  const notApproved: string[] = [];
  const approvalCounts: string[] = [];
  for (const d of decisions) {
    const item = itemsOf(reports.get(d.target.projectId)!).find((i) => i.code === d.target.code);
    if (item?.status !== 'APPROVED') notApproved.push(`${d.target.taskId}=${item?.status}`);
    const n = timelines
      .get(d.target.projectId)!
      .filter((e) => e.type === 'ITEM_APPROVED' && e.itemCode === d.target.code).length;
    if (n !== 1) approvalCounts.push(`${d.target.taskId}: ${n}`);
  }
  checks.check(
    'every decided item is APPROVED in its project report',
    notApproved.length === 0,
    notApproved.length
      ? `${notApproved.length} not approved, e.g. ${notApproved.slice(0, 5).join(', ')}`
      : `${decisions.length} items`,
  );
  checks.check(
    'every decided item has exactly one ITEM_APPROVED event in its timeline',
    approvalCounts.length === 0,
    approvalCounts.length
      ? `${approvalCounts.length} items with a count other than 1, e.g. ${approvalCounts.slice(0, 5).join(', ')}`
      : `${decisions.length} items, one event each`,
  );

  const perProject: string[] = [];
  for (const id of ids) {
    const t = tally(timelines.get(id)!.map((e) => `${e.type}${e.stage ? `:${e.stage}` : ''}`));
    const want: Record<string, number> = {
      PROJECT_CREATED: 1,
      'STAGE_SUBMITTED:PLAN': 1,
      'STAGE_ACCEPTED:PLAN': 1,
      ...(exp.planCompleted ? { 'STAGE_COMPLETED:PLAN': 1 } : {}),
    };
    for (const [k, v] of Object.entries(want)) {
      if ((t[k] ?? 0) !== v) perProject.push(`${id} ${k}=${t[k] ?? 0}`);
    }
  }
  checks.check(
    `one PROJECT_CREATED, STAGE_SUBMITTED, STAGE_ACCEPTED${exp.planCompleted ? ', STAGE_COMPLETED' : ''} per project`,
    perProject.length === 0,
    perProject.length ? perProject.slice(0, 5).join('; ') : `${ids.length} projects`,
  );

  if (exp.planCompleted) {
    const stuck = [...reports.values()].filter(
      (r) =>
        r.stage !== 'START_PERMIT' ||
        r.stages.find((s) => s.code === 'PLAN')?.status !== 'COMPLETED',
    );
    checks.check(
      'PLAN completed and every project moved on to START_PERMIT',
      stuck.length === 0,
      stuck.length
        ? `${stuck.length} not moved on, e.g. ${stuck
            .slice(0, 3)
            .map((r) => `${r.id} stage ${r.stage}`)
            .join(', ')}`
        : `${reports.size} projects in START_PERMIT`,
    );
  }

  // The read model's rows, straight from PostgreSQL.
  const sql = await withPg(stack.databaseUrl, async (c) => {
    const projects = Number((await c.query('SELECT count(*) AS n FROM projects')).rows[0].n);
    const items = (
      await c.query<{ project_id: string; n: string }>(
        'SELECT project_id, count(*) AS n FROM project_items GROUP BY project_id',
      )
    ).rows;
    const doubled = (
      await c.query<{ project_id: string; item_code: string; type: string; n: string }>(
        `SELECT project_id, item_code, type, count(*) AS n FROM timeline_events
         WHERE item_code IS NOT NULL AND type IN ('ITEM_APPROVED', 'ITEM_STARTED',
           'SUPPLEMENT_REQUESTED', 'SUPPLEMENT_ANSWERED')
         GROUP BY 1, 2, 3 HAVING count(*) > 1`,
      )
    ).rows;
    const approvedRows = Number(
      (
        await c.query(
          `SELECT count(*) AS n FROM project_items WHERE status = 'APPROVED' AND project_id = ANY($1::uuid[])`,
          [ids],
        )
      ).rows[0].n,
    );
    return { projects, items, doubled, approvedRows };
  });
  if (approvalCounts.length || sql.doubled.length) {
    // Evidence: the affected projects' timelines as stored (seq, type, item, when).
    const affected = [
      ...new Set([
        ...sql.doubled.map((r) => r.project_id),
        ...approvalCounts.map((s) => s.slice(0, 36)),
      ]),
    ];
    data.affectedProjects = affected.length;
    data.affectedTimelines = await withPg(stack.databaseUrl, async (c) => {
      const out: Record<string, string[]> = {};
      for (const id of affected.slice(0, 3)) {
        const rows = await c.query<{ seq: string; type: string; item_code: string; at: Date }>(
          'SELECT seq, type, item_code, at FROM timeline_events WHERE project_id = $1 ORDER BY seq',
          [id],
        );
        out[id] = rows.rows.map((r) =>
          `${r.seq} ${r.at.toISOString()} ${r.type} ${r.item_code ?? ''}`.trim(),
        );
      }
      return out;
    });
    log(`timelines of affected projects: ${JSON.stringify(data.affectedTimelines, null, 1)}`);
    const histories: Record<string, string[]> = {};
    for (const id of affected.slice(0, 3)) {
      histories[id] = await historySummary(stack, id).catch((e: unknown) => [String(e)]);
    }
    data.affectedHistories = histories;
    log(`their histories in Temporal: ${JSON.stringify(histories, null, 1)}`);
    data.logProblems = {
      worker: stack.problems('worker', 30),
      api: stack.problems('api', 10),
    };
  }
  const distinct = new Set(ids).size;
  checks.check(
    `projects table holds exactly the ${ids.length} projects created`,
    sql.projects === ids.length && distinct === ids.length,
    `${sql.projects} rows, ${distinct} distinct ids from ${ids.length} creates`,
  );
  const wrongItems = sql.items.filter((r) => Number(r.n) !== exp.checklistSize);
  checks.check(
    `project_items has ${exp.checklistSize} rows (the checklist) per project`,
    wrongItems.length === 0 && sql.items.length === ids.length,
    `${sql.items.length} projects with items; ${wrongItems.length} with another count${wrongItems.length ? ` e.g. ${wrongItems[0].project_id}=${wrongItems[0].n}` : ''}`,
  );
  checks.check(
    'no item event doubled in timeline_events (ITEM_APPROVED, ITEM_STARTED, SUPPLEMENT_*)',
    sql.doubled.length === 0,
    sql.doubled.length
      ? sql.doubled
          .slice(0, 5)
          .map((r) => `${r.project_id}/${r.item_code} ${r.type}×${r.n}`)
          .join('; ')
      : 'none',
  );
  checks.check(
    'project_items rows of the decided items are APPROVED',
    sql.approvedRows === decisions.length,
    `${sql.approvedRows} APPROVED rows for ${decisions.length} decisions`,
  );

  const wf = await workflowCounts(stack.temporalAddress, ids.length);
  data.workflows = wf;
  checks.check(
    `one running projectWorkflow per project in Temporal (${ids.length})`,
    wf.total === ids.length && wf.running === ids.length,
    `${wf.total} workflows, by status ${JSON.stringify(wf.byStatus)}`,
  );

  data.serverErrors = api.serverErrors.slice(0, 20);
  checks.check(
    'no 500 answered during the whole run',
    api.serverErrors.length === 0,
    api.serverErrors.length
      ? `${api.serverErrors.length} × 500, e.g. ${JSON.stringify(api.serverErrors[0])}`
      : `${api.attempts.length} requests`,
  );
}
