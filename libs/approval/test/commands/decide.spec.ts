import type { Command, DecisionAction } from '../../src';
import { Project, types } from '../fixture';

const MON = '2026-02-09';
const THU = '2026-02-12';

/** A and B under review since Monday 2026-02-09 (A at NRP, B at DRC). */
function reviewing() {
  const p = new Project([
    { code: 'A', department: 'NRP', jointProcedure: 'DRAWING_REVIEW' },
    { code: 'B', department: 'DRC', jointProcedure: 'SITE_SURVEY' },
  ]);
  p.open(MON);
  return p;
}

const decide = (action: DecisionAction, extra: Partial<Command & { kind: 'DECIDE' }> = {}) =>
  ({ kind: 'DECIDE', itemCode: 'A', action, ...extra }) as Command;

describe('DECIDE: guards every action shares', () => {
  it('refuses an item not on the checklist (NOT_FOUND)', () => {
    const p = reviewing();
    expect(p.refusal(decide('APPROVE', { itemCode: 'NOPE' }), THU)).toEqual({
      code: 'NOT_FOUND',
      message: "item NOPE is not on this project's checklist",
    });
  });

  it("refuses another department's officer as if the item did not exist (NOT_FOUND), whatever its state", () => {
    const p = reviewing();
    p.run(decide('APPROVE'), THU);
    const by = { username: 'officer.DRC', role: 'REVIEWING_OFFICER', department: 'DRC' };
    for (const c of [decide('APPROVE'), decide('REJECT', { comment: 'no' })]) {
      expect(() => p.run(c, THU, { by })).toThrow(
        expect.objectContaining({
          code: 'NOT_FOUND',
          message: "item A is not one of department DRC's",
        }),
      );
    }
    // Its own department's officer is told the state: A is approved already.
    expect(p.refusal(decide('APPROVE'), THU).code).toBe('CONFLICT');
  });

  it('refuses an unknown action (INVALID, listing the actions)', () => {
    const p = reviewing();
    expect(p.refusal(decide('SHRUG' as DecisionAction), THU)).toEqual({
      code: 'INVALID',
      message:
        'action must be one of APPROVE, REJECT, REQUEST_SUPPLEMENT, START_SPECIAL_PROCEDURE, END_SPECIAL_PROCEDURE, ACCEPT_WITH_DEFICIENCY, APPROVE_ON_COMMITMENT',
    });
  });

  it.each<[DecisionAction, Partial<Command & { kind: 'DECIDE' }>]>([
    ['APPROVE', {}],
    ['REJECT', { comment: 'no' }],
    ['REQUEST_SUPPLEMENT', { comment: 'more' }],
    ['START_SPECIAL_PROCEDURE', { procedure: { type: 'HEARING', expectedDays: 3 } }],
    ['ACCEPT_WITH_DEFICIENCY', { deficiency: { description: 'x', dueDate: '2026-03-02' } }],
  ])('%s needs the item under review: refused while SUBMITTED (CONFLICT)', (action, extra) => {
    const p = new Project([{ code: 'A' }]);
    p.run({ kind: 'SUBMIT_STAGE', stage: 'PLAN' }, MON);
    const need = action === 'REJECT' ? 'UNDER_REVIEW or SUSPENDED' : 'UNDER_REVIEW';
    expect(p.refusal(decide(action, extra), MON)).toEqual({
      code: 'CONFLICT',
      message: `item A is SUBMITTED; ${action} needs it ${need}`,
    });
  });
});

describe('DECIDE APPROVE', () => {
  it('is refused while a supplement is outstanding', () => {
    const p = reviewing();
    p.run(decide('REQUEST_SUPPLEMENT', { comment: 'stamp' }), MON);
    expect(p.refusal(decide('APPROVE'), THU)).toEqual({
      code: 'CONFLICT',
      message: 'item A is SUPPLEMENT_REQUESTED; APPROVE needs it UNDER_REVIEW',
    });
  });

  it('is refused while a 容缺 deficiency is outstanding', () => {
    const p = reviewing();
    p.run(
      decide('ACCEPT_WITH_DEFICIENCY', {
        deficiency: { description: 'EIA', dueDate: '2026-03-02' },
      }),
      MON,
    );
    expect(p.refusal(decide('APPROVE'), THU)).toEqual({
      code: 'CONFLICT',
      message:
        'item A has an outstanding deficiency (EIA, due 2026-03-02); it cannot be approved before the materials arrive',
    });
  });

  it('is refused while a joint procedure holding the item has not finished', () => {
    const p = reviewing();
    p.run({ kind: 'SCHEDULE_JOINT_PROCEDURE', type: 'DRAWING_REVIEW', date: THU }, MON);
    expect(p.refusal(decide('APPROVE'), THU)).toEqual({
      code: 'CONFLICT',
      message: 'item A is in joint procedure DRAWING_REVIEW (id-1) that has not finished',
    });
  });

  it('ends the clock on the day of the decision', () => {
    const p = reviewing();
    const r = p.run(decide('APPROVE', { comment: 'fine' }), THU);
    expect(p.item('A')).toMatchObject({
      status: 'APPROVED',
      decidedOn: THU,
      decisionComment: 'fine',
      intervals: [{ from: MON, to: THU }],
    });
    expect(r.events).toEqual([
      expect.objectContaining({
        type: 'ITEM_APPROVED',
        itemCode: 'A',
        stage: 'PLAN',
        actor: 'officer.NRP',
        detail: { comment: 'fine' },
        clockEffect: 'ENDED',
      }),
    ]);
    // The applicant hears of it, the department by name.
    expect(r.notices).toEqual([
      expect.objectContaining({
        recipientRole: 'APPLICANT',
        organisation: 'org-a',
        kind: 'ITEM_APPROVED',
        itemCode: 'A',
        message:
          'A name was approved by Natural Resources and Planning Bureau on 2026-02-12. The result notice is on the project page.',
      }),
    ]);
    expect(r.result.item).toEqual({ code: 'A', status: 'APPROVED', round: 1 });
  });
});

describe('DECIDE REJECT', () => {
  it('needs the reason (INVALID, naming the field)', () => {
    const p = reviewing();
    expect(p.refusal(decide('REJECT', { comment: ' ' }), THU)).toEqual({
      code: 'INVALID',
      message: 'comment (the reason for the rejection) is required',
    });
  });

  it('ends the clock, blocks the stage and tells the applicant', () => {
    const p = reviewing();
    const r = p.run(decide('REJECT', { comment: 'not zoned' }), THU);
    expect(p.item('A')).toMatchObject({
      status: 'REJECTED',
      decidedOn: THU,
      intervals: [{ from: MON, to: THU }],
    });
    expect(p.stage('PLAN').status).toBe('BLOCKED');
    expect(p.state.status).toBe('IN_PROGRESS');
    expect(r.events.map((e) => [e.type, e.clockEffect])).toEqual([['ITEM_REJECTED', 'ENDED']]);
    expect(r.notices).toEqual([
      expect.objectContaining({
        recipientRole: 'APPLICANT',
        organisation: 'org-a',
        kind: 'ITEM_REJECTED',
        itemCode: 'A',
        message:
          'A name was rejected: not zoned. Stage Plan waits until you resubmit or withdraw the item.',
      }),
    ]);
    // The other item approved: the stage still waits for A.
    p.run({ kind: 'DECIDE', itemCode: 'B', action: 'APPROVE' }, THU);
    expect(p.stage('PLAN').status).toBe('BLOCKED');
  });

  it('does not release an item waiting on the rejected one; its approval in a later round does', () => {
    const p = new Project([{ code: 'A' }, { code: 'C', prerequisites: ['A'] }]);
    p.open(MON);
    const r = p.run(decide('REJECT', { comment: 'no' }), THU);
    expect(types(r)).toEqual(['ITEM_REJECTED']);
    expect(p.item('C')).toMatchObject({ status: 'PENDING', intervals: [] });
    p.run({ kind: 'RESUBMIT_ITEM', itemCode: 'A' }, '2026-02-13');
    p.run(decide('APPROVE'), '2026-02-24');
    expect(p.item('C')).toMatchObject({
      status: 'UNDER_REVIEW',
      intervals: [{ from: '2026-02-24' }],
    });
  });

  it('may reject a suspended item: its suspension ends that day', () => {
    const p = reviewing();
    p.run(
      decide('ACCEPT_WITH_DEFICIENCY', {
        deficiency: { description: 'EIA', dueDate: '2026-02-10' },
      }),
      MON,
    );
    p.tick('2026-02-11');
    expect(p.item('A').status).toBe('SUSPENDED');
    p.run(decide('REJECT', { comment: 'never came' }), THU);
    expect(p.item('A').status).toBe('REJECTED');
    expect(p.item('A').pauses).toEqual([
      { reason: 'DEFICIENCY_OVERDUE', from: '2026-02-10', to: THU, note: 'EIA' },
    ]);
    expect(p.item('A').intervals.every((iv) => iv.to !== undefined)).toBe(true);
  });
});

describe('DECIDE REQUEST_SUPPLEMENT', () => {
  it('needs what to supply (INVALID, naming the field)', () => {
    const p = reviewing();
    expect(p.refusal(decide('REQUEST_SUPPLEMENT'), THU)).toEqual({
      code: 'INVALID',
      message: 'comment (what the applicant must supply) is required',
    });
  });

  it('stops the item clock that day and tells the applicant why', () => {
    const p = reviewing();
    const r = p.run(decide('REQUEST_SUPPLEMENT', { comment: 'signed map' }), THU);
    expect(p.item('A')).toMatchObject({
      status: 'SUPPLEMENT_REQUESTED',
      intervals: [{ from: MON, to: THU }],
      pauses: [{ reason: 'SUPPLEMENT', from: THU, note: 'signed map' }],
    });
    expect(r.events.map((e) => [e.type, e.clockEffect])).toEqual([
      ['SUPPLEMENT_REQUESTED', 'STOPPED'],
    ]);
    expect(r.notices).toEqual([
      expect.objectContaining({
        recipientRole: 'APPLICANT',
        kind: 'CLOCK_STOPPED',
        itemCode: 'A',
        message:
          'The clock of A name stopped on 2026-02-12: Supplement (补正): signed map. It resumes when you answer.',
      }),
    ]);
    expect(r.result.item?.status).toBe('SUPPLEMENT_REQUESTED');
  });
});

describe('DECIDE START_SPECIAL_PROCEDURE', () => {
  const start = (procedure: unknown) =>
    decide('START_SPECIAL_PROCEDURE', { procedure } as Partial<Command & { kind: 'DECIDE' }>);

  it('needs a known procedure type (INVALID, naming the field)', () => {
    const p = reviewing();
    const message =
      'procedure.type must be one of EXPERT_REVIEW, PUBLIC_NOTICE, HEARING, SITE_SURVEY, INSPECTION_TESTING, APPRAISAL';
    expect(p.refusal(start(undefined), THU)).toEqual({ code: 'INVALID', message });
    expect(p.refusal(start({ type: 'PICNIC', expectedDays: 3 }), THU)).toEqual({
      code: 'INVALID',
      message,
    });
  });

  it.each([0, 1.5, 251, undefined])('refuses expectedDays %s (INVALID)', (expectedDays) => {
    const p = reviewing();
    expect(p.refusal(start({ type: 'EXPERT_REVIEW', expectedDays }), THU)).toEqual({
      code: 'INVALID',
      message: 'procedure.expectedDays must be a whole number of working days, 1-250',
    });
  });

  it('stops the clock; the expected end counts working days across National Day', () => {
    const p = new Project([{ code: 'A' }]);
    p.open('2026-09-21');
    const r = p.run(start({ type: 'EXPERT_REVIEW', expectedDays: 5 }), '2026-09-29');
    // 09-30, then 10-01 … 10-07 are off, 10-08, 10-09, Sat 10-10 (make-up), 10-12.
    expect(p.item('A')).toMatchObject({
      status: 'SPECIAL_PROCEDURE',
      intervals: [{ from: '2026-09-21', to: '2026-09-29' }],
      pauses: [{ reason: 'EXPERT_REVIEW', from: '2026-09-29', expectedDays: 5 }],
    });
    expect(r.events).toEqual([
      expect.objectContaining({
        type: 'SPECIAL_PROCEDURE_STARTED',
        clockEffect: 'STOPPED',
        detail: {
          procedure: 'EXPERT_REVIEW',
          expectedDays: 5,
          expectedUntil: '2026-10-12',
          comment: undefined,
        },
      }),
    ]);
    expect(r.notices).toEqual([
      expect.objectContaining({
        kind: 'CLOCK_STOPPED',
        expectedDays: 5,
        expectedUntil: '2026-10-12',
        message:
          'The clock of A name stopped on 2026-09-29 for Expert review, expected to take 5 working days (until 2026-10-12); by art. 45 this time is not counted.',
      }),
    ]);
  });
});

describe('DECIDE END_SPECIAL_PROCEDURE', () => {
  it('is refused when no special procedure runs', () => {
    const p = reviewing();
    expect(p.refusal(decide('END_SPECIAL_PROCEDURE'), THU)).toEqual({
      code: 'CONFLICT',
      message: 'item A is UNDER_REVIEW; END_SPECIAL_PROCEDURE needs it in a SPECIAL_PROCEDURE',
    });
  });

  it('is refused for a joint site survey: it ends when every department has recorded', () => {
    const p = reviewing();
    p.run({ kind: 'SCHEDULE_JOINT_PROCEDURE', type: 'SITE_SURVEY', date: THU }, MON);
    expect(p.refusal(decide('END_SPECIAL_PROCEDURE', { itemCode: 'B' }), THU)).toEqual({
      code: 'CONFLICT',
      message:
        'item B waits for a joint site survey; it ends when every department has recorded its result',
    });
  });

  it('runs the clock again from that day', () => {
    const p = reviewing();
    p.run(
      decide('START_SPECIAL_PROCEDURE', { procedure: { type: 'HEARING', expectedDays: 3 } }),
      MON,
    );
    const r = p.run(decide('END_SPECIAL_PROCEDURE', { comment: 'heard' }), THU);
    expect(p.item('A')).toMatchObject({
      status: 'UNDER_REVIEW',
      intervals: [{ from: MON, to: MON }, { from: THU }],
      pauses: [{ reason: 'HEARING', from: MON, to: THU, expectedDays: 3 }],
    });
    expect(r.events.map((e) => [e.type, e.clockEffect])).toEqual([
      ['SPECIAL_PROCEDURE_ENDED', 'RESUMED'],
    ]);
    expect(r.notices).toEqual([
      expect.objectContaining({
        kind: 'CLOCK_RESUMED',
        message: 'The special procedure for A name ended on 2026-02-12; its clock runs again.',
      }),
    ]);
  });

  it('keeps the clock stopped, SUSPENDED, when a 容缺 commitment was missed meanwhile', () => {
    const p = reviewing();
    p.run(
      decide('ACCEPT_WITH_DEFICIENCY', {
        deficiency: { description: 'EIA', dueDate: '2026-02-10' },
      }),
      MON,
    );
    p.run(
      decide('START_SPECIAL_PROCEDURE', { procedure: { type: 'HEARING', expectedDays: 3 } }),
      MON,
    );
    p.tick('2026-02-11'); // the commitment is missed while the hearing runs: no second stop
    expect(p.item('A').status).toBe('SPECIAL_PROCEDURE');
    const r = p.run(decide('END_SPECIAL_PROCEDURE'), THU);
    expect(p.item('A')).toMatchObject({
      status: 'SUSPENDED',
      intervals: [{ from: MON, to: MON }],
      pauses: [
        { reason: 'HEARING', from: MON, to: THU },
        { reason: 'DEFICIENCY_OVERDUE', from: THU, note: 'EIA' },
      ],
    });
    expect(r.events[0].clockEffect).toBeUndefined();
    expect(r.notices).toEqual([
      expect.objectContaining({
        kind: 'CLOCK_STOPPED',
        message:
          'The clock of A name stays stopped on 2026-02-12: Deficiency overdue (容缺) ("EIA", due 2026-02-10). It resumes when you deliver it.',
      }),
    ]);
  });
});

describe('DECIDE ACCEPT_WITH_DEFICIENCY', () => {
  const accept = (deficiency: unknown) =>
    decide('ACCEPT_WITH_DEFICIENCY', { deficiency } as Partial<Command & { kind: 'DECIDE' }>);

  it.each([
    [undefined, 'deficiency is required: { description, dueDate }'],
    [{ description: ' ', dueDate: '2026-03-02' }, 'deficiency.description is required'],
    [
      { description: 'EIA', dueDate: '2026-02-30' },
      'deficiency.dueDate: "2026-02-30" is not a real date: February 2026 has days 1 to 28',
    ],
    [{ description: 'EIA', dueDate: THU }, 'deficiency.dueDate must be after today (2026-02-12)'],
    [{ description: 'EIA', dueDate: MON }, 'deficiency.dueDate must be after today (2026-02-12)'],
  ])('refuses deficiency %j (INVALID)', (deficiency, message) => {
    const p = reviewing();
    expect(p.refusal(accept(deficiency), THU)).toEqual({ code: 'INVALID', message });
  });

  it('records the commitment; the clock keeps running', () => {
    const p = reviewing();
    const r = p.run(accept({ description: 'EIA report', dueDate: '2026-02-27' }), THU);
    expect(p.item('A')).toMatchObject({
      status: 'UNDER_REVIEW',
      intervals: [{ from: MON }],
      deficiencies: [
        { id: 'id-1', description: 'EIA report', dueDate: '2026-02-27', status: 'OPEN' },
      ],
    });
    expect(r.events.map((e) => [e.type, e.clockEffect])).toEqual([
      ['ACCEPTED_WITH_DEFICIENCY', undefined],
    ]);
    expect(r.notices).toEqual([
      expect.objectContaining({
        recipientRole: 'APPLICANT',
        kind: 'CLOCK_RESUMED',
        expectedUntil: '2026-02-27',
        message:
          'A name is reviewed on your commitment to deliver "EIA report" by 2026-02-27; if it does not arrive by then the item is suspended.',
      }),
    ]);
    expect(types(p)).toContain('ACCEPTED_WITH_DEFICIENCY');
  });
});
