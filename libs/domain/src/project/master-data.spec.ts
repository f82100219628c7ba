import { divisionOfProjectCode, projectCodeProblem } from './master-data';

describe('the investment project code', () => {
  const now = 2026;

  it('accepts codes of the national platform, old and new', () => {
    for (const code of ['2026-440300-47-01-000016', '2017-320500-48-03-512345']) {
      expect(projectCodeProblem(code, now)).toBeUndefined();
    }
  });

  it.each([
    ['2026-440300-47-01-00001', 'year, 6-digit division code'],
    ['2026/440300/47/01/000016', 'year, 6-digit division code'],
    ['2026-44030-47-01-0000161', 'year, 6-digit division code'],
    ['2027-440300-47-01-000016', 'got 2027'],
    ['2013-440300-47-01-000016', 'got 2013'],
    ['2026-990300-47-01-000016', 'division code, got 990300'],
    ['2019-000001-01-02-000001', 'division code, got 000001'],
  ])('refuses %s, saying why', (code, why) => {
    expect(projectCodeProblem(code, now)).toContain(why);
  });

  it('gives the division code it holds', () => {
    expect(divisionOfProjectCode('2026-440300-47-01-000016')).toBe('440300');
    expect(divisionOfProjectCode('nonsense')).toBeUndefined();
  });
});
