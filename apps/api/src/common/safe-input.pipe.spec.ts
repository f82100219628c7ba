import { BadRequestException } from '@nestjs/common';
import { MAX_DEPTH, SafeInputPipe, findInputProblem } from './safe-input.pipe';

describe('SafeInputPipe', () => {
  const pipe = new SafeInputPipe();

  it('names the nested field that holds a NUL', () => {
    expect(
      findInputProblem({ name: 'ok', materials: [{ name: 'a' }, { name: 'b\u0000' }] }),
    ).toEqual({ path: 'materials[1].name', problem: 'nul' });
    expect(findInputProblem({ 'bad\u0000key': 1 })?.path).toBe('bad\u0000key');
    expect(findInputProblem({ a: ['x', { b: 'y' }], n: 3, z: null })).toBeUndefined();
  });

  it('refuses a body, query or path value with a NUL with a 400 naming it', () => {
    expect(() => pipe.transform({ note: 'x\u0000' }, { type: 'body' })).toThrow(
      new BadRequestException('note: must not contain the NUL character'),
    );
    expect(() => pipe.transform('a\u0000', { type: 'param', data: 'id' })).toThrow(
      'id: must not contain the NUL character',
    );
    expect(pipe.transform({ note: 'fine' }, { type: 'body' })).toEqual({ note: 'fine' });
  });

  it('refuses ill-formed Unicode and controls anywhere, and line breaks and bidi formatting outside free text', () => {
    const refused = (body: unknown) => {
      try {
        pipe.transform(body, { type: 'body' });
      } catch (e) {
        return ((e as BadRequestException).getResponse() as { message: string }).message;
      }
      return undefined;
    };
    expect(refused({ reason: 'lost \ud83d' })).toBe(
      'reason: must be well-formed Unicode (it holds a lone surrogate)',
    );
    expect(refused({ comment: 'x\udca9y' })).toBe(
      'comment: must be well-formed Unicode (it holds a lone surrogate)',
    );
    expect(refused({ note: 'bell\u0007' })).toBe(
      'note: must not contain control characters (U+0007)',
    );
    expect(refused({ note: 'c1\u009b' })).toBe(
      'note: must not contain control characters (U+009B)',
    );
    expect(refused({ note: 'overwrite\rline' })).toBe(
      'note: must not contain control characters (U+000D)',
    );
    expect(refused({ materials: [{ name: 'a' }, { name: 'b' }, { name: 'c\nForged line' }] })).toBe(
      'materials[2].name: must be one line, without line breaks or tabs (U+000A)',
    );
    expect(refused({ name: 'Tower \u202eexe.fdp' })).toBe(
      'name: must not contain bidirectional formatting characters (U+202E)',
    );
    expect(refused({ itemCodes: ['OK', 'X\u2066'] })).toBe(
      'itemCodes[1]: must not contain bidirectional formatting characters (U+2066)',
    );
    expect(refused({ answers: { 'utilities\u200f': [] } })).toBe(
      'answers.utilities\u200f: must not contain bidirectional formatting characters (U+200F)',
    );
    expect(() => pipe.transform('a\tb', { type: 'query', data: 'q' })).toThrow(
      'q: must be one line, without line breaks or tabs (U+0009)',
    );
    // Free text keeps its lines, tabs, right-to-left text and emoji; names keep every script.
    for (const ok of [
      { note: '第一行\r\n第二行\n\t缩进', reason: 'שלום \u202bעולם\u202c', comment: '👷‍♀️ 🏗️' },
      { name: '仓库 ① Café مخزن', materials: [{ name: '图纸 v2 😀' }] },
    ]) {
      expect(pipe.transform(ok, { type: 'body' })).toBe(ok);
    }
  });

  it('refuses nesting deeper than the limit without recursing (100,000 levels)', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(() => pipe.transform({ answers: deep }, { type: 'body' })).toThrow(
      `answers${'.a'.repeat(MAX_DEPTH - 1)}: nested more than ${MAX_DEPTH} levels deep`,
    );
    let ok: unknown = 'leaf';
    for (let i = 0; i < MAX_DEPTH - 1; i++) ok = [ok];
    expect(pipe.transform({ x: ok }, { type: 'body' })).toEqual({ x: ok });
  });
});
