import { workingDaysAgo } from '../src';
import { calendar } from './fixtures';

// Spring Festival 2026: Sat 02-14 is a make-up working day, 02-15 … 02-23 are off.
describe('workingDaysAgo', () => {
  it('is today on a working day, and the last working day before a holiday', () => {
    expect(workingDaysAgo(calendar, '2026-02-13', 0)).toBe('2026-02-13');
    expect(workingDaysAgo(calendar, '2026-02-20', 0)).toBe('2026-02-14');
  });

  it('counts back working days only, across the holiday', () => {
    // (02-13, 02-25] holds 02-14, 02-24 and 02-25.
    expect(workingDaysAgo(calendar, '2026-02-25', 3)).toBe('2026-02-13');
    expect(workingDaysAgo(calendar, '2026-02-25', 2)).toBe('2026-02-14');
  });
});
