import { Project } from '../../approval/test/fixture';
import { HOLD } from '../src/codes';
import { CORRECTED, DELETED, rowsToAppend } from '../src/outbox';
import { flowRows } from '../src/flow-rows';
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

  it('accepted per theme: instances and history rows are the handed-in theme’s items only', () => {
    const p = new Project(
      [{ code: 'A' }, { code: 'B', department: 'DRC', theme: 'ENV', themeName: '环评' }],
      { acceptPerTheme: true },
    );
    const events = [
      ...p.run({ kind: 'SUBMIT_STAGE', stage: 'PLAN', theme: 'LAND_SITE' }, '2026-01-06').events,
      ...p.run(
        { kind: 'ACCEPT_STAGE', stage: 'PLAN', decision: 'ACCEPT', theme: 'LAND_SITE' },
        '2026-01-06',
      ).events,
    ];
    const rows = snapshotRows({ state: p.state, master: MASTER });
    expect(rows.filter((r) => r.table === 'SPGL_XMSPSXBLXXB').map((r) => r.dfsjzj)).toEqual([
      'p1:A:1',
    ]);
    const history = historyRows({ state: p.state, master: MASTER }, events);
    expect(history.map((r) => [r.fields.SPSXSLBM, r.fields.BLZT])).toEqual([
      ['p1:A:1', 1],
      ['p1:A:1', 3],
      ['p1:A:1', 8],
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

describe('approval documents and other attachments', () => {
  const COMPLETE = ['SPGL_XMDWXXB', 'SPGL_XMSPSXPFWJXXB', 'SPGL_XMQTFJXXB'];
  const FILES = new Map([
    ['f1', { id: 'f1', filename: '申请表.PDF', contentType: 'application/pdf' }],
    ['f2', { id: 'f2', filename: 'site-plan', contentType: 'image/png' }],
  ]);
  const withFiles = (p: Project, ids: string[]) => {
    p.state.items[0].materials = [
      {
        code: 'FORM',
        name: '申请表',
        nameEn: 'Application form',
        required: true,
        status: 'UPLOADED',
        round: 1,
        files: ids.map((id) => ({ id, sha256: 'x', round: 1 })),
      },
    ];
  };

  it('sends each file handed in as an attachment of its item instance, and invalidates one taken back', () => {
    const p = new Project([{ code: 'A' }]);
    withFiles(p, ['f1', 'f2']);
    // Before the stage is handed in the item has no instance, and its files are not sent.
    expect(
      snapshotRows({ state: p.state, master: MASTER, files: FILES }).filter(
        (r) => r.table === 'SPGL_XMQTFJXXB',
      ),
    ).toEqual([]);
    p.run({ kind: 'SUBMIT_STAGE', stage: 'PLAN' }, '2026-01-06');
    const rows = snapshotRows({ state: p.state, master: MASTER, files: FILES });
    const files = rows.filter((r) => r.table === 'SPGL_XMQTFJXXB');
    expect(files.map((r) => [r.dfsjzj, r.fields.SPSXSLBM, r.fields.FJMC, r.fields.FJLX])).toEqual([
      ['f1', 'p1:A:1', '申请表.PDF', 'pdf'],
      ['f2', 'p1:A:1', 'site-plan', 'png'],
    ]);
    withFiles(p, ['f1']);
    const after = snapshotRows({ state: p.state, master: MASTER, files: FILES });
    expect(rowsToAppend(after, latestOf(rows), COMPLETE)).toEqual([
      expect.objectContaining({
        table: 'SPGL_XMQTFJXXB',
        dfsjzj: 'f2',
        fields: expect.objectContaining({ SJYXBS: 0, SJWXYY: DELETED }),
      }),
    ]);
  });

  it("sends an approved item's result as its approval document, and invalidates it when a new round starts", () => {
    const p = new Project([{ code: 'A' }]);
    p.run({ kind: 'SUBMIT_STAGE', stage: 'PLAN' }, '2026-01-06');
    p.run({ kind: 'ACCEPT_STAGE', stage: 'PLAN', decision: 'ACCEPT' }, '2026-01-06');
    const results = [
      { itemCode: 'A', round: 1, number: 'BJ-2026-000007', decidedOn: '2026-01-08' },
    ];
    // Not approved yet: no document, whatever the results say.
    expect(
      snapshotRows({ state: p.state, master: MASTER, results }).some(
        (r) => r.table === 'SPGL_XMSPSXPFWJXXB',
      ),
    ).toBe(false);
    p.run({ kind: 'DECIDE', itemCode: 'A', action: 'APPROVE' }, '2026-01-08');
    const rows = snapshotRows({ state: p.state, master: MASTER, results });
    const doc = rows.find((r) => r.table === 'SPGL_XMSPSXPFWJXXB')!;
    expect(doc.fields).toMatchObject({
      SPSXSLBM: 'p1:A:1',
      PFRQ: '2026-01-08',
      PFWH: 'BJ-2026-000007',
      PFWJBT: 'A name办结通知',
      PFWJYXQX: '9999-01-01',
      FJID: '/api/projects/p1/items/A/result',
    });
    expect(
      ruleViolation({ projectId: 'p1', table: doc.table, fields: doc.fields }, none()),
    ).toMatch(new RegExp(`^${HOLD.PROJECT_NOT_SENT} `));
    const sent: Sent = { ...none(), projects: new Set(['p1']) };
    expect(ruleViolation({ projectId: 'p1', table: doc.table, fields: doc.fields }, sent)).toMatch(
      new RegExp(`^${HOLD.INSTANCE_NOT_SENT} `),
    );
    sent.instances.add('p1:A:1');
    expect(ruleViolation({ projectId: 'p1', table: doc.table, fields: doc.fields }, sent)).toBe(
      undefined,
    );
    // A result that no longer stands (the item is in a later round) is invalidated.
    p.state.items[0].round = 2;
    p.state.items[0].status = 'SUBMITTED';
    const later = snapshotRows({ state: p.state, master: MASTER, results });
    expect(
      rowsToAppend(later, latestOf(rows), COMPLETE).filter((r) => r.table === 'SPGL_XMSPSXPFWJXXB'),
    ).toEqual([
      expect.objectContaining({ fields: expect.objectContaining({ SJYXBS: 0, SJWXYY: DELETED }) }),
    ]);
  });
});

describe('the local flow, its stages and items', () => {
  it("names the project type's flow on the catalogue version, its three stages and the project's items", () => {
    const p = new Project([{ code: 'A' }, { code: 'B', department: 'DRC', prerequisites: ['A'] }]);
    const version = {
      number: 2,
      label: 'weifang-2026.2',
      effectiveFrom: '2026-03-01',
      standardCodes: { A: '0060001' },
    };
    const rows = flowRows({ state: p.state, master: MASTER, flow: version }, version);
    expect(rows.map((r) => r.table)).toEqual([
      'SPGL_DFXMSPLCXXB',
      'SPGL_DFXMSPLCJDXXB',
      'SPGL_DFXMSPLCJDXXB',
      'SPGL_DFXMSPLCJDXXB',
      'SPGL_DFXMSPLCJDSXXXB',
      'SPGL_DFXMSPLCJDSXXXB',
    ]);
    expect(rows[0]).toMatchObject({
      dfsjzj: '440300:PA-GOVERNMENT_INVESTED:2',
      fields: { XZQHDM: '440300', SPLCBBH: 2, SPLCLX: 1, SPLCSXSJ: '2026-03-01' },
    });
    expect(
      rows.slice(1, 4).map((r) => [r.fields.SPJDBM, r.fields.SPJDXH, r.fields.DYBZSPJDXH]),
    ).toEqual([
      ['PLAN', 1, '1'],
      ['START_PERMIT', 2, '3'],
      ['COMPLETION', 3, '4'],
    ]);
    expect(rows[5].fields).toMatchObject({ SPSXBM: 'B', SPBMBM: 'DRC', QZSPSXBM: 'A', SPJDXH: 1 });
    // The item's national standard code where the version gives one; else empty, and not held.
    expect(rows[4].fields).toMatchObject({ SPSXBM: 'A', DYBZSPSXBM: '0060001' });
    expect(rows[5].fields.DYBZSPSXBM).toBeNull();
    // The project and its instances point at the same flow version.
    const project = snapshotRows({ state: p.state, master: MASTER, flow: version })[0];
    expect(project.fields).toMatchObject({ SPLCBM: 'PA-GOVERNMENT_INVESTED', SPLCBBH: 2 });
    // Not the project's rows: sent before any project, never held for one.
    for (const r of rows)
      expect(ruleViolation({ projectId: 'p1', table: r.table, fields: r.fields }, none())).toBe(
        undefined,
      );
    // No code, no city: nothing to report yet.
    expect(flowRows({ state: p.state, master: {} }, version)).toEqual([]);
  });
});
