import { Project } from '../../approval/test/fixture';
import { HOLD } from '../src/codes';
import { CORRECTED, DELETED, rowsToAppend } from '../src/outbox';
import { historyRows, snapshotRows, type SpglRow } from '../src/rows';
import { markSent, ruleViolation, type Sent } from '../src/rules';

const MASTER = {
  projectCode: '2026-440300-47-01-000016',
  constructionUnits: [{ name: '深圳市教育局', creditCode: '91350100M000100Y43' }],
  totalInvestment: 8800,
  constructionNature: 'NEW' as const,
  fundingSource: 'GOVERNMENT' as const,
};
const keyOf = (r: SpglRow) => `${r.table}|${r.dfsjzj}`;
const latestOf = (rows: SpglRow[]) => new Map(rows.map((r) => [keyOf(r), r.fields]));
const none = (): Sent => ({ projects: new Set(), instances: new Set(), lastHistoryAt: new Map() });

describe('the SPGL rows of a project', () => {
  it('maps the project, its unit and its item instances to the standard codes', () => {
    const p = new Project([{ code: 'A' }, { code: 'B', department: 'DRC' }]);
    const rows = snapshotRows({ state: p.state, master: MASTER });
    expect(rows.map((r) => r.table)).toEqual(['SPGL_XMJBXXB', 'SPGL_XMDWXXB']);
    expect(rows[0].fields).toMatchObject({
      XZQHDM: '440300',
      XMDM: MASTER.projectCode,
      GCDM: MASTER.projectCode,
      SPLCLX: 1,
      LXLX: 1,
      JSXZ: 1,
      XMTZLY: 1,
      ZTZE: 8800,
      SJYXBS: 1,
    });
    // Submitted: an instance per item, grouped into the stage's parallel instance.
    const submitted = p.run({ kind: 'SUBMIT_STAGE', stage: 'PLAN' }, '2026-01-06');
    const after = snapshotRows({ state: p.state, master: MASTER });
    const instances = after.filter((r) => r.table === 'SPGL_XMSPSXBLXXB');
    expect(instances.map((r) => r.dfsjzj)).toEqual(['p1:A:1', 'p1:B:1']);
    expect(instances[1].fields).toMatchObject({ SPBMBM: 'DRC', BLSPSLBM: 'p1:PLAN', SLFS: 4 });
    const history = historyRows({ state: p.state, master: MASTER }, submitted.events);
    expect(history.map((r) => [r.fields.SPSXSLBM, r.fields.BLZT])).toEqual([
      ['p1:A:1', 1],
      ['p1:B:1', 1],
    ]);
  });

  it('gives history rows the state of each step: accepted, started, approved', () => {
    const p = new Project([{ code: 'A' }]);
    const opened = [
      ...p.run({ kind: 'SUBMIT_STAGE', stage: 'PLAN' }, '2026-01-06').events,
      ...p.run({ kind: 'ACCEPT_STAGE', stage: 'PLAN', decision: 'ACCEPT' }, '2026-01-06').events,
    ];
    const decided = p.run(
      { kind: 'DECIDE', itemCode: 'A', action: 'APPROVE' },
      '2026-01-08',
    ).events;
    const history = historyRows({ state: p.state, master: MASTER }, [...opened, ...decided]);
    expect(history.map((r) => r.fields.BLZT)).toEqual([1, 3, 8, 11]);
  });
});

describe('the outbox appends what changed, as the standard corrects', () => {
  const p = new Project([{ code: 'A' }]);
  const first = snapshotRows({ state: p.state, master: MASTER });

  it('appends nothing for a write that changes nothing', () => {
    expect(rowsToAppend(first, latestOf(first))).toEqual([]);
  });

  it('appends an invalidation of the old version, then the new one', () => {
    const moved = snapshotRows({ state: p.state, master: { ...MASTER, address: '新址' } });
    const out = rowsToAppend(moved, latestOf(first));
    expect(out.map((r) => [r.table, r.fields.SJYXBS, r.fields.SJWXYY, r.fields.JSDD])).toEqual([
      ['SPGL_XMJBXXB', 0, CORRECTED, null],
      ['SPGL_XMJBXXB', 1, null, '新址'],
    ]);
  });

  it('invalidates a construction unit that was removed', () => {
    const without = snapshotRows({ state: p.state, master: { ...MASTER, constructionUnits: [] } });
    const out = rowsToAppend(without, latestOf(first));
    expect(out).toEqual([
      expect.objectContaining({
        table: 'SPGL_XMDWXXB',
        fields: expect.objectContaining({ SJYXBS: 0, SJWXYY: DELETED }),
      }),
    ]);
  });
});

describe('the rules before sending', () => {
  const p = new Project([{ code: 'A' }]);
  p.run({ kind: 'SUBMIT_STAGE', stage: 'PLAN' }, '2026-01-06');
  const rows = snapshotRows({ state: p.state, master: MASTER });
  const [project, unit, instance] = rows.map((r) => ({ ...r, projectId: 'p1' }));

  it('holds a unit or instance until its project is sent, and history until its instance', () => {
    const sent = none();
    expect(ruleViolation(unit, sent)).toMatch(new RegExp(`^${HOLD.PROJECT_NOT_SENT} `));
    expect(ruleViolation(project, sent)).toBeUndefined();
    markSent(project, sent);
    expect(ruleViolation(unit, sent)).toBeUndefined();
    const history = {
      projectId: 'p1',
      table: 'SPGL_XMSPSXBLXXXXB' as const,
      fields: {
        XZQHDM: '440300',
        GCDM: 'x',
        SPSXSLBM: 'p1:A:1',
        BLZT: 1,
        BLSJ: '2026-01-06T02:00:00Z',
      },
    };
    expect(ruleViolation(history, sent)).toMatch(new RegExp(`^${HOLD.INSTANCE_NOT_SENT} `));
    markSent(instance, sent);
    expect(ruleViolation(history, sent)).toBeUndefined();
    markSent(history, sent);
    const earlier = { ...history, fields: { ...history.fields, BLSJ: '2026-01-05T02:00:00Z' } };
    expect(ruleViolation(earlier, sent)).toMatch(new RegExp(`^${HOLD.TIME_ORDER} `));
  });

  it('holds a project without its investment code, naming the codes missing', () => {
    const [bare] = snapshotRows({ state: p.state, master: {} });
    expect(ruleViolation({ ...bare, projectId: 'p1' }, none())).toBe(
      `${HOLD.REQUIRED_CODE_MISSING} 必填代码缺失: XZQHDM, XMDM, GCDM`,
    );
  });
});
