/**
 * Text PostgreSQL cannot store: a lone UTF-16 surrogate (JSON.stringify writes it as a `\udXXX`
 * escape that jsonb refuses) and NUL. The API's input pipe refuses it; the workflow's validator
 * refuses it in a command; the read model replaces it in what it stores (defence in depth).
 */
// eslint-disable-next-line no-control-regex -- NUL is one of the characters it looks for
const UNSTORABLE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/;

export const isStorableText = (s: string): boolean => !UNSTORABLE.test(s);

/** The string with every unstorable character replaced by U+FFFD. */
export const storableText = (s: string): string =>
  s.replace(new RegExp(UNSTORABLE.source, 'g'), '\uFFFD');
