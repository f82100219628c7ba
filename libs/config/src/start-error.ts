import { ConfigError } from './env';

/** One line an operator can act on, for anything that stops a process at start. */
export function describeStartError(err: unknown): string {
  if (err instanceof ConfigError) return `configuration error: ${err.message}`;
  const e = err as { message?: string; code?: string };
  if (e?.code === 'ECONNREFUSED') return `cannot reach a dependency: ${e.message ?? ''}`;
  return e?.message ?? String(err);
}
