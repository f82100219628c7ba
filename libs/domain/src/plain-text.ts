/**
 * What a person's text may hold, and how it is printed where one string must stay one line.
 * The API refuses at its input what cannot be stored or would print as something else
 * (`textProblem`); the receipt PDF, mail and CSV neutralise again at render (`oneLine`), for
 * text stored before these rules and as defence in depth.
 */

/** Free text (a note, reason, comment, description) may span lines; a name or a code may not. */
export type TextKind = 'text' | 'line';

export type TextProblem =
  | { problem: 'ill-formed' }
  | { problem: 'control'; char: string }
  | { problem: 'line-break'; char: string }
  | { problem: 'bidi'; char: string };

/** A lone UTF-16 surrogate: PostgreSQL refuses it in JSON (22P02); it prints as nothing. */
const LONE_SURROGATE = /\p{Cs}/u;
/** C0 and C1 controls and DEL, but tab, LF and CR. */
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** CR is a line break only as part of CRLF; alone it rewrites the line it ends. */
const LONE_CR = /\r(?!\n)/;
/** What breaks a line (or jumps along it): free text only. */
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;
/**
 * Bidirectional formatting: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069) and the marks (U+200E, U+200F, U+061C). In a name they reorder what is printed
 * around them ("Trojan Source").
 */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

/** `U+202E`: how a problem names the character. */
export const codePoint = (c: string) =>
  `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first thing wrong with `s` as text of this kind, or undefined. */
export function textProblem(s: string, kind: TextKind): TextProblem | undefined {
  if (LONE_SURROGATE.test(s)) return { problem: 'ill-formed' };
  const control = CONTROL.exec(s) ?? LONE_CR.exec(s);
  if (control) return { problem: 'control', char: control[0] };
  if (kind === 'text') return undefined;
  const brk = LINE_BREAK.exec(s);
  if (brk) return { problem: 'line-break', char: brk[0] };
  const bidi = BIDI.exec(s);
  if (bidi) return { problem: 'bidi', char: bidi[0] };
  return undefined;
}

const DROPPED = new RegExp(`${CONTROL.source}|${BIDI.source}`, 'g');

/**
 * `s` as one printable line: a run of line breaks and tabs becomes one space, other controls and bidi
 * formatting are dropped, a lone surrogate becomes U+FFFD. What a name prints as on a receipt
 * or in a mail, whatever was stored.
 */
export function oneLine(s: string): string {
  return s
    .replace(/\p{Cs}/gu, '\uFFFD')
    .replace(/[\t\n\r\v\f\u0085\u2028\u2029]+/g, ' ')
    .replace(DROPPED, '');
}
