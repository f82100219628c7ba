import { ListTotals } from './list-totals';

describe('ListTotals: a full page’s total, reused for a few seconds per filter', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-02T01:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  const counter = (...answers: number[]) => {
    const count = jest.fn(() => Promise.resolve(answers.shift() ?? -1));
    return count;
  };

  it('counts once per filter within the time, again after it', async () => {
    const totals = new ListTotals({ listTotalCacheSeconds: 5 });
    const count = counter(120, 121);
    expect(await totals.through('risk=AT_RISK', count)).toBe(120);
    jest.advanceTimersByTime(4_999);
    expect(await totals.through('risk=AT_RISK', count)).toBe(120);
    expect(count).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1);
    expect(await totals.through('risk=AT_RISK', count)).toBe(121);
    expect(count).toHaveBeenCalledTimes(2);
  });

  it('keeps filters apart, and shares one count between concurrent requests', async () => {
    const totals = new ListTotals({ listTotalCacheSeconds: 5 });
    const a = counter(7);
    const b = counter(9);
    const [x, y, z] = await Promise.all([
      totals.through('stage=PLAN', a),
      totals.through('stage=PLAN', a),
      totals.through('stage=PERMIT', b),
    ]);
    expect([x, y, z]).toEqual([7, 7, 9]);
    expect(a).toHaveBeenCalledTimes(1);
  });

  it('does not remember a failed count', async () => {
    const totals = new ListTotals({ listTotalCacheSeconds: 5 });
    const fail = jest.fn(() => Promise.reject(new Error('connection refused')));
    await expect(totals.through('k', fail)).rejects.toThrow('connection refused');
    expect(await totals.through('k', counter(3))).toBe(3);
  });

  it('counts on every request when the time is 0', async () => {
    const totals = new ListTotals({ listTotalCacheSeconds: 0 });
    const count = counter(1, 2);
    expect(await totals.through('k', count)).toBe(1);
    expect(await totals.through('k', count)).toBe(2);
  });
});
