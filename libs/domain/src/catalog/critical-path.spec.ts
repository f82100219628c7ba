import fc from 'fast-check';
import { STAGE_CODES, type StageCode } from '../project-types';
import { criticalPath, type PathItem } from './critical-path';

const item = (
  code: string,
  stage: StageCode,
  limitDays: number,
  prerequisites: string[] = [],
): PathItem => ({
  code,
  stage,
  limitDays,
  prerequisites,
});

describe('criticalPath', () => {
  it('takes the longest item of a stage when its items run in parallel', () => {
    const path = criticalPath([item('A', 'PLAN', 3), item('B', 'PLAN', 7), item('C', 'PLAN', 5)]);
    expect(path.stages[0]).toEqual({ stage: 'PLAN', days: 7, itemCodes: ['B'] });
    expect(path.totalDays).toBe(7);
  });

  it('adds up a prerequisite chain inside a stage and follows the longest branch', () => {
    const path = criticalPath([
      item('PROPOSAL', 'PLAN', 3),
      item('ENERGY', 'PLAN', 5),
      item('FEASIBILITY', 'PLAN', 10, ['PROPOSAL', 'ENERGY']),
      item('LAND', 'PLAN', 12),
    ]);
    expect(path.stages[0]).toEqual({
      stage: 'PLAN',
      days: 15,
      itemCodes: ['ENERGY', 'FEASIBILITY'],
    });
  });

  it('sums the stages, which run one after another, and reports empty stages as 0', () => {
    const path = criticalPath([
      item('A', 'PLAN', 4),
      item('B', 'COMPLETION', 2),
      item('C', 'COMPLETION', 3, ['B']),
    ]);
    expect(path.stages.map((s) => [s.stage, s.days])).toEqual([
      ['PLAN', 4],
      ['START_PERMIT', 0],
      ['COMPLETION', 5],
    ]);
    expect(path.totalDays).toBe(9);
  });

  it('ignores prerequisites that are not in the list or sit in an earlier stage', () => {
    const path = criticalPath([
      item('A', 'PLAN', 4),
      item('B', 'START_PERMIT', 2, ['A', 'WAIVED_ITEM']),
    ]);
    expect(path.stages[1]).toEqual({ stage: 'START_PERMIT', days: 2, itemCodes: ['B'] });
    expect(path.totalDays).toBe(6);
  });

  it('projects the remaining process from days left (0 for items already done)', () => {
    const path = criticalPath([
      item('DONE', 'COMPLETION', 0),
      item('OPEN', 'COMPLETION', 2, ['DONE']),
      item('NEXT', 'COMPLETION', 3, ['OPEN']),
    ]);
    expect(path.totalDays).toBe(5);
  });

  it('refuses a cycle, a duplicate and a negative or fractional limit', () => {
    expect(() => criticalPath([item('A', 'PLAN', 1, ['B']), item('B', 'PLAN', 1, ['A'])])).toThrow(
      /cycle/,
    );
    expect(() => criticalPath([item('A', 'PLAN', 1), item('A', 'PLAN', 2)])).toThrow(
      /listed twice/,
    );
    expect(() => criticalPath([item('A', 'PLAN', -1)])).toThrow(/non-negative whole number/);
    expect(() => criticalPath([item('A', 'PLAN', 1.5)])).toThrow(/non-negative whole number/);
  });

  it('per stage, lies between the longest single item and the sum of the stage (property)', () => {
    // Random DAGs: an item may only depend on items generated before it.
    const dag = fc
      .array(
        fc.record({
          stage: fc.constantFrom(...STAGE_CODES),
          limitDays: fc.integer({ min: 0, max: 30 }),
          deps: fc.array(fc.nat(), { maxLength: 3 }),
        }),
        { maxLength: 25 },
      )
      .map((rows) =>
        rows.map((row, i) =>
          item(`I${i}`, row.stage, row.limitDays, i === 0 ? [] : row.deps.map((d) => `I${d % i}`)),
        ),
      );
    fc.assert(
      fc.property(dag, (items) => {
        const path = criticalPath(items);
        for (const stage of path.stages) {
          const own = items.filter((i) => i.stage === stage.stage);
          const longest = Math.max(0, ...own.map((i) => i.limitDays));
          const sum = own.reduce((s, i) => s + i.limitDays, 0);
          expect(stage.days).toBeGreaterThanOrEqual(longest);
          expect(stage.days).toBeLessThanOrEqual(sum);
          // The reported chain is a real chain of the stage and has the reported length.
          const chain = stage.itemCodes.map((c) => items.find((i) => i.code === c)!);
          expect(chain.reduce((s, i) => s + i.limitDays, 0)).toBe(stage.days);
          chain.forEach((link, k) => {
            expect(link.stage).toBe(stage.stage);
            if (k > 0) expect(link.prerequisites).toContain(chain[k - 1].code);
          });
        }
        expect(path.totalDays).toBe(path.stages.reduce((s, st) => s + st.days, 0));
      }),
    );
  });

  it('never shrinks when an item is added (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            stage: fc.constantFrom(...STAGE_CODES),
            days: fc.integer({ min: 0, max: 20 }),
          }),
          {
            minLength: 1,
            maxLength: 15,
          },
        ),
        (rows) => {
          const items = rows.map((r, i) =>
            item(`I${i}`, r.stage, r.days, i > 0 ? [`I${i - 1}`] : []),
          );
          const withoutLast = criticalPath(items.slice(0, -1)).totalDays;
          expect(criticalPath(items).totalDays).toBeGreaterThanOrEqual(withoutLast);
        },
      ),
    );
  });
});
