import { checklist } from './checklist';
import { EXAMPLE_ANSWERS } from './examples';

describe('EXAMPLE_ANSWERS', () => {
  it('are complete answers giving the checklists the seed, tests and benchmarks rely on', () => {
    const summary = Object.fromEntries(
      Object.entries(EXAMPLE_ANSWERS).map(([name, answers]) => {
        const list = checklist(answers);
        const items = list.stages.flatMap((s) => s.themes.flatMap((t) => t.items)).length;
        return [name, `${list.projectType} ${list.limitDays}d ${items} items`];
      }),
    );
    expect(summary).toEqual({
      school: 'GOVERNMENT_INVESTED 80d 26 items',
      warehouse: expect.stringMatching(/^SOCIAL_INVESTMENT 35d \d+ items$/),
      lowRiskWarehouse: expect.stringMatching(/^SIMPLE_LOW_RISK 12d \d+ items$/),
      office: expect.stringMatching(/^SOCIAL_INVESTMENT 35d \d+ items$/),
      housing: expect.stringMatching(/^SOCIAL_INVESTMENT 35d \d+ items$/),
    });
  });
});
