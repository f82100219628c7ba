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
import { itemsOf, messageOf } from '../libs/client/src';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
import { DemoApi, SeedError, type SeededProject } from './seed-demo-api';
import { MASTER } from './seed-demo-master';
import { ProjectRun } from './seed-demo-run';

export { SeedError, type SeededProject };

export interface SeedOptions {
  /** Where the API listens, e.g. `http://127.0.0.1:3000`. */
  apiUrl: string;
  /** Progress, one line per step; silent when omitted. */
  log?: (line: string) => void;
}

export interface SeedSummary {
  apiUrl: string;
  created: number;
  existing: number;
  projects: SeededProject[];
}

// Questionnaire answers (GET /api/questionnaire): a school, a simple low-risk warehouse, an
// office building, a commercial complex and a housing estate.
const SCHOOL = EXAMPLE_ANSWERS.school;
const LOW_RISK_WAREHOUSE = EXAMPLE_ANSWERS.lowRiskWarehouse;
const OFFICE = EXAMPLE_ANSWERS.office;
const COMMERCIAL = EXAMPLE_ANSWERS.warehouse;
const HOUSING = EXAMPLE_ANSWERS.housing;

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
  if (
    await onTrack.create('applicant', {
      name: '城东第一实验小学新建工程',
      answers: SCHOOL,
      ...MASTER.onTrack,
    })
  ) {
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
    ...MASTER.atRisk,
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
    ...MASTER.overdue,
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
  if (
    await supplement.create('applicant', {
      name: '高新区研发办公楼',
      answers: OFFICE,
      ...MASTER.supplement,
    })
  ) {
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
  const agentBody = {
    name: '乙置业滨河住宅小区',
    answers: HOUSING,
    ownerOrganisation: 'org-b',
    ...MASTER.byAgent,
  };
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
