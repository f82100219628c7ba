/**
 * The load the fault tests drive over HTTP: applicants create projects and submit a stage, the
 * window accepts it, officers decide every item under review — each write with its own
 * Idempotency-Key and retried with that key until it gets a final answer.
 */
import { EXAMPLE_ANSWERS } from '../../../libs/domain/src';
import type { ProjectReport as Report } from '../../../libs/client/src';
import { handInStage, itemsOf } from '../../../libs/client/src';
import { FaultClient, Answer, Status, mapLimit } from './client';
import { log } from './progress';

/** 12 items, PLAN has 2 (DRC, NRP), no prerequisites in PLAN. */
export const WAREHOUSE = EXAMPLE_ANSWERS.warehouse;

/** 26 items; PLAN has 7 over DRC, NRP, EEB, WRB, two waiting on prerequisites (two rounds). */
export const SCHOOL = EXAMPLE_ANSWERS.school;

export const CHECKLISTS: Record<string, Record<string, unknown>> = {
  warehouse: WAREHOUSE,
  school: SCHOOL,
};

export interface Tokens {
  applicant: string;
  window: string;
  officer: Record<string, string>;
}

/** The report as the API sends it (libs/approval's ProjectReport). */
export type { ItemReport as ReportItem, ProjectReport as Report } from '../../../libs/client/src';
export { itemsOf } from '../../../libs/client/src';

export interface TimelineEvent {
  seq: number;
  type: string;
  stage?: string;
  itemCode?: string;
  actor: string;
}

/** Throws with the answer when a call did not end as expected: the test cannot go on. */
export function expectStatus<T>(a: Answer<T>, ok: number[], what: string): T {
  if (typeof a.status !== 'number' || !ok.includes(a.status)) {
    throw new Error(
      `${what}: expected ${ok.join('/')}, got ${a.status} ${JSON.stringify(a.body).slice(0, 300)}`,
    );
  }
  return a.body;
}

export async function login(api: FaultClient, username: string): Promise<string> {
  const a = await api.retry<{ accessToken: string }>('POST', '/api/auth/login', {
    body: { username, password: 'demo' },
  });
  return expectStatus(a, [200, 201], `login ${username}`).accessToken;
}

export async function signIn(api: FaultClient, departments: string[]): Promise<Tokens> {
  const officer: Record<string, string> = {};
  for (const d of departments) officer[d] = await login(api, `officer.${d}`);
  return { applicant: await login(api, 'applicant'), window: await login(api, 'window'), officer };
}

/** Keys must match [A-Za-z0-9._:-]{1,100}; the run id keeps runs on one database apart. */
export const runId = () => `f${Date.now().toString(36)}`;

export interface Outcome {
  what: string;
  key: string;
  status: Status;
  tries: number;
  statuses: Status[];
  body: unknown;
}

export async function createProjects(
  api: FaultClient,
  tokens: Tokens,
  opts: { count: number; answers: Record<string, unknown>; run: string; concurrency: number },
): Promise<{ ids: string[]; outcomes: Outcome[] }> {
  let done = 0;
  const outcomes = await mapLimit(
    Array.from({ length: opts.count }, (_, i) => i),
    opts.concurrency,
    async (i) => {
      const key = `${opts.run}-create-${i}`;
      const a = await api.retry<Report>('POST', '/api/projects', {
        token: tokens.applicant,
        key,
        body: { name: `fault ${opts.run} #${i}`, answers: opts.answers },
      });
      if (++done % 50 === 0 || done === opts.count) log(`  created ${done}/${opts.count}`);
      return { what: `create #${i}`, key, ...a };
    },
  );
  // 202: the project exists and its workflow runs, late to answer; its commands wait for it.
  const bad = outcomes.filter((o) => o.status !== 201 && o.status !== 200 && o.status !== 202);
  if (bad.length) {
    throw new Error(
      `${bad.length} creates failed, first: ${bad[0].status} ${JSON.stringify(bad[0].body)}`,
    );
  }
  return { ids: outcomes.map((o) => o.body.id), outcomes };
}

/** Stage submission by the applicant, then acceptance by the window, per project. */
export async function submitAndAccept(
  api: FaultClient,
  tokens: Tokens,
  ids: string[],
  opts: { stage: string; run: string; concurrency: number },
): Promise<Outcome[]> {
  let done = 0;
  const outcomes = await mapLimit(ids, opts.concurrency, async (id) => {
    // The stage's materials first: a submission missing one is refused.
    await handInStage(api, tokens.applicant, id, opts.stage, { keyPrefix: opts.run });
    const sKey = `${opts.run}-submit-${opts.stage}-${id}`;
    const s = await api.retry('POST', `/api/projects/${id}/stages/${opts.stage}/submission`, {
      token: tokens.applicant,
      key: sKey,
      body: { note: 'materials complete' },
    });
    const aKey = `${opts.run}-accept-${opts.stage}-${id}`;
    const a = await api.retry('POST', `/api/projects/${id}/stages/${opts.stage}/acceptance`, {
      token: tokens.window,
      key: aKey,
      body: { decision: 'ACCEPT' },
    });
    if (++done % 50 === 0 || done === ids.length) log(`  submitted+accepted ${done}/${ids.length}`);
    return [
      { what: `submit ${id}`, key: sKey, ...s },
      { what: `accept ${id}`, key: aKey, ...a },
    ];
  });
  const flat = outcomes.flat();
  const bad = flat.filter((o) => o.status !== 200);
  if (bad.length) {
    throw new Error(
      `${bad.length} submissions/acceptances failed, first: ${bad[0].what} ${bad[0].status} ${JSON.stringify(bad[0].body)}`,
    );
  }
  return flat;
}

export async function getReport(api: FaultClient, token: string, id: string): Promise<Report> {
  return expectStatus(
    await api.retry<Report>('GET', `/api/projects/${id}`, { token }),
    [200],
    `report ${id}`,
  );
}

export async function getTimeline(
  api: FaultClient,
  token: string,
  id: string,
): Promise<TimelineEvent[]> {
  return expectStatus(
    await api.retry<{ items: TimelineEvent[] }>('GET', `/api/projects/${id}/timeline`, { token }),
    [200],
    `timeline ${id}`,
  ).items;
}

export interface Target {
  projectId: string;
  code: string;
  department: string;
  taskId: string;
  key: string;
}

/** The items of a stage waiting for a decision, read from every project's report. */
export async function underReview(
  api: FaultClient,
  tokens: Tokens,
  ids: string[],
  opts: { stage: string; run: string; concurrency: number },
): Promise<Target[]> {
  const reports = await mapLimit(ids, opts.concurrency, (id) =>
    getReport(api, tokens.applicant, id),
  );
  return reports.flatMap((r) =>
    itemsOf(r, opts.stage)
      .filter((i) => i.status === 'UNDER_REVIEW')
      .map((i) => ({
        projectId: r.id,
        code: i.code,
        department: i.department,
        taskId: i.taskId,
        key: `${opts.run}-approve-${i.taskId}`.replace(/[^A-Za-z0-9._:-]/g, '_'),
      })),
  );
}

/** Progress of a batch of decisions, for a fault that waits until enough are in flight. */
export class Progress {
  sent = 0;
  done = 0;
  /** The decisions sent and not answered yet. */
  readonly pending = new Set<Target>();
  get inFlight() {
    return this.sent - this.done;
  }
}

export interface DecisionOutcome extends Outcome {
  target: Target;
  duplicate: boolean;
}

/** Every officer approves its targets, `concurrency` at a time, each retried with its key. */
export async function approveAll(
  api: FaultClient,
  tokens: Tokens,
  targets: Target[],
  opts: { concurrency: number; progress?: Progress; label?: string; timeoutMs?: number },
): Promise<DecisionOutcome[]> {
  const p = opts.progress ?? new Progress();
  const every = Math.max(1, Math.round(targets.length / 8));
  return mapLimit(targets, opts.concurrency, async (t) => {
    p.sent++;
    p.pending.add(t);
    const a = await api.retry('POST', `/api/tasks/${t.taskId}/decision`, {
      token: tokens.officer[t.department],
      key: t.key,
      body: { action: 'APPROVE', comment: 'fault test' },
      timeoutMs: opts.timeoutMs,
    });
    p.done++;
    p.pending.delete(t);
    if (p.done % every === 0 || p.done === targets.length) {
      log(`  ${opts.label ?? 'decisions'} ${p.done}/${targets.length}`);
    }
    return {
      what: `approve ${t.taskId}`,
      target: t,
      duplicate: Boolean((a.body as { result?: { duplicate?: boolean } })?.result?.duplicate),
      ...a,
      key: t.key,
    };
  });
}

/** Waits until `pred` holds, polling; resolves false at the deadline. */
export async function until(pred: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

export function tally(values: Iterable<string | number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1;
  return out;
}
