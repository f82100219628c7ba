/**
 * Freezes plain data recursively. The catalog, policies and questionnaire are module-level
 * constants imported by Temporal workflows, whose V8 context is reused between runs: freezing
 * makes an accidental mutation throw instead of leaking into the next workflow.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) {
      deepFreeze((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}
