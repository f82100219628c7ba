/**
 * Who reads a notice, and its mail. A notice names a role and a department or organisation;
 * `ADDRESSED_TO` is the one rule turning that into people, for the inbox and the mail outbox
 * alike: an applicant notice reaches the organisation's applicants and every agent holding a
 * delegation of the project or a mandate of the organisation (in force now); an officer,
 * head or supervisor notice reaches the people of that role (and department); a 'USER' notice
 * reaches the one person it names (recipient_username).
 */
import type { Db } from './db';
import type { NoticeText } from '../../../approval/src';

/** `n` a notices row, `u` a users row. */
const ADDRESSED_TO = `(
  (n.recipient_role = 'APPLICANT' AND (
     (u.role = 'APPLICANT' AND u.organisation = n.organisation)
     OR (u.role = 'AGENT' AND (
       EXISTS (SELECT 1 FROM delegations d WHERE d.project_id = n.project_id
                 AND d.agent_username = u.username AND d.revoked_at IS NULL)
       OR EXISTS (SELECT 1 FROM mandates m WHERE m.organisation = n.organisation
                 AND m.agent_username = u.username AND m.revoked_at IS NULL)))))
  OR (n.recipient_role = 'OFFICER' AND u.role = 'REVIEWING_OFFICER' AND u.department = n.department)
  OR (n.recipient_role = 'DEPARTMENT_HEAD' AND u.role = 'DEPARTMENT_HEAD' AND u.department = n.department)
  OR (n.recipient_role = 'SUPERVISOR' AND u.role = 'SUPERVISOR')
  OR (n.recipient_role = 'USER' AND u.username = n.recipient_username))`;

export interface NoticeRow {
  projectId: string;
  seq: number;
  projectName: string;
  kind: string;
  itemCode: string | null;
  message: string;
  text: NoticeText | null;
  createdAt: Date;
  readAt: Date | null;
}

const SELECT_NOTICE = `SELECT n.project_id AS "projectId", n.seq::float8 AS "seq", p.name AS "projectName",
    n.kind, n.item_code AS "itemCode", n.message, n.text, n.at AS "createdAt", r.read_at AS "readAt"`;
const FROM_VISIBLE = `FROM users u
  JOIN notices n ON ${ADDRESSED_TO}
  JOIN projects p ON p.id = n.project_id
  LEFT JOIN notice_reads r ON r.user_id = u.id AND r.project_id = n.project_id AND r.seq = n.seq
  WHERE u.id = $1`;

/** The reader's notices, newest first, with the count of all and of the unread. */
export async function noticesOf(
  db: Db,
  userId: string,
  { unreadOnly, page, pageSize }: { unreadOnly: boolean; page: number; pageSize: number },
): Promise<{ items: NoticeRow[]; total: number; unread: number }> {
  const [{ total, unread }] = await db.query<{ total: string; unread: string }[]>(
    `SELECT count(*) FILTER (WHERE $2::boolean IS FALSE OR r.read_at IS NULL) AS total,
            count(*) FILTER (WHERE r.read_at IS NULL) AS unread
     ${FROM_VISIBLE}`,
    [userId, unreadOnly],
  );
  const items = await db.query<NoticeRow[]>(
    `${SELECT_NOTICE} ${FROM_VISIBLE} AND ($2::boolean IS FALSE OR r.read_at IS NULL)
     ORDER BY n.at DESC, n.project_id, n.seq DESC OFFSET $3 LIMIT $4`,
    [userId, unreadOnly, (page - 1) * pageSize, pageSize],
  );
  return { items, total: Number(total), unread: Number(unread) };
}

/** Marks one notice read for its reader; null when the reader is not one it is addressed to. */
export async function markNoticeRead(
  db: Db,
  userId: string,
  projectId: string,
  seq: number,
): Promise<NoticeRow | null> {
  const visible = `${FROM_VISIBLE} AND n.project_id = $2 AND n.seq = $3`;
  await db.query(
    `INSERT INTO notice_reads (user_id, project_id, seq)
     SELECT u.id, n.project_id, n.seq ${visible} ON CONFLICT DO NOTHING`,
    [userId, projectId, seq],
  );
  const rows = await db.query<NoticeRow[]>(`${SELECT_NOTICE} ${visible}`, [userId, projectId, seq]);
  return rows[0] ?? null;
}

/** Marks every unread notice of the reader read; how many it marked. */
export async function markAllNoticesRead(db: Db, userId: string): Promise<number> {
  const rows = await db.query<unknown[]>(
    `INSERT INTO notice_reads (user_id, project_id, seq)
     SELECT u.id, n.project_id, n.seq ${FROM_VISIBLE} AND r.read_at IS NULL
     ON CONFLICT DO NOTHING RETURNING 1`,
    [userId],
  );
  return rows.length;
}

/**
 * The outbox rows of new notices: one per notice and person it is addressed to who has an
 * address and mail on. Run in the projection's transaction, so a notice and its mails commit
 * together; a notice written again under the same seq queues nothing twice. The new rows' ids.
 */
export async function queueNoticeMail(
  db: Db,
  projectId: string,
  seqs: number[],
): Promise<string[]> {
  if (seqs.length === 0) return [];
  const rows = await db.query<{ id: string }[]>(
    `INSERT INTO mail_outbox (project_id, seq, user_id)
     SELECT n.project_id, n.seq, u.id FROM notices n JOIN users u ON ${ADDRESSED_TO}
     WHERE n.project_id = $1 AND n.seq = ANY($2::bigint[])
       AND u.email IS NOT NULL AND u.email <> '' AND u.mail_notices
     ON CONFLICT ON CONSTRAINT "UQ_mail_outbox_notice_user" DO NOTHING RETURNING id`,
    [projectId, seqs],
  );
  return rows.map((r) => r.id);
}

/** What one outbox row sends, read when it is sent. */
export interface OutboxMail {
  id: string;
  sentAt: Date | null;
  messageId: string | null;
  failedAt: Date | null;
  email: string | null;
  mailNotices: boolean;
  displayName: string;
  projectId: string;
  projectName: string;
  kind: string;
  message: string;
  text: NoticeText | null;
  at: Date;
}

export async function outboxMail(db: Db, id: string): Promise<OutboxMail | null> {
  const rows = await db.query<OutboxMail[]>(
    `SELECT o.id, o.sent_at AS "sentAt", o.message_id AS "messageId", o.failed_at AS "failedAt",
            u.email, u.mail_notices AS "mailNotices", u.display_name AS "displayName",
            n.project_id AS "projectId", p.name AS "projectName", n.kind, n.message, n.text, n.at
     FROM mail_outbox o
       JOIN users u ON u.id = o.user_id
       JOIN notices n ON n.project_id = o.project_id AND n.seq = o.seq
       JOIN projects p ON p.id = o.project_id
     WHERE o.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function markMailSent(db: Db, id: string, messageId: string): Promise<void> {
  await db.query(
    `UPDATE mail_outbox SET sent_at = now(), message_id = $2 WHERE id = $1 AND sent_at IS NULL`,
    [id, messageId],
  );
}

/** Given up on: refused for good by the mail server, or mail turned off before it went. */
export async function markMailFailed(db: Db, id: string, error: string): Promise<void> {
  await db.query(
    `UPDATE mail_outbox SET failed_at = now(), error = $2
     WHERE id = $1 AND sent_at IS NULL AND failed_at IS NULL`,
    [id, error.slice(0, 2000)],
  );
}

/** A row the mail sender took: its id, when it was written, and which try this is. */
export interface ClaimedMail {
  id: string;
  createdAt: Date;
  attempts: number;
}

/**
 * Takes rows to send — the ids given (the projection's hand-off), or else the oldest due ones —
 * and holds them for `leaseMs`: another sender (a second worker) skips them meanwhile, and a
 * sender that dies mid-send leaves them due again when the lease ends.
 */
export async function claimMail(
  db: Db,
  ids: readonly string[] | null,
  limit: number,
  leaseMs: number,
): Promise<ClaimedMail[]> {
  return db.query<ClaimedMail[]>(
    // In a WITH, so the answer is the rows (TypeORM answers an UPDATE as [rows, count]).
    `WITH claimed AS (UPDATE mail_outbox o SET attempts = o.attempts + 1,
       next_attempt_at = now() + make_interval(secs => $3::float8 / 1000)
     WHERE o.id IN (
       SELECT id FROM mail_outbox
       WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
         AND ($1::uuid[] IS NULL OR id = ANY($1::uuid[]))
       ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
     RETURNING o.id, o.created_at AS "createdAt", o.attempts)
     SELECT * FROM claimed`,
    [ids, limit, leaseMs],
  );
}

/** A try that failed for now: the row is due again after `delayMs`, with why. */
export async function retryMailLater(
  db: Db,
  id: string,
  delayMs: number,
  error: string,
): Promise<void> {
  await db.query(
    `UPDATE mail_outbox SET next_attempt_at = now() + make_interval(secs => $2::float8 / 1000),
       error = $3
     WHERE id = $1 AND sent_at IS NULL AND failed_at IS NULL`,
    [id, delayMs, error.slice(0, 2000)],
  );
}
