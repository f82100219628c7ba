import { passwordProblem } from './password-policy';
import { failureDelayMs } from './login-throttle.service';

describe('the password policy', () => {
  it.each([
    ['short', 'at least 10 characters'],
    ['Password123', 'common password'],
    ['qwerty12345678', 'common password'],
    ['aaaaaaaaaaaa', 'common password'],
    ['zhang.san-2026!', 'must not contain the username'],
  ])('refuses %s, naming the field', (pw, why) => {
    const p = passwordProblem(pw, 'zhang.san');
    expect(p).toMatch(/^newPassword: /);
    expect(p).toContain(why);
  });

  it('accepts a long passphrase, and names another field when asked', () => {
    expect(passwordProblem('correct horse battery', 'zhang.san')).toBeUndefined();
    expect(passwordProblem('short', 'x', 'password')).toMatch(/^password: /);
  });
});

describe('the pauses before answering failed sign-ins', () => {
  it('grow from none to 2 s', () => {
    expect([1, 2, 3, 4, 5, 6, 9].map(failureDelayMs)).toEqual([
      0, 250, 500, 1000, 2000, 2000, 2000,
    ]);
  });
});
