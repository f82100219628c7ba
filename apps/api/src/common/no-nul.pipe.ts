import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** The first path (e.g. `materials[0].name`) whose string holds a NUL character, if any. */
export function findNul(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'value' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return path ? `${path}.${k}` : k;
      const hit = findNul(v, path ? `${path}.${k}` : k);
      if (hit) return hit;
    }
  }
  return undefined;
}

/**
 * Refuses NUL characters anywhere in a body, query or path value with a 400 naming the field:
 * PostgreSQL cannot store them in text, so they would otherwise fail deep in a write.
 */
@Injectable()
export class NoNulPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    if (meta.type === 'custom') return value;
    const hit = findNul(value, meta.type === 'body' ? '' : (meta.data ?? ''));
    if (hit) throw new BadRequestException(`${hit}: must not contain the NUL character`);
    return value;
  }
}
