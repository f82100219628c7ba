import { TimelineEventRecord } from '../entities';
import type { Db } from './db';

/**
 * A project's timeline, in the order it happened: by instant, then seq (the workflow's are
 * positive and ordered; the deadline sweep's negative, written within a minute of the instant).
 */
export function timelineOf(db: Db, projectId: string): Promise<TimelineEventRecord[]> {
  return db
    .getRepository(TimelineEventRecord)
    .find({ where: { projectId }, order: { at: 'ASC', seq: 'ASC' } });
}
