import { TimelineEventRecord } from '../entities';
import type { Db } from './db';

/** A project's timeline, in the order it happened. */
export function timelineOf(db: Db, projectId: string): Promise<TimelineEventRecord[]> {
  return db
    .getRepository(TimelineEventRecord)
    .find({ where: { projectId }, order: { seq: 'ASC' } });
}
