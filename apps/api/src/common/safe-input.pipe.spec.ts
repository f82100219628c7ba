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
