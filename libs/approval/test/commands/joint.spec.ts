import type { JointProcedure } from '../../../domain/src';
import type { Command } from '../../src';
import { Project, actors, types } from '../fixture';

const MON = '2026-02-09';
const THU = '2026-02-12';

/** A (NRP) and B (DRC) need a site survey, C (NRP) a drawing review; all under review. */
function reviewing() {
  const p = new Project([
    { code: 'A', department: 'NRP', jointProcedure: 'SITE_SURVEY' },
    { code: 'B', department: 'DRC', jointProcedure: 'SITE_SURVEY' },
    { code: 'C', department: 'NRP', jointProcedure: 'DRAWING_REVIEW' },
    { code: 'S', department: 'NRP', jointProcedure: 'SITE_SURVEY', stage: 'START_PERMIT' },
  ]);
  p.open(MON);
  return p;
}

const schedule = (type: JointProcedure, date: string, itemCodes?: string[]): Command => ({
  kind: 'SCHEDULE_JOINT_PROCEDURE',
  type,
  date,
  ...(itemCodes ? { itemCodes } : {}),
});
const record = (department: string, passed = true, procedureId = 'id-1'): Command => ({
  kind: 'RECORD_JOINT_RESULT',
  procedureId,
  department,
  passed,
});

describe('SCHEDULE_JOINT_PROCEDURE', () => {
  it.each([
    ['2026-02-30', 'date: "2026-02-30" is not a real date: February 2026 has days 1 to 28'],
    ['2026-02-11', 'date must be today or later (2026-02-12)'],
  ])('refuses the date %s (INVALID)', (date, message) => {
    const p = reviewing();
    expect(p.refusal(schedule('SITE_SURVEY', date), THU)).toEqual({ code: 'INVALID', message });
  });

  it('refuses when no open item of the stage takes part (CONFLICT)', () => {
    const p = reviewing();
    expect(p.refusal(schedule('ACCEPTANCE', THU), THU)).toEqual({
      code: 'CONFLICT',
      message: 'no open item of stage PLAN takes part in ACCEPTANCE',
    });
  });

  it('refuses an item named that is not on the checklist (NOT_FOUND)', () => {
    const p = reviewing();
    expect(p.refusal(schedule('SITE_SURVEY', THU, ['A', 'X']), THU)).toEqual({
      code: 'NOT_FOUND',
      message: "item X is not on this project's checklist",
    });
  });

  it('refuses when an item is not under review (CONFLICT, naming it)', () => {
    const p = reviewing();
    p.run({ kind: 'DECIDE', itemCode: 'B', action: 'REQUEST_SUPPLEMENT', comment: 'x' }, THU);
    expect(p.refusal(schedule('SITE_SURVEY', THU), THU)).toEqual({
      code: 'CONFLICT',
      message: 'item B is SUPPLEMENT_REQUESTED; a joint procedure needs its items UNDER_REVIEW',
    });
  });

  it('refuses items another scheduled procedure holds (CONFLICT)', () => {
    const p = reviewing();
    p.run(schedule('DRAWING_REVIEW', THU), THU);
    expect(p.refusal(schedule('SURVEYING', THU, ['C']), THU)).toEqual({
      code: 'CONFLICT',
      message: 'joint procedure id-1 (DRAWING_REVIEW) already holds some of these items',
    });
  });

  it('schedules review time: the departments are told, the clocks keep running', () => {
    const p = reviewing();
    const r = p.run(schedule('DRAWING_REVIEW', '2026-02-13'), THU);
    expect(p.state.jointProcedures).toEqual([
      {
        id: 'id-1',
        type: 'DRAWING_REVIEW',
        stage: 'PLAN',
        scheduledFor: '2026-02-13',
        itemCodes: ['C'],
        departments: ['NRP'],
        results: {},
        status: 'SCHEDULED',
      },
    ]);
    expect(p.item('C')).toMatchObject({ status: 'UNDER_REVIEW', intervals: [{ from: MON }] });
    expect(types(r)).toEqual(['JOINT_PROCEDURE_SCHEDULED']);
    expect(r.notices).toEqual([
      expect.objectContaining({
        recipientRole: 'OFFICER',
        department: 'NRP',
        kind: 'JOINT_PROCEDURE_SCHEDULED',
        message: 'Joint drawing review on 2026-02-13 for Test school: C name',
      }),
    ]);
  });

  it('stops the clocks of a site survey; its expected length skips the Spring Festival', () => {
    const p = reviewing();
    const r = p.run(schedule('SITE_SURVEY', '2026-02-24'), THU);
    // Working days in (02-12, 02-24]: 13, Sat 14 (make-up), 24.
    for (const code of ['A', 'B'])
      expect(p.item(code)).toMatchObject({
        status: 'SPECIAL_PROCEDURE',
        intervals: [{ from: MON, to: THU }],
        pauses: [
          { reason: 'SITE_SURVEY', from: THU, expectedDays: 3, note: 'joint site survey id-1' },
        ],
      });
    expect(p.item('S').status).toBe('PENDING');
    expect(p.state.jointProcedures[0]).toMatchObject({
      itemCodes: ['A', 'B'],
      departments: ['DRC', 'NRP'],
    });
    expect(r.events.map((e) => [e.type, e.itemCode, e.clockEffect])).toEqual([
      ['JOINT_PROCEDURE_SCHEDULED', undefined, undefined],
      ['SPECIAL_PROCEDURE_STARTED', 'A', 'STOPPED'],
      ['SPECIAL_PROCEDURE_STARTED', 'B', 'STOPPED'],
    ]);
    expect(r.notices.map((n) => [n.recipientRole, n.department, n.kind])).toEqual([
      ['OFFICER', 'DRC', 'JOINT_PROCEDURE_SCHEDULED'],
      ['OFFICER', 'NRP', 'JOINT_PROCEDURE_SCHEDULED'],
      ['APPLICANT', undefined, 'CLOCK_STOPPED'],
    ]);
    expect(r.notices[2]).toMatchObject({
      expectedDays: 3,
      expectedUntil: '2026-02-24',
      message:
        'A joint site survey is scheduled for 2026-02-24; the clocks of A name, B name stop until every department has recorded its result (art. 45).',
    });
  });

  it('takes the items named instead of all that need the procedure', () => {
    const p = reviewing();
    p.run(schedule('SITE_SURVEY', THU, ['B']), THU);
    expect(p.state.jointProcedures[0].itemCodes).toEqual(['B']);
    expect(p.item('A').status).toBe('UNDER_REVIEW');
    // A stopped survey still counts one day when held the same day.
    expect(p.item('B').pauses[0].expectedDays).toBe(1);
  });
});

describe('RECORD_JOINT_RESULT', () => {
  const surveyed = () => {
    const p = reviewing();
    p.run(schedule('SITE_SURVEY', '2026-02-13'), THU);
    return p;
  };

  it('refuses an unknown procedure (NOT_FOUND)', () => {
    const p = surveyed();
    expect(p.refusal(record('NRP', true, 'nope'), THU)).toEqual({
      code: 'NOT_FOUND',
      message: 'joint procedure nope does not exist',
    });
  });

  it('refuses a department with no item on the project as if the project did not exist', () => {
    const p = surveyed();
    expect(p.refusal(record('HOUSING'), THU)).toEqual({
      code: 'NOT_FOUND',
      message: `project ${p.state.projectId} not found`,
    });
  });

  it('refuses a second result of a department, and any after the procedure is done', () => {
    const p = surveyed();
    p.run(record('NRP'), '2026-02-13');
    expect(p.refusal(record('NRP'), '2026-02-13')).toEqual({
      code: 'CONFLICT',
      message: 'department NRP has already recorded its result',
    });
    p.run(record('DRC'), '2026-02-13');
    expect(p.refusal(record('DRC'), '2026-02-13')).toEqual({
      code: 'CONFLICT',
      message: 'joint procedure id-1 is already done',
    });
  });

  it('refuses a result that is not true or false (INVALID)', () => {
    const p = surveyed();
    const c = { ...record('NRP'), passed: 'yes' } as unknown as Command;
    expect(p.refusal(c, THU)).toEqual({ code: 'INVALID', message: 'passed must be true or false' });
  });

  it('records each result; when all are in, the survey is done and the clocks run again', () => {
    const p = surveyed();
    const first = p.run({ ...record('DRC', false), comment: 'drainage' } as Command, '2026-02-13', {
      by: actors.officer('DRC'),
    });
    expect(types(first)).toEqual(['JOINT_RESULT_RECORDED']);
    expect(first.events[0].detail).toEqual({
      id: 'id-1',
      type: 'SITE_SURVEY',
      department: 'DRC',
      passed: false,
      comment: 'drainage',
    });
    expect(p.item('A').status).toBe('SPECIAL_PROCEDURE');
    expect(p.state.jointProcedures[0].status).toBe('SCHEDULED');

    const last = p.run(record('NRP'), '2026-02-24');
    expect(p.state.jointProcedures[0]).toMatchObject({
      status: 'DONE',
      results: {
        DRC: { passed: false, comment: 'drainage', on: '2026-02-13', by: 'officer.DRC' },
        NRP: { passed: true, on: '2026-02-24', by: 'officer.NRP' },
      },
    });
    expect(last.events.map((e) => [e.type, e.itemCode, e.clockEffect])).toEqual([
      ['JOINT_RESULT_RECORDED', undefined, undefined],
      ['JOINT_PROCEDURE_DONE', undefined, undefined],
      ['SPECIAL_PROCEDURE_ENDED', 'A', 'RESUMED'],
      ['SPECIAL_PROCEDURE_ENDED', 'B', 'RESUMED'],
    ]);
    expect(last.events[1].detail).toEqual({ id: 'id-1', type: 'SITE_SURVEY', passed: false });
    expect(p.item('A')).toMatchObject({
      status: 'UNDER_REVIEW',
      intervals: [{ from: MON, to: THU }, { from: '2026-02-24' }],
      pauses: [{ reason: 'SITE_SURVEY', from: THU, to: '2026-02-24' }],
    });
  });

  it('leaves an item SUSPENDED after the survey when its 容缺 commitment was missed meanwhile', () => {
    const p = reviewing();
    p.run(
      {
        kind: 'DECIDE',
        itemCode: 'A',
        action: 'ACCEPT_WITH_DEFICIENCY',
        deficiency: { description: 'EIA', dueDate: '2026-02-13' },
      },
      THU,
    );
    p.run(schedule('SITE_SURVEY', '2026-02-24'), THU);
    p.tick('2026-02-24');
    p.run(record('NRP', true, 'id-2'), '2026-02-24'); // id-1 is the deficiency's
    const r = p.run(record('DRC', true, 'id-2'), '2026-02-24');
    expect(p.item('A').status).toBe('SUSPENDED');
    expect(p.item('B').status).toBe('UNDER_REVIEW');
    const ended = r.events.filter((e) => e.type === 'SPECIAL_PROCEDURE_ENDED');
    expect(ended.map((e) => [e.itemCode, e.clockEffect])).toEqual([
      ['A', undefined],
      ['B', 'RESUMED'],
    ]);
    expect(r.notices).toEqual([expect.objectContaining({ kind: 'CLOCK_STOPPED', itemCode: 'A' })]);
  });
});
