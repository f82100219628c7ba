import { buildReport, computeItemClocks, type Command } from '../../src';
import { Project, cal, types } from '../fixture';

// February 2026: Spring Festival 02-15 … 02-23 off; Sat 02-14 and Sat 02-28 are make-up days.
const MON = '2026-02-09';
const TUE = '2026-02-10';
const WED = '2026-02-11';
const THU = '2026-02-12';

/** PLAN: A (NRP, eligible for 告知承诺, check in 5 working days) and B (DRC); START_PERMIT: C (HCD). */
function project(over: { preReviewAutoAccept?: boolean } = {}) {
  return new Project(
    [
      { code: 'A', department: 'NRP', commitmentCheckDays: 5 },
      { code: 'B', department: 'DRC' },
      { code: 'C', department: 'HCD', stage: 'START_PERMIT', theme: 'PERMIT' },
    ],
    over,
  );
}

const onCommitment = (itemCode: string, commitment?: string): Command => ({
  kind: 'DECIDE',
  itemCode,
  action: 'APPROVE_ON_COMMITMENT',
  ...(commitment !== undefined ? { commitment } : {}),
});

describe('approval on commitment (告知承诺制)', () => {
  it('approves an eligible item, stores the commitment and sets the check due N working days later', () => {
    const p = project();
    p.open(MON);
    const r = p.run(onCommitment('A', '  已具备消防安全条件  '), WED);
    expect(r.result.item).toEqual({ code: 'A', status: 'APPROVED', round: 1 });
    // 5 working days after Wed 02-11: Thu 12, Fri 13, Sat 14 (make-up), then the holiday to
    // 02-23, Tue 24, Wed 25.
    expect(p.item('A').onCommitment).toEqual({
      text: '已具备消防安全条件',
      checkDue: '2026-02-25',
    });
    expect(r.events[0]).toMatchObject({
      type: 'ITEM_APPROVED',
      detail: { onCommitment: true, commitment: '已具备消防安全条件', checkDue: '2026-02-25' },
    });
    const report = buildReport(p.state, cal, WED);
    const a = report.stages[0].themes[0].items.find((i) => i.code === 'A')!;
    expect(a).toMatchObject({ commitmentCheckDays: 5, onCommitment: { checkDue: '2026-02-25' } });
  });

  it('refuses an ineligible item with NOT_ON_COMMITMENT, and a missing commitment text; nothing changes', () => {
    const p = project();
    p.open(MON);
    expect(p.refusal(onCommitment('B', '承诺'), WED)).toEqual({
      code: 'CONFLICT',
      message:
        'item B may not be approved on commitment (the catalogue does not allow 告知承诺 for it)',
    });
    expect(p.refusal(onCommitment('A', '   '), WED).message).toMatch(/^commitment .*is required/);
    expect(p.item('B').status).toBe('UNDER_REVIEW');
  });

  it('a passed check closes it; a failed one revokes the result, tells the applicant and still lets the stage complete', () => {
    const p = project();
    p.open(MON);
    p.run(onCommitment('A', '承诺'), TUE);
    p.run({ kind: 'DECIDE', itemCode: 'B', action: 'APPROVE' }, TUE);
    expect(p.stage('PLAN').status).toBe('COMPLETED');
    // Nothing to check on B; a failed check needs its reason.
    expect(p.refusal({ kind: 'CHECK_COMMITMENT', itemCode: 'B', passed: true }, WED).message).toBe(
      'item B has no follow-up check due (it is APPROVED)',
    );
    expect(
      p.refusal({ kind: 'CHECK_COMMITMENT', itemCode: 'A', passed: false }, WED).message,
    ).toMatch(/^comment .*is required/);

    const r = p.run(
      { kind: 'CHECK_COMMITMENT', itemCode: 'A', passed: false, comment: '现场不符' },
      THU,
    );
    expect(p.item('A').status).toBe('REVOKED');
    expect(p.item('A').onCommitment?.check).toEqual({
      passed: false,
      comment: '现场不符',
      on: THU,
      by: 'officer.NRP',
    });
    expect(types(r)).toEqual(['ITEM_REVOKED']);
    expect(r.notices).toEqual([
      expect.objectContaining({
        kind: 'RESULT_REVOKED',
        recipientRole: 'APPLICANT',
        itemCode: 'A',
      }),
    ]);
    // Checked once only.
    expect(p.refusal({ kind: 'CHECK_COMMITMENT', itemCode: 'A', passed: true }, THU).message).toBe(
      'item A has no follow-up check due (it is REVOKED)',
    );
    // A revoked item's clock stays what it was: closed, not counted again.
    expect(computeItemClocks(p.state, cal, THU).get('A')).toMatchObject({ running: false });
  });

  it('a follow-up check is taken after the project completed', () => {
    const p = new Project([{ code: 'A', department: 'NRP', commitmentCheckDays: 5 }]);
    p.open(MON);
    p.run(onCommitment('A', '承诺'), TUE);
    expect(p.state.status).toBe('COMPLETED');
    p.run({ kind: 'CHECK_COMMITMENT', itemCode: 'A', passed: true }, THU);
    expect(p.item('A')).toMatchObject({
      status: 'APPROVED',
      onCommitment: { check: { passed: true } },
    });
    // Anything else is still refused on a completed project.
    expect(p.refusal({ kind: 'WITHDRAW_PROJECT' }, THU).code).toBe('CONFLICT');
  });
});

describe('pre-review of the next stage (预审)', () => {
  it('refuses a stage that does not follow, and pre-review while the current stage is not in review', () => {
    const p = project();
    expect(p.refusal({ kind: 'PRE_REVIEW_STAGE', stage: 'START_PERMIT' }, MON)).toMatchObject({
      code: 'CONFLICT',
      message: 'stage PLAN is NOT_STARTED; the next stage is pre-reviewed while it is IN_REVIEW',
    });
    p.open(MON);
    for (const stage of ['PLAN', 'COMPLETION'] as const)
      expect(p.refusal({ kind: 'PRE_REVIEW_STAGE', stage }, TUE).message).toBe(
        `stage ${stage} does not follow the current stage PLAN; only the next stage can be handed in for pre-review`,
      );
  });

  it('puts the next stage in PRE_REVIEW without a clock; its departments comment; it is handed in and its clock starts the day PLAN completes', () => {
    const p = project();
    p.open(MON);
    p.run({ kind: 'PRE_REVIEW_STAGE', stage: 'START_PERMIT' }, MON);
    expect(p.item('C')).toMatchObject({ status: 'PRE_REVIEW', intervals: [] });
    const c = p.run(
      { kind: 'PRE_REVIEW_COMMENT', itemCode: 'C', comment: '总平面图缺少坐标' },
      TUE,
    );
    expect(c.events[0]).toMatchObject({
      type: 'PRE_REVIEW_COMMENTED',
      itemCode: 'C',
      detail: { comment: '总平面图缺少坐标' },
    });
    expect(c.notices[0]).toMatchObject({ kind: 'PRE_REVIEW_COMMENT', recipientRole: 'APPLICANT' });
    // A comment is no decision: C cannot be decided before its stage is accepted.
    expect(p.refusal({ kind: 'DECIDE', itemCode: 'C', action: 'APPROVE' }, TUE).code).toBe(
      'CONFLICT',
    );
    // The applicant corrects and hands in again.
    expect(types(p.run({ kind: 'PRE_REVIEW_STAGE', stage: 'START_PERMIT' }, TUE))).toEqual([
      'PRE_REVIEW_CORRECTED',
    ]);
    expect(computeItemClocks(p.state, cal, WED).get('C')?.usedDays).toBe(0);

    // PLAN completes on Wed: START_PERMIT is handed in that day; the window confirms on Thu,
    // and C's clock runs from Wed (the window's day counts, not the applicant's).
    p.run({ kind: 'DECIDE', itemCode: 'A', action: 'APPROVE' }, WED);
    const done = p.run({ kind: 'DECIDE', itemCode: 'B', action: 'APPROVE' }, WED);
    expect(types(done)).toEqual(expect.arrayContaining(['STAGE_COMPLETED', 'STAGE_SUBMITTED']));
    expect(p.stage('START_PERMIT')).toMatchObject({ status: 'SUBMITTED', submittedOn: WED });
    expect(p.item('C').status).toBe('SUBMITTED');
    p.run({ kind: 'ACCEPT_STAGE', stage: 'START_PERMIT', decision: 'ACCEPT' }, THU);
    expect(p.stage('START_PERMIT').acceptedOn).toBe(WED);
    expect(p.item('C')).toMatchObject({ status: 'UNDER_REVIEW', intervals: [{ from: WED }] });
    expect(computeItemClocks(p.state, cal, THU).get('C')?.usedDays).toBe(1);
  });

  it('where the catalogue says so, the pre-reviewed stage is accepted at once', () => {
    const p = project({ preReviewAutoAccept: true });
    p.open(MON);
    p.run({ kind: 'PRE_REVIEW_STAGE', stage: 'START_PERMIT' }, MON);
    p.run({ kind: 'DECIDE', itemCode: 'A', action: 'APPROVE' }, WED);
    const done = p.run({ kind: 'DECIDE', itemCode: 'B', action: 'APPROVE' }, WED);
    expect(types(done)).toEqual(
      expect.arrayContaining([
        'STAGE_COMPLETED',
        'STAGE_SUBMITTED',
        'STAGE_ACCEPTED',
        'ITEM_STARTED',
      ]),
    );
    expect(p.stage('START_PERMIT')).toMatchObject({ status: 'IN_REVIEW', acceptedOn: WED });
    expect(p.item('C')).toMatchObject({ status: 'UNDER_REVIEW', intervals: [{ from: WED }] });
  });

  it('a comment on an item not in pre-review is refused', () => {
    const p = project();
    p.open(MON);
    expect(
      p.refusal({ kind: 'PRE_REVIEW_COMMENT', itemCode: 'C', comment: 'x' }, TUE).message,
    ).toBe('item C is PENDING, not in pre-review');
  });
});
