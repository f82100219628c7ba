import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { codePoint, textProblem, type TextKind } from '../../../../libs/domain/src';

/** Deeper JSON than this is refused: no request of the API needs more than a few levels. */
export const MAX_DEPTH = 32;

/**
 * The fields that are free text (a person's note, reason, comment or description): they may
 * hold line breaks and tabs. Every other string — names, codes, usernames, passwords, ids,
 * query values, object keys — is one line without bidirectional formatting.
 */
export const FREE_TEXT_FIELDS: ReadonlySet<string> = new Set([
  'note',
  'reason',
  'comment',
  'description',
]);

export type InputProblem = {
  path: string;
  problem: 'nul' | 'depth' | 'ill-formed' | 'control' | 'line-break' | 'bidi';
  char?: string;
};

const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** The string's problem as a value of `field` (the last property name on its path). */
function stringProblem(s: string, path: string, field: string): InputProblem | undefined {
  if (s.includes('\u0000')) return { path, problem: 'nul' };
  const kind: TextKind = FREE_TEXT_FIELDS.has(field) ? 'text' : 'line';
  const p = textProblem(s, kind);
  return p && { path, ...p };
}

/**
 * The first string (value or key) that may not be stored or printed as given — a NUL, a lone
 * surrogate, a control character, a line break or bidirectional formatting outside free text —
 * or the first value nested deeper than `maxDepth`. Iterative, so a hostile body cannot exhaust
 * the stack here.
 */
export function findInputProblem(
  value: unknown,
  root = '',
  maxDepth = MAX_DEPTH,
): InputProblem | undefined {
  const stack: { v: unknown; path: string; field: string; depth: number }[] = [
    { v: value, path: root, field: root, depth: 0 },
  ];
  while (stack.length > 0) {
    const { v, path, field, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const hit = stringProblem(v, path || 'value', field);
      if (hit) return hit;
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (depth >= maxDepth) return { path: path || 'value', problem: 'depth' };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ v: v[i], path: join(path, i), field, depth: depth + 1 });
      }
      continue;
    }
    const entries: [string, unknown][] = Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, x] = entries[i];
      const hit = stringProblem(k, join(path, k), '');
      if (hit) return hit;
      stack.push({ v: x, path: join(path, k), field: k, depth: depth + 1 });
    }
  }
  return undefined;
}

/** The 400's message for a problem: the field's path first, as validation's messages. */
export function describeInputProblem(hit: InputProblem): string {
  const c = hit.char === undefined ? '' : codePoint(hit.char);
  switch (hit.problem) {
    case 'nul':
      return `${hit.path}: must not contain the NUL character`;
    case 'depth':
      return `${hit.path}: nested more than ${MAX_DEPTH} levels deep`;
    case 'ill-formed':
      return `${hit.path}: must be well-formed Unicode (it holds a lone surrogate)`;
    case 'control':
      return `${hit.path}: must not contain control characters (${c})`;
    case 'line-break':
      return `${hit.path}: must be one line, without line breaks or tabs (${c})`;
    case 'bidi':
      return `${hit.path}: must not contain bidirectional formatting characters (${c})`;
  }
}

/**
 * Refuses, with a 400 naming the field, what must never reach validation, a workflow or the
 * database: text PostgreSQL cannot store (NUL, lone surrogates), control characters, line
 * breaks and bidirectional formatting where they would forge a line or reorder a name, and
 * JSON nested deeper than 32 levels (the transformer behind validation recurses and would
 * exhaust the stack).
 */
@Injectable()
export class SafeInputPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    if (meta.type === 'custom') return value;
    const hit = findInputProblem(value, meta.type === 'body' ? '' : (meta.data ?? ''));
    if (hit) throw new BadRequestException(describeInputProblem(hit));
    return value;
  }
}
