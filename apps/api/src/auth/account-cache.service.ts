import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { authConfig } from '../../../../libs/config/src';
import { CurrentAccount, currentAccount } from '../../../../libs/persistence/src';

const MAX_ENTRIES = 20_000;

/**
 * What each request's user may do now, read from PostgreSQL at most once per
 * AUTH_CACHE_SECONDS per session and instance: so a disabled, moved or signed-out user loses
 * the old powers on every API instance within that time, while a busy API does not read the
 * users table on every request. A change made through this instance is seen at once.
 */
@Injectable()
export class AccountCache {
  private readonly entries = new Map<
    string,
    { at: number; value: Promise<CurrentAccount | undefined> }
  >();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(authConfig.KEY) private readonly cfg: ConfigType<typeof authConfig>,
  ) {}

  get(userId: string, sessionId: string | undefined): Promise<CurrentAccount | undefined> {
    const key = `${userId}|${sessionId ?? ''}`;
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.cfg.userCacheSeconds * 1000) return hit.value;
    const value = currentAccount(this.ds, userId, sessionId);
    // A failed read (PostgreSQL down) must not be remembered.
    value.catch(() => this.entries.delete(key));
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { at: now, value });
    return value;
  }

  /** Forgets the user's entries here (the other instances wait for their entries to age). */
  invalidate(userId: string): void {
    for (const key of this.entries.keys()) {
      if (key.startsWith(`${userId}|`)) this.entries.delete(key);
    }
  }
}
