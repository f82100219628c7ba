import type { Command, MaterialInput } from '../../src';
import { Project, type ItemSpec } from '../fixture';

const MON = '2026-03-02';
const TUE = '2026-03-03';
const WED = '2026-03-04';
const HASH = 'a'.repeat(64);

const material = (code: string, over: Partial<MaterialInput> = {}): MaterialInput => ({
  code,
  name: `${code}材料`,
  nameEn: `${code} material`,
  required: true,
  ...over,
});

/** A land permit asking for a form, a map (may follow under 容缺) and the proposal's approval. */
const ITEMS: ItemSpec[] = [
  { code: 'PROPOSAL', department: 'DRC', materials: [material('APPLICATION')] },
  {
    code: 'PERMIT',
    materials: [
      material('APPLICATION'),
      material('MAP', { deficiencyAllowed: true }),
      material('BASIS', { producedBy: 'PROPOSAL' }),
      material('GRANT_CONTRACT', { required: false }),
    ],
  },
];

let files = 0;
const attach = (itemCode: string, materialCode: string): Command => ({
  kind: 'ATTACH_FILE',
  itemCode,
  materialCode,
  file: { id: `file-${++files}`, sha256: HASH },
});
const status = (p: Project, item: string, code: string) =>
  p.item(item).materials!.find((m) => m.code === code)!.status;

describe('materials', () => {
  it('refuses a submission that lacks a material to hand in, naming it; 容缺 ones may follow', () => {
    const p = new Project(ITEMS);
    expect(p.refusal({ kind: 'SUBMIT_STAGE', stage: 'PLAN' }, MON)).toEqual({
      code: 'INVALID',
      message:
        'materials missing: PROPOSAL: APPLICATION材料 (APPLICATION); PERMIT: APPLICATION材料 (APPLICATION)',
    });
    p.run(attach('PROPOSAL', 'APPLICATION'), MON);
    p.run(attach('PERMIT', 'APPLICATION'), MON);
    expect(status(p, 'PERMIT', 'APPLICATION')).toBe('UPLOADED');
    // The proposal's approval is its result's to provide; the contract is waived; the map may follow.
    expect(status(p, 'PERMIT', 'GRANT_CONTRACT')).toBe('WAIVED');
    p.run({ kind: 'SUBMIT_STAGE', stage: 'PLAN' }, MON);
    expect(p.state.stages[0].status).toBe('SUBMITTED');
  });

  it('takes files until acceptance; after it, only what a supplement or a 容缺 asks for', () => {
    const p = new Project(ITEMS);
    p.run(attach('PROPOSAL', 'APPLICATION'), MON);
    p.run(attach('PERMIT', 'APPLICATION'), MON);
    p.run({ kind: 'SUBMIT_STAGE', stage: 'PLAN' }, MON);
    p.run(attach('PERMIT', 'APPLICATION'), MON); // a second file before acceptance is fine
    // The map is missing: the window must take it under 容缺 or return the stage.
    expect(p.refusal({ kind: 'ACCEPT_STAGE', stage: 'PLAN', decision: 'ACCEPT' }, TUE)).toEqual({
      code: 'CONFLICT',
      message:
        'materials missing: PERMIT: MAP材料 (MAP); accept them with deficiency (容缺) where allowed, or return the stage',
    });
    const accepted = p.run(
      {
        kind: 'ACCEPT_STAGE',
        stage: 'PLAN',
        decision: 'ACCEPT',
        deficiencies: [{ itemCode: 'PERMIT', materials: ['MAP'], dueDate: '2026-03-10' }],
      },
      TUE,
    );
    expect(p.item('PERMIT').deficiencies).toEqual([
      expect.objectContaining({ status: 'OPEN', materials: ['MAP'], dueDate: '2026-03-10' }),
    ]);
    expect(accepted.notices.map((n) => n.message)).toEqual([
      'Stage Plan was accepted on 2026-03-03; the clocks of 2 items run from now on: PROPOSAL name, PERMIT name. The receipt is on the project page.',
      expect.stringContaining('容缺材料：MAP材料"'),
    ]);
    expect(p.refusal(attach('PERMIT', 'APPLICATION'), TUE)).toMatchObject({ code: 'CONFLICT' });
    expect(p.refusal({ kind: 'DELIVER_DEFICIENCY', itemCode: 'PERMIT' }, TUE)).toEqual({
      code: 'INVALID',
      message: 'hand in first: MAP材料 (MAP)',
    });
    p.run(attach('PERMIT', 'MAP'), WED);
    p.run({ kind: 'DELIVER_DEFICIENCY', itemCode: 'PERMIT' }, WED);
    expect(p.item('PERMIT').deficiencies[0].status).toBe('DELIVERED');
  });

  it('a return names the materials to hand in again: they open round 2', () => {
    const p = new Project(ITEMS);
    p.run(attach('PROPOSAL', 'APPLICATION'), MON);
    p.run(attach('PERMIT', 'APPLICATION'), MON);
    p.run(attach('PERMIT', 'MAP'), MON);
    p.run({ kind: 'SUBMIT_STAGE', stage: 'PLAN' }, MON);
    const returned = p.run(
      {
        kind: 'ACCEPT_STAGE',
        stage: 'PLAN',
        decision: 'RETURN',
        reason: '申请表未盖章',
        materials: [{ itemCode: 'PERMIT', materialCode: 'APPLICATION', reason: '缺公章' }],
      },
      TUE,
    );
    expect(returned.notices[0].message).toContain('Hand in again: APPLICATION material (缺公章)');
    const form = p.item('PERMIT').materials!.find((m) => m.code === 'APPLICATION')!;
    expect(form).toMatchObject({ status: 'NEEDS_CORRECTION', round: 2, correction: '缺公章' });
    expect(p.refusal({ kind: 'SUBMIT_STAGE', stage: 'PLAN' }, TUE).message).toBe(
      'materials missing: PERMIT: APPLICATION材料 (APPLICATION)',
    );
    p.run(attach('PERMIT', 'APPLICATION'), TUE);
    expect(form.files.map((f) => f.round)).toEqual([1, 2]);
    p.run({ kind: 'SUBMIT_STAGE', stage: 'PLAN' }, TUE);
  });

  it('an officer judges a material; approval waits for its correction, asked in a supplement', () => {
    const p = new Project(ITEMS);
    p.run(attach('PROPOSAL', 'APPLICATION'), MON);
    p.run(attach('PERMIT', 'APPLICATION'), MON);
    p.run(attach('PERMIT', 'MAP'), MON);
    p.open(MON);
    p.run(
      {
        kind: 'REVIEW_MATERIAL',
        itemCode: 'PERMIT',
        materialCode: 'MAP',
        verdict: 'NEEDS_CORRECTION',
        reason: '缺少坐标',
      },
      TUE,
    );
    const approve: Command = { kind: 'DECIDE', itemCode: 'PERMIT', action: 'APPROVE' };
    expect(p.refusal(approve, TUE)).toEqual({
      code: 'CONFLICT',
      message:
        'item PERMIT has materials that need correction: MAP材料 (MAP); request a supplement',
    });
    const asked = p.run(
      { kind: 'DECIDE', itemCode: 'PERMIT', action: 'REQUEST_SUPPLEMENT', comment: '请补正' },
      TUE,
    );
    expect(asked.notices[0].message).toContain('Hand in new versions of: MAP material (缺少坐标)');
    expect(p.refusal({ kind: 'ANSWER_SUPPLEMENT', itemCode: 'PERMIT' }, WED)).toEqual({
      code: 'INVALID',
      message: 'hand in new versions first: MAP材料 (MAP)',
    });
    // Only the named material takes files now.
    expect(p.refusal(attach('PERMIT', 'APPLICATION'), WED).code).toBe('CONFLICT');
    p.run(attach('PERMIT', 'MAP'), WED);
    p.run({ kind: 'ANSWER_SUPPLEMENT', itemCode: 'PERMIT' }, WED);
    p.run(approve, WED);
    expect(status(p, 'PERMIT', 'APPLICATION')).toBe('ACCEPTED');
    expect(status(p, 'PERMIT', 'MAP')).toBe('ACCEPTED');
  });

  it("an approved item's result is a later item's material: nothing to hand in", () => {
    const p = new Project(ITEMS);
    p.run(attach('PROPOSAL', 'APPLICATION'), MON);
    p.run(attach('PERMIT', 'APPLICATION'), MON);
    p.run(attach('PERMIT', 'MAP'), MON);
    p.open(MON);
    expect(status(p, 'PERMIT', 'BASIS')).toBe('MISSING');
    p.run({ kind: 'DECIDE', itemCode: 'PROPOSAL', action: 'APPROVE' }, TUE);
    expect(status(p, 'PERMIT', 'BASIS')).toBe('PROVIDED_BY_RESULT');
    expect(p.refusal(attach('PERMIT', 'BASIS'), TUE)).toEqual({
      code: 'CONFLICT',
      message: 'material BASIS of item PERMIT is provided by the result of PROPOSAL',
    });
  });

  it('refuses unknown materials and items as not found', () => {
    const p = new Project(ITEMS);
    expect(p.refusal(attach('PERMIT', 'NOPE'), MON)).toEqual({
      code: 'NOT_FOUND',
      message: 'item PERMIT asks for no material NOPE',
    });
    expect(p.refusal(attach('NOPE', 'MAP'), MON).code).toBe('NOT_FOUND');
  });
});
