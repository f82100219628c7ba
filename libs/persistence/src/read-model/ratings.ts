/**
 * Ratings (好差评) and rectifications: the API writes ratings, the rectification workflow's
 * activity writes rectifications and their notices. Notices written here take a NEGATIVE seq,
 * `-nextval('notice_extra_seq')`: the project workflow owns the positive ones, and its
 * projection only ever deletes seq > fromSeq (>= -1), so it never touches these.
 */
import type { RectificationStatus, RectificationWrite } from '../../../approval/src';
import { RatingRecord, RectificationRecord } from '../entities';
import { queueNoticeMail } from './notices';
import type { ProjectScope } from './project-lists';
import { storableJson, type Db } from './db';

export interface NewRating {
  id: string;
  projectId: string;
  itemCode: string;
  round: number;
  department: string;
  score: number;
  comment: string | null;
  ratedBy: string;
  onBehalfOf: string | null;
  ratedOn: string;
}

/** Whether the rating was stored (false: this item round was rated already). */
export async function insertRating(db: Db, r: NewRating): Promise<boolean> {
  const rows = await db.query<{ id: string }[]>(
    `INSERT INTO "ratings" ("id", "project_id", "item_code", "round", "department", "score",
       "comment", "rated_by", "on_behalf_of", "rated_on")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT ("project_id", "item_code", "round") DO NOTHING RETURNING "id"`,
    [
      r.id,
      r.projectId,
      r.itemCode,
      r.round,
      r.department,
      r.score,
      r.comment,
      r.ratedBy,
      r.onBehalfOf,
      r.ratedOn,
    ],
  );
  return rows.length > 0;
}

export async function deleteRating(db: Db, id: string): Promise<void> {
  await db.query(`DELETE FROM "ratings" WHERE "id" = $1`, [id]);
}

export interface RatingRow extends RatingRecord {
  rectificationId: string | null;
  rectificationStatus: RectificationStatus | null;
}

/** A project's ratings, oldest first, with the rectification each opened. */
export async function ratingsOf(db: Db, projectId: string): Promise<RatingRow[]> {
  const rows = await db
    .getRepository(RatingRecord)
    .createQueryBuilder('r')
    .leftJoin(RectificationRecord, 'x', 'x.id = r.id')
    .addSelect(['x.id', 'x.status'])
    .where('r.project_id = :projectId', { projectId })
    .orderBy('r.rated_at', 'ASC')
    .getRawAndEntities();
  return rows.entities.map((e) => {
    const raw = (rows.raw as { r_id: string; x_id: string | null; x_status: string | null }[]).find(
      (x) => x.r_id === e.id,
    );
    return {
      ...e,
      rectificationId: raw?.x_id ?? null,
      rectificationStatus: (raw?.x_status ?? null) as RectificationStatus | null,
    };
  });
}

export function findRectification(db: Db, id: string): Promise<RectificationRecord | null> {
  return db.getRepository(RectificationRecord).findOneBy({ id });
}

/** Whose rectifications a caller lists. */
/** Whose rectifications: those of the projects of a ProjectScope. */
export type RectificationScope = ProjectScope;

/** Newest first; at most `limit`. */
export function listRectifications(
  db: Db,
  scope: RectificationScope,
  status?: RectificationStatus,
  limit = 500,
): Promise<RectificationRecord[]> {
  const qb = db
    .getRepository(RectificationRecord)
    .createQueryBuilder('x')
    .orderBy('x.opened_on', 'DESC')
    .addOrderBy('x.updated_at', 'DESC')
    .limit(limit);
  if (scope.kind === 'department') qb.andWhere('x.department = :d', { d: scope.department });
  if (scope.kind === 'organisation') qb.andWhere('x.organisation = :o', { o: scope.organisation });
  if (scope.kind === 'agent') {
    qb.andWhere(
      `(EXISTS (SELECT 1 FROM delegations d WHERE d.project_id = x.project_id
                  AND d.agent_username = :a AND d.revoked_at IS NULL)
        OR EXISTS (SELECT 1 FROM mandates m WHERE m.organisation = x.organisation
                  AND m.agent_username = :a AND m.revoked_at IS NULL))`,
      { a: scope.agent },
    );
  }
  if (status) qb.andWhere('x.status = :status', { status });
  return qb.getMany();
}

/**
 * Writes the rectification as its workflow holds it at `version`, and the notices of that
 * change, in one transaction. A write at a version already stored (a retried activity) or older
 * changes nothing and adds no notice. Answers whether it applied.
 */
export async function writeRectification(
  db: Db,
  w: RectificationWrite,
  /** Mail is on: queue each notice's mail in the same transaction; the new outbox ids go here. */
  mailIds?: string[],
): Promise<boolean> {
  const r = w.rectification;
  const run = async (m: Db) => {
    const rows = await m.query<{ id: string }[]>(
      `INSERT INTO "rectifications" AS t ("id", "project_id", "project_name", "item_code",
         "item_name", "department", "organisation", "score", "comment", "status", "opened_on",
         "due_date", "due_at", "overdue_at", "response", "responded_by", "responded_at",
         "confirmation_note", "satisfied", "confirmed_by", "confirmed_at", "calendar_version",
         "version", "updated_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
               $19, $20, $21, $22, $23, now())
       ON CONFLICT ("id") DO UPDATE SET
         "status" = EXCLUDED."status", "due_date" = EXCLUDED."due_date",
         "due_at" = EXCLUDED."due_at", "overdue_at" = EXCLUDED."overdue_at",
         "response" = EXCLUDED."response", "responded_by" = EXCLUDED."responded_by",
         "responded_at" = EXCLUDED."responded_at",
         "confirmation_note" = EXCLUDED."confirmation_note", "satisfied" = EXCLUDED."satisfied",
         "confirmed_by" = EXCLUDED."confirmed_by", "confirmed_at" = EXCLUDED."confirmed_at",
         "calendar_version" = EXCLUDED."calendar_version", "version" = EXCLUDED."version",
         "updated_at" = now()
       WHERE t."version" < EXCLUDED."version"
       RETURNING t."id"`,
      [
        r.id,
        r.projectId,
        r.projectName,
        r.itemCode,
        r.itemName,
        r.department,
        r.organisation,
        r.score,
        r.comment,
        r.status,
        r.openedOn,
        r.dueDate,
        r.dueAt,
        r.overdueAt,
        r.response,
        r.respondedBy,
        r.respondedAt,
        r.confirmationNote,
        r.satisfied,
        r.confirmedBy,
        r.confirmedAt,
        r.calendarVersion,
        w.version,
      ],
    );
    if (rows.length === 0) return false;
    const seqs: number[] = [];
    for (const n of w.notices) {
      const [{ seq }] = await m.query<{ seq: string }[]>(
        `INSERT INTO "notices" ("project_id", "seq", "at", "recipient_role", "department",
           "organisation", "kind", "item_code", "message", "text")
         VALUES ($1, -nextval('notice_extra_seq'), $2, $3, $4, $5, $6, $7, $8, $9)
         RETURNING "seq"`,
        [
          r.projectId,
          w.at,
          n.recipientRole,
          n.department ?? null,
          n.organisation ?? null,
          n.kind,
          n.itemCode,
          n.message,
          n.text ? storableJson(n.text) : null,
        ],
      );
      seqs.push(Number(seq));
    }
    if (mailIds) mailIds.push(...(await queueNoticeMail(m, r.projectId, seqs)));
    return true;
  };
  return db.transaction((m) => run(m));
}

export interface RatingStatistics {
  satisfaction: { rated: number; satisfiedRate: number | null };
  rectifications: { opened: number; respondedOnTime: number; overdue: number };
}

/**
 * Satisfaction and rectifications over ratings given and rectifications opened on days in
 * [from, to] (YYYY-MM-DD, Asia/Shanghai), of one department or all. Satisfied = score >= 4;
 * `satisfiedRate` is null when nothing was rated. `respondedOnTime`: responded by the due
 * instant; `overdue`: went OVERDUE (a late response does not undo it).
 */
export async function ratingStatistics(
  db: Db,
  q: { from: string; to: string; department?: string },
): Promise<RatingStatistics> {
  const [s] = await db.query<{ rated: number; satisfied: number }[]>(
    `SELECT count(*)::int AS rated, count(*) FILTER (WHERE "score" >= 4)::int AS satisfied
     FROM "ratings"
     WHERE "rated_on" BETWEEN $1 AND $2 AND ($3::text IS NULL OR "department" = $3)`,
    [q.from, q.to, q.department ?? null],
  );
  const [x] = await db.query<{ opened: number; on_time: number; overdue: number }[]>(
    `SELECT count(*)::int AS opened,
            count(*) FILTER (WHERE "responded_at" IS NOT NULL AND "responded_at" < "due_at")::int
              AS on_time,
            count(*) FILTER (WHERE "overdue_at" IS NOT NULL)::int AS overdue
     FROM "rectifications"
     WHERE "opened_on" BETWEEN $1 AND $2 AND ($3::text IS NULL OR "department" = $3)`,
    [q.from, q.to, q.department ?? null],
  );
  return {
    satisfaction: {
      rated: s.rated,
      satisfiedRate: s.rated === 0 ? null : s.satisfied / s.rated,
    },
    rectifications: { opened: x.opened, respondedOnTime: x.on_time, overdue: x.overdue },
  };
}
