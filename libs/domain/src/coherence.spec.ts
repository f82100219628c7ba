import { allAnswerCombinations } from '../test/answers-space';
import { defaultCatalog, promisedLimitFor } from './catalog/catalog';
import { criticalPath } from './catalog/critical-path';
import { policyFor } from './policy/policies';
import { warningThresholdDays } from './policy/warning';
import { PROJECT_TYPES, STAGE_CODES } from './project-types';
import { AnswersValidationError } from './questionnaire/answers';
import { checklist, checklistItems, type Checklist } from './questionnaire/checklist';

/*
 * The default catalog and policies must agree: whatever a project answers, if every item takes
 * its full promised limit the project finishes before its clock turns AT_RISK (used days stay
 * below the warning threshold), and every stage fits its budget. "With margin" therefore means
 * more than the warning margin: over 3 working days and over 20% of the limit left.
 */

const lists: Checklist[] = [];
for (const answers of allAnswerCombinations()) {
  try {
    lists.push(checklist(answers));
  } catch (error) {
    if (!(error instanceof AnswersValidationError)) throw error;
  }
}

describe('coherence of the default catalog with the default policies', () => {
  it('enumerates every valid combination of answers', () => {
    // 3·3·2·3·2·2·2·8·4·2 = 27,648 combinations, 9,216 per project type. Of the low-risk ones
    // only those without a special fire project and without an EIA report are valid: 1/2 · 2/3.
    expect(lists.length).toBe(9_216 * 2 + 9_216 / 3);
    expect(PROJECT_TYPES.every((t) => lists.some((l) => l.projectType === t))).toBe(true);
  });

  describe.each(PROJECT_TYPES)('%s', (type) => {
    const policy = policyFor(type);
    const own = lists.filter((l) => l.projectType === type);
    const threshold = warningThresholdDays(policy.limitDays, policy.warning);

    it('the critical path of every checklist fits the limit with margin', () => {
      const longest = Math.max(...own.map((l) => l.criticalPathDays));
      expect(longest).toBeLessThan(threshold);
      expect(policy.limitDays - longest).toBeGreaterThanOrEqual(3);
    });

    it('the largest possible checklist (every item any answer can require) fits too', () => {
      const codes = new Set(own.flatMap((l) => checklistItems(l).map((i) => i.code)));
      const union = defaultCatalog.items
        .filter((i) => codes.has(i.code))
        .map((i) => ({ ...i, limitDays: promisedLimitFor(i, type) }));
      const path = criticalPath(union);
      expect(path.totalDays).toBeLessThan(threshold);
      for (const stage of path.stages) {
        expect(stage.days).toBeLessThanOrEqual(
          policy.stageBudgets?.[stage.stage] ?? policy.limitDays,
        );
      }
    });

    it('every stage of every checklist fits its budget', () => {
      for (const stage of STAGE_CODES) {
        const longest = Math.max(
          ...own.map((l) => l.stages.find((s) => s.code === stage)!.criticalPathDays),
        );
        expect(longest).toBeLessThanOrEqual(policy.stageBudgets![stage]!);
      }
    });
  });

  it('every catalog item is required by some answers, and every waiver can happen', () => {
    const required = new Set(lists.flatMap((l) => checklistItems(l).map((i) => i.code)));
    const waived = new Set(lists.flatMap((l) => l.waived.map((w) => w.code)));
    for (const item of defaultCatalog.items) {
      expect(required.has(item.code) ? item.code : `${item.code} never required`).toBe(item.code);
      if (item.waivedWhen)
        expect(waived.has(item.code) ? item.code : `${item.code} never waived`).toBe(item.code);
    }
  });
});
