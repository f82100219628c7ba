import { computeItemClocks } from '../../src';
import { Project, cal } from '../fixture';

const MON = '2026-02-09';

describe('GRANT_EXTENSION', () => {
  const grant = (days: number, reason = 'complex site') =>
    ({ kind: 'GRANT_EXTENSION', itemCode: 'A', days, reason }) as const;

  it('refuses an item not under review yet (CONFLICT, naming the status)', () => {
    const p = new Project([{ code: 'A' }]);
    expect(p.refusal(grant(2), MON)).toEqual({
      code: 'CONFLICT',
      message: 'item A is PENDING; only an item under review can be extended',
    });
    p.run({ kind: 'SUBMIT_STAGE', stage: 'PLAN' }, MON);
    expect(p.refusal(grant(2), MON).message).toMatch(/^item A is SUBMITTED;/);
  });

  it('refuses a decided item (CONFLICT)', () => {
    const p = new Project([{ code: 'A' }, { code: 'B' }]);
    p.open(MON);
    p.run({ kind: 'DECIDE', itemCode: 'A', action: 'APPROVE' }, MON);
    expect(p.refusal(grant(2), MON).message).toBe(
      'item A is APPROVED; only an item under review can be extended',
    );
  });

  it.each([0, -1, 1.5])('refuses %s days (INVALID)', (days) => {
    const p = new Project([{ code: 'A' }]);
    p.open(MON);
    expect(p.refusal(grant(days), MON)).toEqual({
      code: 'INVALID',
      message: 'days must be a whole number of working days, at least 1',
    });
  });

  it('refuses more than 10 days in all (art. 42, CONFLICT)', () => {
    const p = new Project([{ code: 'A' }]);
    p.open(MON);
    p.run(grant(7), MON);
    expect(p.refusal(grant(4), MON)).toEqual({
      code: 'CONFLICT',
      message: 'item A already has 7 extension days; art. 42 allows 10 in all',
    });
    p.run(grant(3), MON);
    expect(p.item('A').extensionDays).toBe(10);
  });

  it('needs a reason (INVALID)', () => {
    const p = new Project([{ code: 'A' }]);
    p.open(MON);
    expect(p.refusal(grant(2, ''), MON)).toEqual({
      code: 'INVALID',
      message: 'reason is required',
    });
  });

  it('extends the limit, also of a stopped item; the due date moves across the holiday', () => {
    const p = new Project([{ code: 'A', limitDays: 5 }]);
    p.open(MON);
    // 5 working days after Mon 02-09: 10, 11, 12, 13, Sat 14 (make-up working day).
    expect(computeItemClocks(p.state, cal, MON).get('A')?.dueDate).toBe('2026-02-14');
    const r = p.run(grant(2), '2026-02-10');
    expect(p.item('A').extensionDays).toBe(2);
    // Then 02-15 … 02-23 are off: 02-24, 02-25.
    expect(computeItemClocks(p.state, cal, '2026-02-10').get('A')).toMatchObject({
      limitDays: 7,
      dueDate: '2026-02-25',
    });
    expect(r.events).toEqual([
      expect.objectContaining({
        type: 'EXTENSION_GRANTED',
        actor: 'head.NRP',
        detail: { days: 2, reason: 'complex site' },
        clockEffect: 'EXTENDED',
      }),
    ]);
    p.run(
      { kind: 'DECIDE', itemCode: 'A', action: 'REQUEST_SUPPLEMENT', comment: 'x' },
      '2026-02-10',
    );
    p.run(grant(1), '2026-02-11');
    expect(p.item('A').extensionDays).toBe(3);
  });
});
