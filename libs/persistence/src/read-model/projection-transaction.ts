/** The projection's write as one transaction: the row locked, the write, the mail rows. */
import type { DataSource, QueryRunner } from 'typeorm';
import { appendProjectRows } from '../../../exchange/src';
import { queueNoticeMail } from './notices';
import { writeProjection } from './projection';
import type { ProjectionInput } from './projection-input';

/** Holds the project's row until the transaction ends (none yet: nothing to wait for). */
export async function lockProjectRow(runner: QueryRunner, projectId: string): Promise<void> {
  await runner.query(`SELECT 1 FROM "projects" WHERE "id" = $1 FOR UPDATE`, [projectId]);
}

/**
 * The write in a transaction of its own, with the notices' mail rows when mail is on: the
 * project row locked first (a deadline sweep writing this project commits before the write's
 * statement reads, so it sees the crossings the sweep wrote and writes none twice). Rolled back
 * when `commitDeadlineMs` passed (the caller retries: committing late could land this write
 * after a newer one of the same task). `mail.queued` hears the new mail rows once committed.
 */
export async function writeProjectionInTransaction(
  dataSource: DataSource,
  input: ProjectionInput,
  opts: {
    mail?: { queued(outboxIds: string[]): void };
    commitDeadlineMs?: number;
    /** The exchange is on: the SPGL rows the write changed go to its outbox, in this transaction. */
    exchange?: boolean;
  } = {},
): Promise<{ applied: boolean; resend?: boolean }> {
  const started = Date.now();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.startTransaction();
    try {
      await lockProjectRow(runner, input.state.projectId);
      const { applied, resend } = await writeProjection(runner, input);
      if (resend) {
        await runner.rollbackTransaction();
        return { applied, resend };
      }
      if (applied && opts.exchange) await appendProjectRows(runner, input.state, input.events);
      const mailIds =
        applied && opts.mail
          ? await queueNoticeMail(
              runner.manager,
              input.state.projectId,
              input.notices.map((n) => n.seq),
            )
          : [];
      if (opts.commitDeadlineMs !== undefined && Date.now() - started > opts.commitDeadlineMs) {
        throw new Error(`the write took over ${opts.commitDeadlineMs} ms; retrying`);
      }
      await runner.commitTransaction();
      if (mailIds.length > 0) opts.mail?.queued(mailIds);
      return { applied };
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw err;
    }
  } finally {
    await runner.release();
  }
}
