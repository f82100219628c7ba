/**
 * Notices of a project's service (a specialist's assignment and the owner's answer, issue 27):
 * written by the API in the change's transaction under negative seqs, as the rectification's
 * (the project workflow owns the positive ones), with their mail queued in the same transaction.
 */
import type { Assignment, ServiceNoticeDraft } from '../../../approval/src';
import { storableJson, type Db } from './db';
import { queueNoticeMail } from './notices';

/** The assignment by name: the project, its owner, the specialist and who assigned. */
export async function assignmentOf(
  db: Db,
  projectId: string,
  specialist: string,
  assignedBy: string,
): Promise<Assignment | null> {
  const [row] = await db.query<
    {
      project: string;
      organisation: string;
      owner: string;
      specialistName: string;
      assignedByName: string;
    }[]
  >(
    `SELECT p.name AS project, p.owner_organisation AS organisation,
       coalesce((SELECT o.name FROM organisations o WHERE o.code = p.owner_organisation),
         p.owner_organisation) AS owner,
       coalesce((SELECT u.display_name FROM users u WHERE u.username = $2), $2) AS "specialistName",
       coalesce((SELECT u.display_name FROM users u WHERE u.username = $3), $3) AS "assignedByName"
     FROM projects p WHERE p.id = $1`,
    [projectId, specialist, assignedBy],
  );
  if (!row) return null;
  return {
    project: row.project,
    organisation: row.organisation,
    owner: row.owner,
    specialist: { username: specialist, name: row.specialistName },
    assignedBy: { username: assignedBy, name: row.assignedByName },
  };
}

/** Writes the notices (now) and queues their mail; the new rows' seqs. */
export async function writeServiceNotices(
  db: Db,
  projectId: string,
  notices: readonly ServiceNoticeDraft[],
): Promise<number[]> {
  const seqs: number[] = [];
  for (const n of notices) {
    const [{ seq }] = await db.query<{ seq: string }[]>(
      `INSERT INTO "notices" ("project_id", "seq", "at", "recipient_role", "recipient_username",
         "organisation", "kind", "message", "text")
       VALUES ($1, -nextval('notice_extra_seq'), now(), $2, $3, $4, $5, $6, $7)
       RETURNING "seq"`,
      [
        projectId,
        n.recipientRole,
        n.username ?? null,
        n.organisation ?? null,
        n.kind,
        n.message,
        storableJson(n.text),
      ],
    );
    seqs.push(Number(seq));
  }
  await queueNoticeMail(db, projectId, seqs);
  return seqs;
}
