import type { DataSource } from 'typeorm';
import { writeRectification } from '../libs/persistence/src';
import type { RectificationWrite } from '../libs/approval/src';

/**
 * Writes a rectification as its workflow holds it, with the notices of the change (to the head,
 * the supervisor or the applicant). Idempotent: the row carries the workflow's version, so a
 * retried write changes nothing and adds no second notice. A lost connection is thrown as is
 * and Temporal retries it.
 */
export function createRectificationActivities({
  dataSource,
  mail,
}: {
  dataSource: DataSource;
  /** Mail on: the notices' mail is queued with them and handed to the dispatcher after commit. */
  mail?: { queued(outboxIds: string[]): void };
}) {
  return {
    async writeRectification(w: RectificationWrite): Promise<{ applied: boolean }> {
      const mailIds: string[] | undefined = mail ? [] : undefined;
      const applied = await writeRectification(dataSource, w, mailIds);
      if (mailIds?.length) mail?.queued(mailIds);
      return { applied };
    },
  };
}

export type RectificationActivities = ReturnType<typeof createRectificationActivities>;
