/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from 31
 * (the digits and the capitals without I, O, Z, S, V); the 3rd to 8th are the administrative
 * division code (digits); the 18th is a check character over the first 17.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or undefined when one is not allowed. */
export function creditCodeCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (v < 0) return undefined;
    sum += v * WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Why the code is not a valid credit code, or undefined when it is. */
export function creditCodeProblem(code: string): string | undefined {
  if (code.length !== 18) return `must be 18 characters, got ${code.length}`;
  const bad = [...code].find((c) => !CREDIT_CODE_ALPHABET.includes(c));
  if (bad !== undefined) {
    return `may hold only digits and the capitals A-Y without I, O, S, V, Z; got "${bad}"`;
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return 'characters 3 to 8 must be the administrative division code (digits)';
  }
  const check = creditCodeCheckCharacter(code.slice(0, 17));
  if (check !== code[17]) return `the check character (the 18th) must be ${check} for this code`;
  return undefined;
}
