import type { Logger } from '@nestjs/common';
import {
  deliverOutboxMail,
  MailRefusedError,
  type MailDeps,
} from '../../../../activities/mail.activities';
import {
  claimMail,
  markMailFailed,
  retryMailLater,
  type ClaimedMail,
} from '../../../../libs/persistence/src';
import { every } from '../periodic';

/** How long a claimed row is held: a sender that dies mid-send leaves it due again after this. */
const LEASE_MS = 60_000;
/** Rows taken per claim by the sweep. */
const BATCH = 50;
/** Mails in flight at once. */
const CONCURRENCY = 4;
/** Past this age a mail still not sent is given up on (the failed list shows it). */
const GIVE_UP_AFTER_MS = 3 * 24 * 3600_000;

/** After the n-th failed try (1-based): 1 s, 2 s, 4 s … at most a minute. */
export const retryDelayMs = (attempts: number) =>
  Math.min(1000 * 2 ** Math.max(0, attempts - 1), 60_000);

/** What to do with a try that failed for now: try again later, or give up (too old). */
export function afterFailure(
  row: Pick<ClaimedMail, 'attempts' | 'createdAt'>,
  now: number,
): { retryInMs: number } | 'GIVE_UP' {
  const retryInMs = retryDelayMs(row.attempts);
  if (now + retryInMs - new Date(row.createdAt).getTime() > GIVE_UP_AFTER_MS) return 'GIVE_UP';
  return { retryInMs };
}

/**
 * Sends the notice mail of the outbox (`mail_outbox`), each row once. The projection hands
 * over the rows it committed and they go at once; a sweep (at start, then every
 * `sweepSeconds`) takes any row still due — one whose hand-off was lost in a crash, one a
 * down mail server put off. A row is claimed before it is sent (`claimMail`), so two workers
 * never send it at the same time; a try that fails for now puts it off by the backoff, and a
 * timer brings the sender back then. No Temporal workflow per mail: that cost more than the
 * decision that caused the mail (bench/README.md, issue 31).
 */
export class NoticeMailSender {
  private sweeping?: { stop(): Promise<void> };
  private retryTimer?: NodeJS.Timeout;
  private retryAt = Infinity;
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly deps: MailDeps,
    private readonly log: Logger,
  ) {}

  /** The projection's hand-off; never throws (the sweep takes what fails here). */
  queued(outboxIds: string[]): void {
    if (outboxIds.length === 0 || this.stopped) return;
    this.track(
      claimMail(this.deps.dataSource, outboxIds, outboxIds.length, LEASE_MS).then((rows) =>
        this.sendAll(rows),
      ),
    );
  }

  startSweeping(sweepSeconds: number): void {
    this.sweeping = every(
      sweepSeconds,
      () => this.drain(),
      (err) => this.log.warn(`mail sweep failed: ${String(err)}`),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.sweeping?.stop();
    await Promise.all([...this.inFlight]);
  }

  /** Every row due now, a batch at a time. */
  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const rows = await claimMail(this.deps.dataSource, null, BATCH, LEASE_MS);
      await this.sendAll(rows);
      if (rows.length < BATCH) return;
    }
  }

  private async sendAll(rows: ClaimedMail[]): Promise<void> {
    for (let at = 0; at < rows.length; at += CONCURRENCY) {
      await Promise.all(rows.slice(at, at + CONCURRENCY).map((r) => this.send(r)));
    }
  }

  private async send(row: ClaimedMail): Promise<void> {
    try {
      await deliverOutboxMail(this.deps, row.id);
    } catch (err) {
      const db = this.deps.dataSource;
      const error = (err as Error).message;
      if (err instanceof MailRefusedError) {
        this.log.warn(`mail ${row.id}: ${error}; given up`);
        await markMailFailed(db, row.id, error);
        return;
      }
      const next = afterFailure(row, Date.now());
      if (next === 'GIVE_UP') {
        this.log.warn(`mail ${row.id}: not sent in 3 days (${error}); given up`);
        await markMailFailed(db, row.id, `not sent in 3 days: ${error}`);
        return;
      }
      this.log.warn(`mail ${row.id}: ${error}; try ${row.attempts + 1} in ${next.retryInMs} ms`);
      await retryMailLater(db, row.id, next.retryInMs, error);
      this.wakeIn(next.retryInMs);
    }
  }

  /** Comes back to the due rows after `ms` (the earliest of the retries asked for). */
  private wakeIn(ms: number): void {
    const at = Date.now() + ms;
    if (this.stopped || at >= this.retryAt) return;
    clearTimeout(this.retryTimer);
    this.retryAt = at;
    this.retryTimer = setTimeout(() => {
      this.retryAt = Infinity;
      this.track(this.drain());
    }, ms);
    this.retryTimer.unref();
  }

  /** Runs work in the background; its failure is logged, the sweep takes what it left. */
  private track(work: Promise<void>): void {
    const p = work
      .catch((err: unknown) =>
        this.log.warn(`mail not sent now (${String(err)}); the sweep retries`),
      )
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }
}
