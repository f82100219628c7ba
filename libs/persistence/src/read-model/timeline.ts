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

/** A change of the project's responsible window (首接负责制), as the timeline recorded it. */
export interface ContactChange {
  seq: number;
  at: Date;
  /** Who made it: the accepting window, or the one who handed over. */
  by: string;
  kind: 'FIRST_ACCEPTANCE' | 'HAND_OVER';
  /** The responsible window from then on. */
  contact: string;
  reason?: string;
}

/**
 * The responsible windows of a project in order: the window officer who first accepted one of
 * its stages, then each recorded hand-over. Empty until a window has accepted (an imported
 * project's first stage was accepted elsewhere).
 */
export async function contactChangesOf(db: Db, projectId: string): Promise<ContactChange[]> {
  const rows: {
    seq: number;
    at: Date;
    actor: string;
    type: string;
    detail: { to?: string; reason?: string } | null;
  }[] = await db.query(
    `SELECT seq, at, actor, type, detail FROM timeline_events
     WHERE project_id = $1 AND seq > 0 AND (type = 'CONTACT_HANDED_OVER'
       OR (type IN ('STAGE_ACCEPTED', 'ACCEPTED_WITH_DEFICIENCY') AND role = 'WINDOW_OFFICER'))
     ORDER BY seq`,
    [projectId],
  );
  const out: ContactChange[] = [];
  for (const r of rows) {
    if (r.type === 'CONTACT_HANDED_OVER' && r.detail?.to) {
      out.push({
        seq: r.seq,
        at: r.at,
        by: r.actor,
        kind: 'HAND_OVER',
        contact: r.detail.to,
        reason: r.detail.reason,
      });
    } else if (r.type !== 'CONTACT_HANDED_OVER' && out.length === 0) {
      out.push({ seq: r.seq, at: r.at, by: r.actor, kind: 'FIRST_ACCEPTANCE', contact: r.actor });
    }
  }
  return out;
}
