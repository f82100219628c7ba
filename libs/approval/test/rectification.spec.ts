import { chineseDaysSnapshot } from '../../calendar/src';
import { WorkingDayCalendar } from '../../calendar/src/core';
import {
  type RectificationView,
  rectificationDueAt,
  rectificationDueDate,
  rectificationNotices,
} from '../src';

const cal = WorkingDayCalendar.fromSnapshot(chineseDaysSnapshot());

describe('a rectification is due at the end of the 5th working day after it opened', () => {
  it.each([
    // National Day 2026: 10-01 … 10-07 off, Sat 10-10 a make-up working day.
    ['2026-09-29', '2026-10-12', '2026-10-12T16:00:00.000Z'],
    ['2026-09-30', '2026-10-13', '2026-10-13T16:00:00.000Z'],
    // Opened on a holiday: the days after it count, as for any period.
    ['2026-10-03', '2026-10-13', '2026-10-13T16:00:00.000Z'],
    // Spring Festival 2026: Sat 02-14 a make-up working day, 02-15 … 02-23 off.
    ['2026-02-12', '2026-02-26', '2026-02-26T16:00:00.000Z'],
    ['2026-02-13', '2026-02-27', '2026-02-27T16:00:00.000Z'],
    // An ordinary week: Mon → next Mon.
    ['2026-12-07', '2026-12-14', '2026-12-14T16:00:00.000Z'],
  ])('opened on %s → due %s, OVERDUE from %s', (openedOn, due, overdueAt) => {
    expect(rectificationDueDate(cal, openedOn)).toBe(due);
    expect(new Date(rectificationDueAt(cal, due)).toISOString()).toBe(overdueAt);
  });
});

describe('who is told what', () => {
  const r = {
    projectName: '学校',
    itemName: '用地预审',
    itemCode: 'LAND_PRE_REVIEW',
    department: 'NRP',
    organisation: 'org-a',
    score: 1,
    dueDate: '2026-10-12',
  } as RectificationView;
  const to = (kind: Parameters<typeof rectificationNotices>[1]) =>
    rectificationNotices(r, kind).map((n) => [n.recipientRole, n.department ?? n.organisation]);

  it('the head on opening, the supervisor and the head when overdue or disputed, the applicant on a response', () => {
    expect(to('RECTIFICATION_OPENED')).toEqual([['DEPARTMENT_HEAD', 'NRP']]);
    expect(to('RECTIFICATION_OVERDUE')).toEqual([
      ['SUPERVISOR', undefined],
      ['DEPARTMENT_HEAD', 'NRP'],
    ]);
    expect(to('RECTIFICATION_DISPUTED')).toEqual([
      ['SUPERVISOR', undefined],
      ['DEPARTMENT_HEAD', 'NRP'],
    ]);
    expect(to('RECTIFICATION_RESPONDED')).toEqual([['APPLICANT', 'org-a']]);
    expect(rectificationNotices(r, 'RECTIFICATION_OPENED')[0].message).toContain('2026-10-12');
  });
});
