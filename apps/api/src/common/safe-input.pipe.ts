import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** Deeper JSON than this is refused: no request of the API needs more than a few levels. */
export const MAX_DEPTH = 32;

export type InputProblem = { path: string; problem: 'nul' | 'depth' };

const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/**
 * The first string (value or key) holding a NUL character, or the first value nested deeper than
 * `maxDepth`. Iterative, so a hostile body cannot exhaust the stack here.
 */
export function findInputProblem(
  value: unknown,
  root = '',
  maxDepth = MAX_DEPTH,
): InputProblem | undefined {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { path: path || 'value', problem: 'nul' };
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (depth >= maxDepth) return { path: path || 'value', problem: 'depth' };
    const entries: [string | number, unknown][] = Array.isArray(v)
      ? v.map((x, i) => [i, x] as [number, unknown])
      : Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, x] = entries[i];
      if (typeof k === 'string' && k.includes('\u0000'))
        return { path: join(path, k), problem: 'nul' };
      stack.push({ v: x, path: join(path, k), depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * Refuses, with a 400 naming the field, what must never reach validation or the database: NUL
 * characters (PostgreSQL cannot store them in text) and JSON nested deeper than 32 levels (the
 * transformer behind validation recurses and would exhaust the stack).
 */
@Injectable()
export class SafeInputPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    if (meta.type === 'custom') return value;
    const hit = findInputProblem(value, meta.type === 'body' ? '' : (meta.data ?? ''));
    if (hit?.problem === 'nul') {
      throw new BadRequestException(`${hit.path}: must not contain the NUL character`);
    }
    if (hit?.problem === 'depth') {
      throw new BadRequestException(`${hit.path}: nested more than ${MAX_DEPTH} levels deep`);
    }
    return value;
  }
}
