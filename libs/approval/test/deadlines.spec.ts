import { nextDeadline, wakeDelayMs } from '../src';
import { Project, at, cal, types } from './fixture';

const MON = '2026-02-09';
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const next = (p: Project, day: string) => iso(nextDeadline(p.state, cal, day, Date.parse(at(day))));

/**
 * Spring Festival 2026: Sat 02-14 is a make-up working day, 02-15 … 02-23 are off. An item of
 * 8 working days accepted Mon 02-09: the warning threshold (5 of 8) is reached on 02-14, the
 * limit on 02-26.
 */
describe('evaluateDeadlines: warning and overdue across the Spring Festival', () => {
  const project = () => {
    const p = new Project([{ code: 'A', department: 'NRP', limitDays: 8 }]);
    p.open(MON);
    return p;
  };

  it('wakes at the start of the warning day, then at the end of the due day', () => {
    const p = project();
    expect(next(p, MON)).toBe('2026-02-13T16:00:00.000Z'); // 02-14 00:00 in Beijing
    p.tick('2026-02-14');
    expect(next(p, '2026-02-14')).toBe('2026-02-26T16:00:00.000Z'); // 02-26 24:00 in Beijing
  });

  it('with a spread, wakes for a risk instant later by a share fixed by the project id', () => {
    const p = project();
    const spread = 2 * 3600_000;
    const delay = wakeDelayMs(p.state.projectId, spread);
    expect(delay).toBe(wakeDelayMs(p.state.projectId, spread)); // the same on every replay
    expect(delay).toBeGreaterThanOrEqual(0);
    expect(delay).toBeLessThan(spread);
    expect(iso(nextDeadline(p.state, cal, MON, Date.parse(at(MON)), delay))).toBe(
      new Date(Date.parse('2026-02-13T16:00:00.000Z') + delay).toISOString(),
    );
    // Ids spread over the window rather than bunching at its start.
    const delays = Array.from({ length: 1000 }, (_, i) =>
      wakeDelayMs(`0b8e0000-0000-4000-8000-${String(i).padStart(12, '0')}`, spread),
    );
    const quarters = [0, 1, 2, 3].map(
      (q) => delays.filter((d) => Math.floor((d / spread) * 4) === q).length,
    );
    for (const n of quarters) expect(n).toBeGreaterThan(180);
  });

  it('keys each crossing by its item, round and due date, and each notice by its recipient', () => {
    const p = project();
    const t = p.tick('2026-02-14');
    expect(t.events.map((e) => e.key)).toEqual([
      'ITEM_AT_RISK|A|1|2026-02-26',
      expect.stringMatching(/^PROJECT_AT_RISK\|/),
    ]);
    expect(t.notices.map((n) => n.key)).toEqual(['ITEM_AT_RISK|A|1|2026-02-26|OFFICER|NRP']);
  });

  it('warns the officer on the make-up Saturday, not before', () => {
    const p = project();
    expect(p.tick('2026-02-13').events).toEqual([]);
    const t = p.tick('2026-02-14');
    expect(p.item('A').risk).toBe('AT_RISK');
    expect(types(t)).toEqual(['ITEM_AT_RISK', 'PROJECT_AT_RISK']);
    expect(t.events[0]).toMatchObject({
      itemCode: 'A',
      actor: 'system',
      role: 'SYSTEM',
      detail: { usedDays: 5, limitDays: 8, dueDate: '2026-02-26' },
    });
    // The project is at risk through its item, but its own clock (5 of 80) does not warn.
    expect(t.notices).toEqual([
      expect.objectContaining({
        recipientRole: 'OFFICER',
        department: 'NRP',
        kind: 'WARNING',
        itemCode: 'A',
        message: 'Test school: A name has used 5 of 8 working days; due 2026-02-26.',
      }),
    ]);
    // Once: the holiday changes nothing, and the due day itself is not overdue.
    expect(p.tick('2026-02-20').events).toEqual([]);
    expect(p.tick('2026-02-26').events).toEqual([]);
  });

  it('escalates to the department head and the supervisor the day after the due day', () => {
    const p = project();
    p.tick('2026-02-14');
    const t = p.tick('2026-02-27');
    expect(p.item('A').risk).toBe('OVERDUE');
    expect(p.state.risk).toBe('OVERDUE');
    expect(types(t)).toEqual(['ITEM_OVERDUE', 'PROJECT_OVERDUE']);
    expect(t.notices.map((n) => [n.recipientRole, n.kind])).toEqual([
      ['DEPARTMENT_HEAD', 'OVERDUE_ESCALATION'],
      ['SUPERVISOR', 'OVERDUE_ESCALATION'],
      ['SUPERVISOR', 'OVERDUE_ESCALATION'],
    ]);
    expect(t.notices[0].message).toBe(
      'Test school: A name (Natural Resources and Planning Bureau) is 1 working day overdue (limit 8 working days, due 2026-02-26).',
    );
    expect(t.notices[2].message).toBe(
      'Test school: 9 of 80 working days used on the project clock.',
    );
    expect(p.tick('2026-02-28').events).toEqual([]);
  });

  it('has no instant for a stopped item: pausing removes its warning and due', () => {
    const p = project();
    p.run(
      { kind: 'DECIDE', itemCode: 'A', action: 'REQUEST_SUPPLEMENT', comment: 'x' },
      '2026-02-12',
    );
    expect(next(p, '2026-02-12')).toBeUndefined();
    expect(p.tick('2026-03-31').events).toEqual([]);
    p.run({ kind: 'ANSWER_SUPPLEMENT', itemCode: 'A' }, '2026-02-25');
    // Resumed with 5 days left: warning at 5 used (02-27), due 03-03.
    expect(next(p, '2026-02-25')).toBe('2026-02-26T16:00:00.000Z');
    p.tick('2026-02-27');
    expect(next(p, '2026-02-27')).toBe('2026-03-03T16:00:00.000Z');
  });

  it('lowers the risk after an extension without telling anyone again', () => {
    const p = project();
    p.tick('2026-02-14');
    p.run({ kind: 'GRANT_EXTENSION', itemCode: 'A', days: 5, reason: 'complex' }, '2026-02-24');
    const t = p.tick('2026-02-24');
    expect(p.item('A').risk).toBe('ON_TRACK');
    expect(t.events).toEqual([]);
    expect(t.notices).toEqual([]);
  });

  it('does nothing once the project has ended', () => {
    const p = project();
    p.run({ kind: 'WITHDRAW_PROJECT' }, '2026-02-10');
    expect(p.tick('2026-03-31').events).toEqual([]);
    expect(next(p, '2026-02-10')).toBeUndefined();
  });
});

describe("evaluateDeadlines: the project's own clock", () => {
  it('warns the supervisor when the project clock reaches its threshold, and escalates past its limit', () => {
    const p = new Project([{ code: 'A', limitDays: 20 }], { limitDays: 5 });
    p.open(MON);
    // Project threshold: 2 of 5 (3 days left comes before 80%).
    expect(next(p, MON)).toBe('2026-02-10T16:00:00.000Z');
    expect(p.tick('2026-02-10').events).toEqual([]);
    const w = p.tick('2026-02-11');
    expect(types(w)).toEqual(['PROJECT_AT_RISK']);
    expect(w.notices).toEqual([
      expect.objectContaining({
        recipientRole: 'SUPERVISOR',
        kind: 'WARNING',
        message: 'Test school: 2 of 5 working days used on the project clock.',
      }),
    ]);
    expect(p.item('A').risk).toBe('ON_TRACK');
    expect(next(p, '2026-02-11')).toBe('2026-02-14T16:00:00.000Z'); // end of Sat 02-14
    const o = p.tick('2026-02-24');
    expect(types(o)).toEqual(['PROJECT_OVERDUE']);
    expect(o.notices.map((n) => [n.recipientRole, n.kind])).toEqual([
      ['SUPERVISOR', 'OVERDUE_ESCALATION'],
    ]);
  });
});

describe('evaluateDeadlines: a missed 容缺 commitment', () => {
  const committed = (dueDate: string) => {
    const p = new Project([{ code: 'A', department: 'NRP', limitDays: 10 }]);
    p.open(MON);
    p.run(
      {
        kind: 'DECIDE',
        itemCode: 'A',
        action: 'ACCEPT_WITH_DEFICIENCY',
        deficiency: { description: 'EIA report', dueDate },
      },
      MON,
    );
    return p;
  };

  it('wakes at the end of the committed day', () => {
    const p = committed('2026-02-12');
    expect(next(p, MON)).toBe('2026-02-12T16:00:00.000Z');
    // A missed commitment stops the item's clock: no spread delays it.
    expect(iso(nextDeadline(p.state, cal, MON, Date.parse(at(MON)), 3600_000))).toBe(
      '2026-02-12T16:00:00.000Z',
    );
    expect(p.tick('2026-02-12').events).toEqual([]);
    expect(p.item('A').deficiencies[0].status).toBe('OPEN');
  });

  it('suspends the item from the committed day: its clock stops there, over the holiday too', () => {
    const p = committed('2026-02-13');
    const t = p.tick('2026-02-20'); // woken late, in the holiday
    expect(p.item('A')).toMatchObject({
      status: 'SUSPENDED',
      risk: 'AT_RISK',
      intervals: [{ from: MON, to: '2026-02-13' }],
      pauses: [{ reason: 'DEFICIENCY_OVERDUE', from: '2026-02-13', note: 'EIA report' }],
      deficiencies: [{ status: 'MISSED' }],
    });
    // Sat 02-14 (make-up) is after the commitment: not counted.
    expect(p.tick('2026-02-24').events).toEqual([]);
    expect(types(t)).toEqual(['DEFICIENCY_MISSED', 'ITEM_AT_RISK', 'PROJECT_AT_RISK']);
    expect(t.events[0]).toMatchObject({
      detail: { description: 'EIA report', dueDate: '2026-02-13' },
      clockEffect: 'STOPPED',
    });
    expect(t.notices.slice(0, 2)).toEqual([
      expect.objectContaining({
        recipientRole: 'APPLICANT',
        organisation: 'org-a',
        kind: 'DEFICIENCY_MISSED',
        message:
          '"EIA report" for A name was due on 2026-02-13 and has not arrived: the item is suspended and its clock stopped until you deliver it.',
      }),
      expect.objectContaining({
        recipientRole: 'OFFICER',
        department: 'NRP',
        kind: 'DEFICIENCY_MISSED',
        message: 'Test school: A name suspended, committed materials missing since 2026-02-13.',
      }),
    ]);
    expect(next(p, '2026-02-24')).toBeUndefined();
  });

  it('marks the commitment missed without a second stop while the item waits for a supplement', () => {
    const p = committed('2026-02-12');
    p.run(
      { kind: 'DECIDE', itemCode: 'A', action: 'REQUEST_SUPPLEMENT', comment: 'x' },
      '2026-02-10',
    );
    const t = p.tick('2026-02-13');
    expect(p.item('A').status).toBe('SUPPLEMENT_REQUESTED');
    expect(p.item('A').deficiencies[0].status).toBe('MISSED');
    expect(p.item('A').pauses).toHaveLength(1);
    expect(t.events[0]).toMatchObject({ type: 'DEFICIENCY_MISSED' });
    expect(t.events[0].clockEffect).toBeUndefined();
  });
});
