import { BadRequestException } from '@nestjs/common';
import { NoNulPipe, findNul } from './no-nul.pipe';

describe('NoNulPipe', () => {
  const pipe = new NoNulPipe();

  it('names the nested field that holds a NUL', () => {
    expect(findNul({ name: 'ok', materials: [{ name: 'a' }, { name: 'b\u0000' }] })).toBe(
      'materials[1].name',
    );
    expect(findNul({ 'bad\u0000key': 1 })).toBe('bad\u0000key');
    expect(findNul({ a: ['x', { b: 'y' }], n: 3, z: null })).toBeUndefined();
  });

  it('refuses a body, query or path value with a 400 naming it', () => {
    expect(() => pipe.transform({ note: 'x\u0000' }, { type: 'body' })).toThrow(
      new BadRequestException('note: must not contain the NUL character'),
    );
    expect(() => pipe.transform('a\u0000', { type: 'param', data: 'id' })).toThrow(
      'id: must not contain the NUL character',
    );
    expect(pipe.transform({ note: 'fine' }, { type: 'body' })).toEqual({ note: 'fine' });
  });
});
