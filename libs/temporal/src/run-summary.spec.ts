import { SUMMARY_MAX_BYTES, runSummary, summaryOf } from './run-summary';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('the run summary the Temporal UI shows', () => {
  it('keeps a name that fits as it is', () => {
    expect(summaryOf('城东第一实验小学新建工程')).toBe('城东第一实验小学新建工程');
    expect(summaryOf('x'.repeat(SUMMARY_MAX_BYTES))).toBe('x'.repeat(SUMMARY_MAX_BYTES));
  });

  it('cuts a long name at a character, under the server’s limit, with an ellipsis', () => {
    const long = '长'.repeat(200); // 600 bytes: the server would refuse the start
    const s = summaryOf(long);
    expect(bytes(s)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(s).toBe(`${'长'.repeat(99)}…`);
    // An emoji (4 bytes, two UTF-16 units) is never split.
    expect(summaryOf('😀'.repeat(100))).toBe(`${'😀'.repeat(74)}…`);
  });

  it('keeps the whole name in the search attribute and the details', () => {
    const long = '长'.repeat(200);
    const r = runSummary({ name: long, type: 'SOCIAL_INVESTMENT', ownerOrganisation: 'org-a' });
    expect(r.typedSearchAttributes[0].value).toBe(long);
    expect(r.staticDetails.startsWith(long)).toBe(true);
  });
});
