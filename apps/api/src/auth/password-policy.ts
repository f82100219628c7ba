/**
 * What a new password must be (OWASP ASVS 2.1): long enough, not the username, not one of the
 * passwords attackers try first. No rules on character classes: they make passwords worse.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** The most common passwords of breach lists, and the obvious local ones; compared lowercased. */
const COMMON = new Set(
  `123456 123456789 12345678 1234567890 12345 1234567 password password1 password123 qwerty
  qwerty123 qwertyuiop 111111 000000 123123 abc123 1q2w3e4r 1q2w3e4r5t a123456 iloveyou
  admin admin123 administrator welcome welcome1 letmein monkey dragon sunshine football
  princess passw0rd p@ssw0rd p@ssword 654321 666666 888888 987654321 123321 112233 woaini
  woaini1314 5201314 1314520 aa123456 a1234567 zxcvbnm asdfghjkl qazwsxedc 1qaz2wsx
  changeme changeme123 demo demodemo secret test test123 testtest guest root toor
  baidu123 qq123456 huawei123 china123 beijing shanghai 147258369 123654789 11111111
  00000000 88888888 12341234 abcd1234 abcdefg abcdefgh abcdefghij 1234qwer qwer1234`.split(/\s+/),
);

/** Why the password is refused (a message naming the field), or undefined. */
export function passwordProblem(
  password: string,
  username: string,
  field = 'newPassword',
): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `${field}: must be at least ${PASSWORD_MIN_LENGTH} characters`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `${field}: must be at most ${PASSWORD_MAX_LENGTH} characters`;
  }
  const lower = password.toLowerCase();
  const name = username.toLowerCase();
  if (name.length >= 3 && lower.includes(name)) {
    return `${field}: must not contain the username`;
  }
  if (COMMON.has(lower) || /^(.)\1+$/.test(password) || COMMON.has(lower.replace(/\d+$/, ''))) {
    return `${field}: is a common password; choose another`;
  }
  return undefined;
}
