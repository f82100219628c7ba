import { creditCodeCheckCharacter, creditCodeProblem } from './credit-code';

describe('the unified social credit code (GB 32100-2015)', () => {
  it('accepts published codes and the demo organisations', () => {
    for (const code of ['91350100M000100Y43', '91110108MA01A2B3CF', '91310115MA1K4D5E6D']) {
      expect(creditCodeProblem(code)).toBeUndefined();
    }
  });

  it('computes the check character, 0 when the sum is a multiple of 31', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
  });

  it.each([
    ['91350100M000100Y4', 'must be 18 characters'],
    ['91350100M000100Y44', 'check character (the 18th) must be 3'],
    ['91350100M0001O0Y43', 'got "O"'],
    ['91350100m000100Y43', 'got "m"'],
    ['913A0100M000100Y43', 'administrative division code'],
  ])('refuses %s, saying why', (code, why) => {
    expect(creditCodeProblem(code)).toContain(why);
  });
});
