/**
 * `npm run seed:demo`: a handful of demo projects in different stages and states, made through
 * the public HTTP API only (sign-in, create, submit, accept, decide, ...) with the demo accounts
 * of the embedded default (password `demo`). `npm start` runs it once on the first start of the
 * embedded default (scripts/start.ts).
 *
 * Safe to run twice: every create carries an `Idempotency-Key` (`demo-on-track`, ...); a create
 * answered 200 instead of 201 found the project of an earlier run, and its further steps are
 * skipped. Commands carry keys too, so a retry after a 503 is applied once.
 *
 *   API_URL=http://127.0.0.1:3000 npm run seed:demo     (default http://127.0.0.1:${PORT:-3000})
 */
import {
  Answer,
  ApiClient,
  ItemReport,
  ProjectReport,
  RetryPolicy,
  handInStage,
  itemsOf,
  messageOf,
} from '../libs/client/src';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';

const PASSWORD = 'demo';
const REQUEST_TIMEOUT_MS = 60_000;

export interface SeedOptions {
  /** Where the API listens, e.g. `http://127.0.0.1:3000`. */
  apiUrl: string;
  /** Progress, one line per step; silent when omitted. */
  log?: (line: string) => void;
}

export interface SeededProject {
  /** The create's Idempotency-Key, e.g. `demo-on-track`. */
  key: string;
  /** What the project shows, e.g. `on track`. */
  label: string;
  id: string;
  name: string;
  type: string;
  ownerOrganisation: string;
  /** true: made by this run; false: found from an earlier run (its steps were skipped). */
  created: boolean;
  stage: string;
  stageStatus: string;
  status: string;
  risk: string;
  usedDays: number;
  limitDays: number;
}

export interface SeedSummary {
  apiUrl: string;
  created: number;
  existing: number;
  projects: SeededProject[];
}

/** A failure with one line that says what went wrong (the CLI prints it and exits 1). */
export class SeedError extends Error {
  override readonly name = 'SeedError';
}

type Report = ProjectReport;

interface Reply<T> {
  status: number;
  body: T;
}

// Questionnaire answers (GET /api/questionnaire): a school, a simple low-risk warehouse, an
// office building, a commercial complex and a housing estate.
const SCHOOL = EXAMPLE_ANSWERS.school;
const LOW_RISK_WAREHOUSE = EXAMPLE_ANSWERS.lowRiskWarehouse;
const OFFICE = EXAMPLE_ANSWERS.office;
const COMMERCIAL = EXAMPLE_ANSWERS.warehouse;
const HOUSING = EXAMPLE_ANSWERS.housing;

/** `date` plus `days` calendar days (YYYY-MM-DD, no time zone involved). */
function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Waits out a login rate limit (429, at most 3 times) and a dependency that is still starting
 * (503 at most 10 times, e.g. the worker right after `npm start`). Commands carry
 * Idempotency-Keys, so a retry is safe.
 */
function waitOutStartup(log: (line: string) => void, method: string, path: string): RetryPolicy {
  return (res: Answer, attempt: number) => {
    if (res.status === 429 && attempt <= 3) {
      const wait = Math.min(res.retryAfterS ?? 20, 65);
      log(`seed: ${method} ${path} answered 429 (rate limit); waiting ${wait} s`);
      return wait * 1000;
    }
    if (res.status === 503 && attempt <= 10) {
      log(`seed: ${method} ${path} answered 503 (${messageOf(res.body)}); retrying in 3 s`);
      return 3000;
    }
    return undefined;
  };
}

/** The demo accounts' bearer tokens and the calls the seed makes, each as a named user. */
class DemoApi {
  private readonly tokens = new Map<string, string>();
  private readonly client: ApiClient;

  constructor(
    readonly base: string,
    private readonly log: (line: string) => void,
  ) {
    this.client = new ApiClient(base, { timeoutMs: REQUEST_TIMEOUT_MS });
  }

  /** One call, retried while the stack starts; no answer at all stops the seed. */
  async raw<T>(
    method: string,
    path: string,
    opts: { as?: string; body?: unknown; key?: string } = {},
  ): Promise<Reply<T>> {
    const token = opts.as ? await this.token(opts.as) : undefined;
    const res = await this.client.retry<T>(method, path, {
      token,
      body: opts.body,
      key: opts.key,
      policy: waitOutStartup(this.log, method, path),
    });
    if (res.status === 'timeout') {
      throw new SeedError(
        `${method} ${path} had no answer within ${REQUEST_TIMEOUT_MS / 1000} s from ${this.base}`,
      );
    }
    if (res.status === 'network') {
      throw new SeedError(
        `cannot reach the API at ${this.base} (${String(res.body)}) — is \`npm start\` running?`,
      );
    }
    return { status: res.status, body: res.body };
  }

  /** A call that must answer one of `ok`; anything else stops the seed with what was sent. */
  async call<T>(
    method: string,
    path: string,
    opts: { as?: string; body?: unknown; key?: string; ok?: number[] } = {},
  ): Promise<Reply<T>> {
    const res = await this.raw<T>(method, path, opts);
    if (!(opts.ok ?? [200, 201]).includes(res.status)) {
      throw new SeedError(
        `${method} ${path}${opts.as ? ` as ${opts.as}` : ''} answered ${res.status}: ${messageOf(res.body)}`,
      );
    }
    return res;
  }

  /** A sample PDF for each material of the stage still to hand in (a retry finds them in). */
  async handIn(as: string, projectId: string, stage: string, keyPrefix: string): Promise<number> {
    return handInStage(this.client, await this.token(as), projectId, stage, { keyPrefix });
  }

  async token(username: string): Promise<string> {
    const known = this.tokens.get(username);
    if (known) return known;
    const res = await this.raw<{ accessToken?: string }>('POST', '/api/auth/login', {
      body: { username, password: PASSWORD },
    });
    if (res.status === 401) {
      throw new SeedError(
        `demo accounts missing (signing in as ${username} with password "demo" answered 401) — the seed is for the embedded default (\`npm start\` without DATABASE_URL and TEMPORAL_ADDRESS)`,
      );
    }
    if (res.status !== 200 || !res.body.accessToken) {
      throw new SeedError(
        `signing in as ${username} answered ${res.status}: ${messageOf(res.body)}`,
      );
    }
    this.tokens.set(username, res.body.accessToken);
    return res.body.accessToken;
  }

  async report(id: string): Promise<Report> {
    return (await this.call<Report>('GET', `/api/projects/${id}`, { as: 'admin', ok: [200] })).body;
  }

  /** Working days in (from, to], as the API counts them. */
  async workingDays(from: string, to: string): Promise<number> {
    const q = `from=${from}&to=${to}`;
    const res = await this.call<{ workingDays: number }>('GET', `/api/calendar/working-days?${q}`, {
      as: 'admin',
      ok: [200],
    });
    return res.body.workingDays;
  }

  /** The working day D with exactly `n` working days in (D, today]. */
  async workingDaysBefore(today: string, n: number): Promise<string> {
    let d = addCalendarDays(today, -Math.ceil((n * 7) / 5) - 1);
    for (let i = 0; ; i++) {
      const c = await this.workingDays(d, today);
      if (c === n) break;
      if (i === 60)
        throw new SeedError(`could not find the date ${n} working days before ${today}`);
      // A calendar day holds at most one working day: this never steps past the answer.
      d = addCalendarDays(d, c - n);
    }
    // Onto a working day: stepping back over days off keeps the count.
    while ((await this.workingDays(addCalendarDays(d, -1), d)) === 0) d = addCalendarDays(d, -1);
    const check = await this.call<{ date: string }>(
      'GET',
      `/api/calendar/add?from=${d}&days=${n}`,
      { as: 'admin', ok: [200] },
    );
    if (check.body.date > today) {
      throw new SeedError(
        `the calendar disagrees with itself: ${d} + ${n} working days is after ${today}`,
      );
    }
    return d;
  }
}

/** One project's run: its create, then (only when created now) its steps. */
class ProjectRun {
  report!: Report;
  created = false;

  constructor(
    private readonly api: DemoApi,
    private readonly say: (line: string) => void,
    readonly key: string,
    readonly label: string,
  ) {}

  log(line: string) {
    this.say(`[${this.label}] ${line}`);
  }

  /**
   * Creates it (201; 202 when its workflow answers late) or finds it from an earlier run (200):
   * then its steps are skipped.
   */
  async create(as: string, body: Record<string, unknown>): Promise<boolean> {
    const res = await this.api.call<Report>('POST', '/api/projects', {
      as,
      body,
      key: this.key,
      ok: [200, 201, 202],
    });
    // A 202 carries the id only; the read model has the project's row already.
    this.report = res.status === 202 ? await this.api.report(res.body.id) : res.body;
    this.created = res.status !== 200;
    const r = this.report;
    if (this.created) {
      this.log(
        `${as} created "${r.name}" ${r.id} (${r.type}, owner ${r.ownerOrganisation}, limit ${r.clock.limitDays} working days)`,
      );
    } else {
      this.log(
        `exists from an earlier run: "${r.name}" ${r.id} (Idempotency-Key ${this.key} answered 200); steps skipped`,
      );
    }
    return this.created;
  }

  async refresh(): Promise<Report> {
    this.report = await this.api.report(this.report.id);
    return this.report;
  }

  async submit(as: string, stage: string, note: string) {
    const files = await this.api.handIn(as, this.report.id, stage, `${this.key}.${stage}`);
    await this.api.call('POST', `/api/projects/${this.report.id}/stages/${stage}/submission`, {
      as,
      body: { note },
      key: `${this.key}.submit-${stage}`,
      ok: [200],
    });
    this.log(`${as} handed in ${files} files and submitted ${stage}`);
  }

  async accept(stage: string) {
    const res = await this.api.call<Report>(
      'POST',
      `/api/projects/${this.report.id}/stages/${stage}/acceptance`,
      { as: 'window', body: { decision: 'ACCEPT' }, key: `${this.key}.accept-${stage}`, ok: [200] },
    );
    this.report = res.body;
    const running = itemsOf(res.body, stage).filter((i) => i.status === 'UNDER_REVIEW');
    this.log(
      `window accepted ${stage}: ${running.length} items under review (${running.map((i) => i.code).join(', ')})`,
    );
  }

  item(code: string): ItemReport {
    const item = itemsOf(this.report).find((i) => i.code === code);
    if (!item) throw new SeedError(`${this.label}: project ${this.report.id} has no item ${code}`);
    return item;
  }

  /** A reviewing officer of the item's department decides it (through its task id). */
  async decide(code: string, action: string, comment?: string) {
    const item = this.item(code);
    const officer = `officer.${item.department}`;
    await this.api.call('POST', `/api/tasks/${encodeURIComponent(item.taskId)}/decision`, {
      as: officer,
      body: { action, ...(comment ? { comment } : {}) },
      key: `${this.key}.${action.toLowerCase()}-${code}`,
      ok: [200],
    });
    const before = new Set(
      itemsOf(this.report)
        .filter((i) => i.status === 'UNDER_REVIEW')
        .map((i) => i.code),
    );
    await this.refresh();
    const verbs: Record<string, string> = {
      APPROVE: 'approved',
      REQUEST_SUPPLEMENT: 'requested a supplement on',
    };
    const verb = verbs[action] ?? `decided ${action} on`;
    this.log(`${officer} ${verb} ${code}${comment ? `: "${comment}"` : ''}`);
    const started = itemsOf(this.report).filter(
      (i) => i.status === 'UNDER_REVIEW' && !before.has(i.code),
    );
    for (const s of started) this.log(`  ${s.code} started: its prerequisites are approved`);
  }

  /** The department head extends an item (art. 42: at most 10 working days in all). */
  async extend(code: string, days: number, reason: string) {
    const item = this.item(code);
    const head = `head.${item.department}`;
    const res = await this.api.call<Report>(
      'POST',
      `/api/projects/${this.report.id}/items/${code}/extension`,
      { as: head, body: { days, reason }, key: `${this.key}.extend-${code}`, ok: [200] },
    );
    this.report = res.body;
    this.log(`${head} extended ${code} by ${days} working days: "${reason}"`);
  }

  summary(): SeededProject {
    const r = this.report;
    return {
      key: this.key,
      label: this.label,
      id: r.id,
      name: r.name,
      type: r.type,
      ownerOrganisation: r.ownerOrganisation,
      created: this.created,
      stage: r.stage,
      stageStatus: r.stages.find((s) => s.code === r.stage)?.status ?? '',
      status: r.status,
      risk: r.clock.risk,
      usedDays: r.clock.usedDays,
      limitDays: r.clock.limitDays,
    };
  }
}

/** Seeds the demo projects through the API at `apiUrl`; throws SeedError with one line. */
export async function seedDemo({ apiUrl, log = () => {} }: SeedOptions): Promise<SeedSummary> {
  const base = apiUrl.replace(/\/+$/, '');
  const api = new DemoApi(base, log);

  const health = await api.raw<unknown>('GET', '/health');
  if (health.status !== 200) {
    throw new SeedError(
      `the API at ${base} is not healthy (GET /health answered ${health.status}: ${messageOf(health.body)})`,
    );
  }
  log(`seed: API ${base} is up; signing in with the demo accounts (password "demo")`);
  await api.token('applicant');

  // 1. On track: a government-invested school, PLAN submitted and accepted, some items approved.
  const onTrack = new ProjectRun(api, log, 'demo-on-track', 'on track');
  if (await onTrack.create('applicant', { name: '城东第一实验小学新建工程', answers: SCHOOL })) {
    await onTrack.submit('applicant', 'PLAN', '规划阶段材料齐全，申请受理');
    await onTrack.accept('PLAN');
    for (const code of ['PROJECT_PROPOSAL', 'ENERGY_REVIEW', 'EIA_TABLE']) {
      if (onTrack.item(code).status === 'UNDER_REVIEW') await onTrack.decide(code, 'APPROVE');
    }
  }
  const today = onTrack.report.asOf;
  const delegated = await api.call('POST', `/api/projects/${onTrack.report.id}/delegations`, {
    as: 'applicant',
    body: { agentUsername: 'agent' },
    ok: [200, 201],
  });
  onTrack.log(
    delegated.status === 201
      ? 'applicant delegated the project to agent'
      : 'already delegated to agent',
  );

  // 2. At risk: an imported simple low-risk warehouse (12 working days, warning from 9) whose
  //    PLAN was accepted 10 working days ago. Its one PLAN item (1 day) ran over; the head
  //    extends it and the officer approves, so no item is overdue while the project clock
  //    stands at 10 of 12 days between stages.
  const atRisk = new ProjectRun(api, log, 'demo-at-risk', 'at risk');
  const usedAtRisk = 10;
  const atRiskAccepted = await api.workingDaysBefore(today, usedAtRisk);
  const atRiskBody = {
    name: '物流园简易仓库（导入）',
    answers: LOW_RISK_WAREHOUSE,
    ownerOrganisation: 'org-a',
    acceptedAt: atRiskAccepted,
  };
  if (await atRisk.create('admin', atRiskBody)) {
    atRisk.log(`imported with PLAN accepted on ${atRiskAccepted} (${usedAtRisk} working days ago)`);
    for (const item of itemsOf(atRisk.report, 'PLAN').filter((i) => i.status === 'UNDER_REVIEW')) {
      const days = Math.min(10, item.clock.usedDays - item.clock.limitDays);
      if (days > 0)
        await atRisk.extend(item.code, days, '导入项目，材料核验延误，经负责人批准延期');
      await atRisk.decide(item.code, 'APPROVE');
    }
  }
  await atRisk.refresh();
  const rc = atRisk.report.clock;
  atRisk.log(
    `project clock ${rc.usedDays}/${rc.limitDays} working days (${rc.percentUsed}%): ${rc.risk}${rc.risk === 'AT_RISK' ? '' : ' — expected AT_RISK'}`,
  );

  // 3. Overdue: an imported commercial complex (35 working days) accepted 40 working days ago.
  const overdue = new ProjectRun(api, log, 'demo-overdue', 'overdue');
  const usedOverdue = 40;
  const overdueAccepted = await api.workingDaysBefore(today, usedOverdue);
  const overdueBody = {
    name: '滨江商业综合体（导入）',
    answers: COMMERCIAL,
    ownerOrganisation: 'org-a',
    acceptedAt: overdueAccepted,
  };
  if (await overdue.create('admin', overdueBody)) {
    overdue.log(
      `imported with PLAN accepted on ${overdueAccepted} (${usedOverdue} working days ago)`,
    );
  }
  await overdue.refresh();
  const oc = overdue.report.clock;
  overdue.log(
    `project clock ${oc.usedDays}/${oc.limitDays} working days (${oc.percentUsed}%): ${oc.risk}${oc.risk === 'OVERDUE' ? '' : ' — expected OVERDUE'}`,
  );

  // 4. Waiting on a supplement: an office building, one item approved, one waiting for papers.
  const supplement = new ProjectRun(api, log, 'demo-supplement', 'supplement');
  if (await supplement.create('applicant', { name: '高新区研发办公楼', answers: OFFICE })) {
    await supplement.submit('applicant', 'PLAN', '申请规划阶段并联审批');
    await supplement.accept('PLAN');
    if (supplement.item('ENTERPRISE_FILING').status === 'UNDER_REVIEW')
      await supplement.decide('ENTERPRISE_FILING', 'APPROVE');
    const open = itemsOf(supplement.report, 'PLAN').filter((i) => i.status === 'UNDER_REVIEW');
    const asked = open.find((i) => i.code === 'LAND_USE_PERMIT') ?? open[0];
    if (asked) {
      await supplement.decide(
        asked.code,
        'REQUEST_SUPPLEMENT',
        '请补充国有土地使用权出让合同及土地出让金缴纳凭证',
      );
    }
  }

  // 5. With an agent: org-b mandates the agent, who creates and submits a project for it.
  const mandate = await api.call('POST', '/api/mandates', {
    as: 'applicant2',
    body: { agentUsername: 'agent' },
    ok: [200, 201],
  });
  log(
    mandate.status === 201
      ? '[agent] applicant2 (org-b) granted agent a mandate'
      : '[agent] agent already holds the mandate of org-b',
  );
  const byAgent = new ProjectRun(api, log, 'demo-agent', 'agent');
  const agentBody = { name: '乙置业滨河住宅小区', answers: HOUSING, ownerOrganisation: 'org-b' };
  if (await byAgent.create('agent', agentBody)) {
    await byAgent.submit('agent', 'PLAN', '代办员代乙置业公司提交规划阶段材料');
  }

  const runs = [onTrack, atRisk, overdue, supplement, byAgent];
  for (const r of runs) await r.refresh();
  const projects = runs.map((r) => r.summary());
  const created = projects.filter((p) => p.created).length;
  log(`seed: done — ${created} projects created, ${projects.length - created} already there`);
  return { apiUrl: base, created, existing: projects.length - created, projects };
}

/** Display width in a terminal: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

/** The summary as an aligned table, one line per project. */
export function formatSummary(summary: SeedSummary): string[] {
  const rows = [
    ['', 'stage', 'risk', 'clock', 'id', 'name'],
    ...summary.projects.map((p) => [
      p.label,
      `${p.stage} ${p.status === 'IN_PROGRESS' ? p.stageStatus : p.status}`,
      p.risk,
      `${p.usedDays}/${p.limitDays} d`,
      p.id,
      `${p.name}${p.created ? '' : ' (existing)'}`,
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => width(r[c]))));
  return rows.map((r) =>
    r
      .map((cell, c) => (c === r.length - 1 ? cell : pad(cell, widths[c])))
      .join('  ')
      .trimEnd(),
  );
}

async function cli(): Promise<void> {
  const apiUrl =
    process.env.API_URL?.trim() || `http://127.0.0.1:${process.env.PORT?.trim() || 3000}`;
  const say = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const summary = await seedDemo({ apiUrl, log: say });
    say('');
    for (const line of formatSummary(summary)) say(`  ${line}`);
    say('');
    say(
      'Sign in (password "demo") as applicant, applicant2, agent, window, supervisor, admin, officer.DRC, officer.NRP, head.DRC, ...',
    );
  } catch (err) {
    const line = err instanceof SeedError ? err.message : `unexpected error: ${String(err)}`;
    say(`seed: ${line}`);
    if (!(err instanceof SeedError) && err instanceof Error && err.stack) {
      process.stderr.write(`${err.stack}\n`);
    }
    process.exitCode = 1;
  }
}

if (require.main === module) void cli();
