import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { appConfig } from '../../../../libs/config/src';

const MAX_ENTRIES = 5_000;

/**
 * The totals of full list pages, reused for LIST_TOTAL_CACHE_SECONDS per filter and instance:
 * counting every match of a broad filter (12,245 at-risk projects of a department at 100,000
 * projects: 46 ms on a quiet machine) costs far more than its page (1-2 ms), and officers page through the same
 * few filters all day. The rows themselves are read on every request, so a decision is in the
 * list at once; only the total shown beside the pager may lag a write by that long. Concurrent
 * requests for one filter share one count.
 */
@Injectable()
export class ListTotals {
  private readonly entries = new Map<string, { at: number; total: Promise<number> }>();

  constructor(
    @Inject(appConfig.KEY)
    private readonly app: Pick<ConfigType<typeof appConfig>, 'listTotalCacheSeconds'>,
  ) {}

  /** The total for `key` (the scope and the filter), counted by `count` when not held. */
  through(key: string, count: () => Promise<number>): Promise<number> {
    const ttl = this.app.listTotalCacheSeconds * 1000;
    if (ttl === 0) return count();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < ttl) return hit.total;
    const total = count();
    // A failed count (PostgreSQL down) must not be remembered.
    total.catch(() => {
      if (this.entries.get(key)?.total === total) this.entries.delete(key);
    });
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { at: now, total });
    return total;
  }
}
