import { oneLine, textProblem } from './plain-text';

describe('plain text', () => {
  it('finds what a name or a free text may not hold', () => {
    expect(textProblem('仓库 Café 😀', 'line')).toBeUndefined();
    expect(textProblem('a\ud83d', 'text')).toEqual({ problem: 'ill-formed' });
    expect(textProblem('\udca9', 'line')).toEqual({ problem: 'ill-formed' });
    expect(textProblem('a\u001bb', 'text')).toEqual({ problem: 'control', char: '\u001b' });
    expect(textProblem('a\u0085b', 'text')).toEqual({ problem: 'control', char: '\u0085' });
    expect(textProblem('a\rb', 'text')).toEqual({ problem: 'control', char: '\r' });
    expect(textProblem('a\r\nb\n\tc', 'text')).toBeUndefined();
    expect(textProblem('a\nb', 'line')).toEqual({ problem: 'line-break', char: '\n' });
    expect(textProblem('a\u2028b', 'line')).toEqual({ problem: 'line-break', char: '\u2028' });
    expect(textProblem('a\u202eb', 'line')).toEqual({ problem: 'bidi', char: '\u202e' });
    expect(textProblem('a\u061cb', 'line')).toEqual({ problem: 'bidi', char: '\u061c' });
    expect(textProblem('a\u202eb', 'text')).toBeUndefined();
  });

  it('prints any stored string as one line without controls or bidi formatting', () => {
    expect(oneLine('仓库\r\n受理单号：SL-2026-9999\n\t伪造')).toBe(
      '仓库 受理单号：SL-2026-9999 伪造',
    );
    expect(oneLine('Tower \u202eexe.fdp\u202c \u0007\u009b!')).toBe('Tower exe.fdp !');
    expect(oneLine('lost \ud83d')).toBe('lost \ufffd');
    expect(oneLine('😀 ok')).toBe('😀 ok');
  });
});
