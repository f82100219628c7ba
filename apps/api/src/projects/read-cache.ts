/**
 * What the API computed from one version of a project's state, for one calendar and one day:
 * the report's JSON, or a list's summary. Every read still asks PostgreSQL for the row's version
 * (`findReportRow`, the list's own rows), so several API processes over one database never serve
 * a stale entry: a write changes the version, the next read recomputes. Bounded, least recently
 * used first out.
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, { key: string; value: V }>();

  constructor(private readonly max: number) {}

  /** The value computed for `id` under `key` (version, calendar, day), if it is that one. */
  get(id: string, key: string): V | undefined {
    const e = this.entries.get(id);
    if (!e || e.key !== key) return undefined;
    this.entries.delete(id);
    this.entries.set(id, e);
    return e.value;
  }

  /** The key held for `id`, whatever it is (to ask PostgreSQL whether it is still current). */
  keyOf(id: string): string | undefined {
    return this.entries.get(id)?.key;
  }

  set(id: string, key: string, value: V): void {
    this.entries.delete(id);
    this.entries.set(id, { key, value });
    if (this.entries.size > this.max) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }
}
