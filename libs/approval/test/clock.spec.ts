import { computeItemClocks, itemClock, projectClock, stageUsedDays } from '../src';
import { Project, cal } from './fixture';

const clockOf = (p: Project, code: string, today: string) =>
  itemClock(p.item(code), cal, today, p.state.warning);

describe('the item clock (art. 82: working days in (start, today])', () => {
  it('does not count the day of acceptance; counts today', () => {
    const p = new Project([{ code: 'A', limitDays: 8 }]);
    p.open('2026-02-09');
    expect(clockOf(p, 'A', '2026-02-09')).toMatchObject({ usedDays: 0, running: true });
    expect(clockOf(p, 'A', '2026-02-10')).toMatchObject({ usedDays: 1, remainingDays: 7 });
    // Sat 02-14 is a make-up working day; 02-15 … 02-23 are the Spring Festival.
    expect(clockOf(p, 'A', '2026-02-14').usedDays).toBe(5);
    expect(clockOf(p, 'A', '2026-02-23').usedDays).toBe(5);
    expect(clockOf(p, 'A', '2026-02-09')).toMatchObject({
      dueDate: '2026-02-26',
      warnDate: '2026-02-14',
    });
  });

  it('pauses for a supplement over the Spring Festival and resumes with the days left', () => {
    const p = new Project([{ code: 'A', limitDays: 8 }]);
    p.open('2026-02-09');
    p.run(
      { kind: 'DECIDE', itemCode: 'A', action: 'REQUEST_SUPPLEMENT', comment: 'stamp' },
      '2026-02-12',
    );
    // Stopped: 10, 11, 12 used; no due date while the applicant has the file.
    expect(clockOf(p, 'A', '2026-02-20')).toMatchObject({
      usedDays: 3,
      remainingDays: 5,
      running: false,
      dueDate: null,
      warnDate: null,
    });
    expect(projectClock(p.state, cal, '2026-02-20')).toMatchObject({ usedDays: 3, pausedDays: 2 });

    p.run({ kind: 'ANSWER_SUPPLEMENT', itemCode: 'A' }, '2026-02-25');
    // Paused (02-12, 02-25]: 13, Sat 14, 24, 25. Five days left from 02-25: 26, 27, Sat 28
    // (make-up), 03-02, 03-03.
    expect(clockOf(p, 'A', '2026-02-25')).toMatchObject({
      usedDays: 3,
      running: true,
      dueDate: '2026-03-03',
      warnDate: '2026-02-27',
      risk: 'ON_TRACK',
    });
    expect(projectClock(p.state, cal, '2026-02-25')).toMatchObject({ usedDays: 3, pausedDays: 4 });
    expect(clockOf(p, 'A', '2026-03-03')).toMatchObject({ usedDays: 8, risk: 'AT_RISK' });
    expect(clockOf(p, 'A', '2026-03-04')).toMatchObject({ usedDays: 9, risk: 'OVERDUE' });
  });

  it('pauses for a special procedure over National Day and resumes when it ends', () => {
    const p = new Project([{ code: 'A', limitDays: 10 }]);
    p.open('2026-09-21');
    p.run(
      {
        kind: 'DECIDE',
        itemCode: 'A',
        action: 'START_SPECIAL_PROCEDURE',
        procedure: { type: 'PUBLIC_NOTICE', expectedDays: 5 },
      },
      '2026-09-29',
    );
    // (09-21, 09-29]: 22, 23, 24, 28, 29 (Fri 09-25 is Mid-Autumn).
    expect(clockOf(p, 'A', '2026-10-05')).toMatchObject({ usedDays: 5, running: false });
    p.run({ kind: 'DECIDE', itemCode: 'A', action: 'END_SPECIAL_PROCEDURE' }, '2026-10-12');
    // Paused (09-29, 10-12]: 30, 10-08, 10-09, Sat 10-10 (make-up), 10-12.
    expect(projectClock(p.state, cal, '2026-10-12')).toMatchObject({ usedDays: 5, pausedDays: 5 });
    // Five left from 10-12: 13, 14, 15, 16, 19.
    expect(clockOf(p, 'A', '2026-10-12')).toMatchObject({ usedDays: 5, dueDate: '2026-10-19' });
    expect(clockOf(p, 'A', '2026-10-19').usedDays).toBe(10);
  });

  it('starts afresh in a new round; the project clock keeps the earlier round', () => {
    const p = new Project([{ code: 'A', limitDays: 8 }]);
    p.open('2026-02-09');
    p.run({ kind: 'DECIDE', itemCode: 'A', action: 'REJECT', comment: 'no' }, '2026-02-12');
    expect(clockOf(p, 'A', '2026-02-13')).toMatchObject({ usedDays: 3, running: false });
    p.run({ kind: 'RESUBMIT_ITEM', itemCode: 'A' }, '2026-02-24');
    expect(clockOf(p, 'A', '2026-02-25')).toMatchObject({ usedDays: 1, dueDate: '2026-03-05' });
    expect(projectClock(p.state, cal, '2026-02-25').usedDays).toBe(4);
  });
});

describe('the project clock', () => {
  it('counts a day once however many items ran on it, and a day paused if any item was', () => {
    const p = new Project([
      { code: 'A', limitDays: 8 },
      { code: 'B', limitDays: 8 },
      { code: 'C', limitDays: 8, stage: 'START_PERMIT' },
    ]);
    p.open('2026-02-09');
    p.run({ kind: 'DECIDE', itemCode: 'A', action: 'APPROVE' }, '2026-02-11');
    p.run(
      { kind: 'DECIDE', itemCode: 'B', action: 'REQUEST_SUPPLEMENT', comment: 'x' },
      '2026-02-12',
    );
    const clocks = computeItemClocks(p.state, cal, '2026-02-13');
    expect([clocks.get('A')?.usedDays, clocks.get('B')?.usedDays]).toEqual([2, 3]);
    expect(projectClock(p.state, cal, '2026-02-13', clocks)).toMatchObject({
      usedDays: 3,
      pausedDays: 1,
      remainingDays: 77,
      dueDate: null, // nothing runs
    });
    expect(stageUsedDays(p.state, 'PLAN', cal, '2026-02-13')).toBe(3);
    p.run({ kind: 'ANSWER_SUPPLEMENT', itemCode: 'B' }, '2026-02-13');
    // 77 working days from 02-13, the Spring Festival skipped.
    expect(projectClock(p.state, cal, '2026-02-13').dueDate).toBe(
      cal.addWorkingDays('2026-02-13', 77).date,
    );
  });
});

describe('an overdue project’s due date', () => {
  it('is the working day its limit ran out, not today, and it says by how many days', () => {
    // Project limit 12 (simple low-risk), one item of 20 days accepted Fri 2026-09-25.
    const p = new Project([{ code: 'A', limitDays: 20 }], { limitDays: 12 });
    p.open('2026-09-25');
    // 12 working days from 09-25 across National Day (10-01 … 10-08; Sun 09-27 and Sat 10-10
    // are make-up working days): 09-27, 28, 29, 30, 10-09, 10, 12, 13, 14, 15, 16, 19.
    const within = projectClock(p.state, cal, '2026-10-09');
    expect(within).toMatchObject({ usedDays: 5, overdueDays: 0, dueDate: '2026-10-19' });
    const reached = projectClock(p.state, cal, '2026-10-19');
    expect(reached).toMatchObject({ usedDays: 12, overdueDays: 0, dueDate: '2026-10-19' });
    const late = projectClock(p.state, cal, '2026-10-23');
    expect(late).toMatchObject({
      usedDays: 16,
      overdueDays: 4,
      dueDate: '2026-10-19',
      risk: 'OVERDUE',
    });
    // Still the same day once the item's clock stops for a supplement.
    p.run(
      { kind: 'DECIDE', itemCode: 'A', action: 'REQUEST_SUPPLEMENT', comment: 'x' },
      '2026-10-23',
    );
    expect(projectClock(p.state, cal, '2026-11-02')).toMatchObject({
      usedDays: 16,
      overdueDays: 4,
      dueDate: '2026-10-19',
    });
  });
});
