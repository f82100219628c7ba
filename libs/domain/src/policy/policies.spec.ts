import { clone } from '../../test/answers-space';
import { PROJECT_TYPES } from '../project-types';
import {
  PolicyValidationError,
  defaultPolicies,
  loadPolicies,
  overridePolicies,
  policyFor,
} from './policies';

function refusal(data: unknown): PolicyValidationError {
  try {
    loadPolicies(data);
  } catch (error) {
    if (error instanceof PolicyValidationError) return error;
    throw error;
  }
  throw new Error('expected the policies to be refused');
}

describe('default policies', () => {
  it('limit the three project types to 80, 35 and 12 working days with the default warning', () => {
    expect(PROJECT_TYPES.map((t) => policyFor(t).limitDays)).toEqual([80, 35, 12]);
    for (const type of PROJECT_TYPES)
      expect(policyFor(type).warning).toEqual({ usedPercent: 80, daysLeft: 3 });
  });

  it('split each limit into stage budgets that add up to it', () => {
    for (const type of PROJECT_TYPES) {
      const { stageBudgets, limitDays } = policyFor(type);
      expect(Object.keys(stageBudgets!)).toEqual(['PLAN', 'START_PERMIT', 'COMPLETION']);
      expect(Object.values(stageBudgets!).reduce((a, b) => a + b, 0)).toBe(limitDays);
    }
  });
});

describe('overridePolicies', () => {
  it('lets a region shorten a limit and change the warning while keeping the rest', () => {
    const regional = overridePolicies(defaultPolicies, {
      version: 'lufeng-2021',
      byType: {
        SOCIAL_INVESTMENT: { limitDays: 30, stageBudgets: null, warning: { daysLeft: 5 } },
      },
    });
    expect(regional.version).toBe('lufeng-2021');
    expect(regional.byType.SOCIAL_INVESTMENT).toEqual({
      limitDays: 30,
      stageBudgets: null,
      warning: { usedPercent: 80, daysLeft: 5 },
    });
    expect(regional.byType.GOVERNMENT_INVESTED).toEqual(defaultPolicies.byType.GOVERNMENT_INVESTED);
    expect(defaultPolicies.byType.SOCIAL_INVESTMENT.limitDays).toBe(35);
  });

  it('refuses budgets that no longer fit a shortened limit, naming the type', () => {
    expect(() =>
      overridePolicies(defaultPolicies, {
        version: 'r',
        byType: { GOVERNMENT_INVESTED: { limitDays: 60 } },
      }),
    ).toThrow('GOVERNMENT_INVESTED.stageBudgets: add up to 80, more than the limit 60');
  });

  it('refuses an unknown project type', () => {
    expect(() =>
      overridePolicies(defaultPolicies, {
        version: 'r',
        byType: { MILITARY: { limitDays: 5 } } as never,
      }),
    ).toThrow('MILITARY: unknown project type');
  });
});

describe('loadPolicies refusals name the entry', () => {
  const data = () =>
    clone(defaultPolicies) as unknown as {
      version: string;
      byType: Record<string, Record<string, unknown>>;
    };

  it('refuses limits that are not positive whole numbers and a missing type', () => {
    const d = data();
    d.byType.SOCIAL_INVESTMENT.limitDays = 0;
    d.byType.GOVERNMENT_INVESTED.limitDays = 79.5;
    delete d.byType.SIMPLE_LOW_RISK;
    expect(refusal(d).issues.map((i) => i.entry)).toEqual([
      'GOVERNMENT_INVESTED.limitDays',
      'SOCIAL_INVESTMENT.limitDays',
      'SIMPLE_LOW_RISK',
    ]);
  });

  it('refuses a bad budget or warning rule', () => {
    const d = data();
    d.byType.SOCIAL_INVESTMENT.stageBudgets = { PLAN: 0, DESIGN: 5 };
    d.byType.SIMPLE_LOW_RISK.warning = { usedPercent: 120, daysLeft: -1 };
    expect(refusal(d).issues.map((i) => i.entry)).toEqual([
      'SOCIAL_INVESTMENT.stageBudgets.PLAN',
      'SOCIAL_INVESTMENT.stageBudgets.DESIGN',
      'SIMPLE_LOW_RISK.warning.usedPercent',
      'SIMPLE_LOW_RISK.warning.daysLeft',
    ]);
  });
});
