/**
 * 一次受理 per theme (issue 27): where the catalogue's policy says so, a theme whose materials are
 * complete is handed in and accepted on its own, its clocks start, the stage's other themes wait
 * for theirs, and the stage completes when every theme's items are done.
 */
import { buildReport, nextActions, type Command, type MaterialInput } from '../../src';
import { Project, cal, type ItemSpec } from '../fixture';

const MON = '2026-03-02';
const TUE = '2026-03-03';
const WED = '2026-03-04';
const THU = '2026-03-05';
const HASH = 'a'.repeat(64);

const material = (code: string): MaterialInput => ({
  code,
  name: `${code}材料`,
  nameEn: `${code} material`,
  required: true,
});

/**
 * PLAN: theme LAND (A by NRP; A2 by NRP after A) and theme ENV (B by EEB, asking for a report
 * not yet handed in); START_PERMIT: C (HCD) in theme PERMIT.
 */
const ITEMS: ItemSpec[] = [
  { code: 'A', department: 'NRP' },
  { code: 'A2', department: 'NRP', prerequisites: ['A'] },
  {
    code: 'B',
    department: 'EEB',
    theme: 'ENV',
    themeName: '环评',
    materials: [material('REPORT')],
  },
  { code: 'C', department: 'HCD', stage: 'START_PERMIT', theme: 'PERMIT', themeName: '许可' },
];

const submit = (theme?: string): Command => ({
  kind: 'SUBMIT_STAGE',
  stage: 'PLAN',
  ...(theme ? { theme } : {}),
});
const accept = (theme?: string, decision: 'ACCEPT' | 'RETURN' = 'ACCEPT'): Command => ({
  kind: 'ACCEPT_STAGE',
  stage: 'PLAN',
  decision,
  ...(decision === 'RETURN' ? { reason: '材料不全' } : {}),
  ...(theme ? { theme } : {}),
});
const approve = (itemCode: string): Command => ({ kind: 'DECIDE', itemCode, action: 'APPROVE' });
const handInReport = (): Command => ({
  kind: 'ATTACH_FILE',
  itemCode: 'B',
  materialCode: 'REPORT',
  file: { id: 'file-1', sha256: HASH },
});

describe('acceptance per theme (一次受理 per theme)', () => {
  it('hands in and accepts one theme; only its items start; the other theme waits for its materials', () => {
    const p = new Project(ITEMS, { acceptPerTheme: true });
    // The whole stage cannot be handed in: ENV lacks its report.
    expect(p.refusal(submit(), MON).message).toMatch(/^materials missing: B: REPORT材料/);
    // LAND alone can.
    const s = p.run(submit('LAND_SITE'), MON);
    expect(s.events[0]).toMatchObject({
      type: 'STAGE_SUBMITTED',
      detail: { themes: ['LAND_SITE'] },
    });
    expect(p.stage('PLAN').status).toBe('SUBMITTED');
    expect(p.item('B').status).toBe('PENDING');
    // The window sees LAND to accept; the applicant still has ENV to hand in.
    expect(nextActions(p.state).map((a) => [a.kind, a.theme])).toEqual([
      ['SUBMIT_STAGE', 'ENV'],
      ['ACCEPT_STAGE', undefined],
    ]);
    p.run(accept('LAND_SITE'), TUE);
    expect(p.stage('PLAN')).toMatchObject({ status: 'IN_REVIEW', acceptedOn: TUE });
    expect(p.stage('PLAN').themes).toEqual({
      LAND_SITE: { status: 'ACCEPTED', submittedOn: MON, acceptedOn: TUE },
    });
    expect(p.item('A').status).toBe('UNDER_REVIEW');
    expect(p.item('A').intervals[0].from).toBe(TUE);
    // A2 waits for A, as in a stage accepted whole; B waits for its theme.
    expect(p.item('A2').status).toBe('PENDING');
    expect(p.item('B').status).toBe('PENDING');
    expect(p.item('B').intervals).toEqual([]);

    // A decided: A2 starts, B still does not; the stage is not complete.
    p.run(approve('A'), WED);
    expect(p.item('A2').status).toBe('UNDER_REVIEW');
    expect(p.item('B').status).toBe('PENDING');
    p.run(approve('A2'), WED);
    expect(p.stage('PLAN').status).toBe('IN_REVIEW');

    // ENV's report arrives; ENV is handed in and accepted on its own day.
    p.run(handInReport(), WED);
    p.run(submit('ENV'), WED);
    expect(p.stage('PLAN').status).toBe('IN_REVIEW');
    expect(p.item('B').status).toBe('SUBMITTED');
    const r = buildReport(p.state, cal, WED);
    expect(r.acceptPerTheme).toBe(true);
    expect(r.stages[0].themes.map((t) => [t.code, t.acceptance?.status])).toEqual([
      ['LAND_SITE', 'ACCEPTED'],
      ['ENV', 'SUBMITTED'],
    ]);
    p.run(accept('ENV'), THU);
    expect(p.item('B')).toMatchObject({ status: 'UNDER_REVIEW' });
    expect(p.item('B').intervals[0].from).toBe(THU);
    p.run(approve('B'), THU);
    expect(p.stage('PLAN')).toMatchObject({ status: 'COMPLETED', completedOn: THU });
    expect(p.state.stage).toBe('START_PERMIT');
  });

  it('returns one theme: its items wait again; the stage is returned only when nothing of it stands', () => {
    const p = new Project(ITEMS, { acceptPerTheme: true });
    p.run(handInReport(), MON);
    p.run(submit(), MON); // every theme still to hand in
    expect(p.stage('PLAN').themes).toMatchObject({
      LAND_SITE: { status: 'SUBMITTED' },
      ENV: { status: 'SUBMITTED' },
    });
    p.run(accept('ENV', 'RETURN'), TUE);
    expect(p.item('B').status).toBe('PENDING');
    expect(p.stage('PLAN').status).toBe('SUBMITTED');
    expect(p.stage('PLAN').themes!.ENV).toMatchObject({
      status: 'RETURNED',
      returnReason: '材料不全',
    });
    p.run(accept('LAND_SITE', 'RETURN'), TUE);
    expect(p.stage('PLAN')).toMatchObject({ status: 'RETURNED', returnReason: '材料不全' });
    // Handed in again, one theme at a time.
    p.run(submit('ENV'), WED);
    expect(p.stage('PLAN').status).toBe('SUBMITTED');
    expect(p.item('A').status).toBe('PENDING');
  });

  it('a pre-reviewed stage is handed in per theme when the stage before completes; its clocks count from then', () => {
    const p = new Project(
      [...ITEMS, { code: 'D', department: 'FIRE', stage: 'START_PERMIT', theme: 'FIRE' }],
      { acceptPerTheme: true },
    );
    p.run(handInReport(), MON);
    p.run(submit(), MON);
    p.run(accept(), MON); // every theme handed in
    expect(p.stage('PLAN').themes).toMatchObject({
      LAND_SITE: { status: 'ACCEPTED' },
      ENV: { status: 'ACCEPTED' },
    });
    p.run({ kind: 'PRE_REVIEW_STAGE', stage: 'START_PERMIT' }, TUE);
    for (const code of ['A', 'A2', 'B']) p.run(approve(code), WED);
    expect(p.stage('START_PERMIT')).toMatchObject({ status: 'SUBMITTED', submittedOn: WED });
    expect(p.stage('START_PERMIT').themes).toEqual({
      PERMIT: { status: 'SUBMITTED', submittedOn: WED, preReviewed: true },
      FIRE: { status: 'SUBMITTED', submittedOn: WED, preReviewed: true },
    });
    // The window accepts one theme a day later: its clock counts from the hand-in.
    p.run(
      { kind: 'ACCEPT_STAGE', stage: 'START_PERMIT', decision: 'ACCEPT', theme: 'PERMIT' },
      THU,
    );
    expect(p.item('C').status).toBe('UNDER_REVIEW');
    expect(p.item('C').intervals[0].from).toBe(WED);
    expect(p.item('D').status).toBe('SUBMITTED');
    expect(p.stage('START_PERMIT')).toMatchObject({ status: 'IN_REVIEW', acceptedOn: WED });
  });

  it('refuses a theme decided twice, a theme of another stage, and a theme where the stage is accepted whole', () => {
    const p = new Project(ITEMS, { acceptPerTheme: true });
    p.run(submit('LAND_SITE'), MON);
    expect(p.refusal(submit('LAND_SITE'), MON)).toEqual({
      code: 'CONFLICT',
      message: 'theme LAND_SITE of stage PLAN is SUBMITTED',
    });
    expect(p.refusal(accept('ENV'), MON)).toEqual({
      code: 'CONFLICT',
      message: 'theme ENV of stage PLAN is not handed in',
    });
    expect(p.refusal(submit('PERMIT'), MON)).toEqual({
      code: 'INVALID',
      message: 'theme: PERMIT is not a theme of stage PLAN',
    });
    const whole = new Project(ITEMS);
    expect(whole.refusal(submit('LAND_SITE'), MON)).toEqual({
      code: 'INVALID',
      message: "theme: this project's catalogue accepts a stage as a whole, not per theme",
    });
    // Without the policy nothing changes: one submission, one acceptance, every item starts.
    whole.run(handInReport(), MON);
    whole.open(MON);
    expect(whole.stage('PLAN').themes).toBeUndefined();
    expect(whole.item('B').status).toBe('UNDER_REVIEW');
  });
});
