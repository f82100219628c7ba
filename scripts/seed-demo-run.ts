/** One demo project's run of creates and steps (scripts/seed-demo.ts), each as a named demo user. */
import { ItemReport, ProjectReport, itemsOf } from '../libs/client/src';
import { DemoApi, SeedError, type SeededProject } from './seed-demo-api';

/** One project's run: its create, then (only when created now) its steps. */
export class ProjectRun {
  report!: ProjectReport;
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
    const res = await this.api.call<ProjectReport>('POST', '/api/projects', {
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

  async refresh(): Promise<ProjectReport> {
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
    const res = await this.api.call<ProjectReport>(
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
    const res = await this.api.call<ProjectReport>(
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
