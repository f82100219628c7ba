/** The audit trail: what was done, by whom, to whom, from where. */
import { AuditEventRecord } from '../entities';
import type { Db } from './db';

/** What the audit trail records (one name per kind of event). */
export const AUDIT_ACTIONS = [
  'LOGIN_SUCCEEDED',
  'LOGIN_FAILED',
  'LOGIN_LOCKED',
  'LOGOUT',
  'REFRESH_TOKEN_REUSED',
  'PASSWORD_CHANGED',
  'USER_CREATED',
  'USER_UPDATED',
  'ORGANISATION_CREATED',
  'DELEGATION_GRANTED',
  'DELEGATION_REVOKED',
  'MANDATE_GRANTED',
  'MANDATE_REVOKED',
  // The project workflow's: a read-model write refused and held, and a repair's rewrite.
  'READ_MODEL_WRITE_REFUSED',
  'READ_MODEL_REBUILT',
  // Every download of a material's file.
  'FILE_DOWNLOADED',
  // Key projects and their specialists (issue 27).
  'KEY_FLAGGED',
  'KEY_UNFLAGGED',
  'SPECIALIST_ASSIGNED',
  'SPECIALIST_ACCEPTED',
  'SPECIALIST_DECLINED',
  'PLAN_SET',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  action: string;
  actor?: string | null;
  subject?: string | null;
  address?: string | null;
  detail?: Record<string, unknown>;
}

export async function insertAudit(db: Db, e: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_events (action, actor, subject, address, detail)
     VALUES ($1, $2, $3, $4, $5)`,
    [e.action, e.actor ?? null, e.subject ?? null, e.address ?? null, e.detail ?? {}],
  );
}

export interface AuditFilter {
  /** As actor or as subject. */
  username?: string;
  action?: string;
  /** Events about this project (its id in `detail.projectId`, or as the subject). */
  projectId?: string;
  from?: Date;
  to?: Date;
  limit: number;
}

/** Newest first. */
export function listAudit(db: Db, f: AuditFilter): Promise<AuditEventRecord[]> {
  const qb = db.getRepository(AuditEventRecord).createQueryBuilder('a');
  if (f.username) {
    qb.andWhere('(a.actor = :u OR a.subject = :u)', { u: f.username });
  }
  if (f.action) qb.andWhere('a.action = :action', { action: f.action });
  if (f.projectId) {
    qb.andWhere("(a.detail->>'projectId' = :p OR a.subject = :p)", { p: f.projectId });
  }
  if (f.from) qb.andWhere('a.at >= :from', { from: f.from });
  if (f.to) qb.andWhere('a.at < :to', { to: f.to });
  return qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').limit(f.limit).getMany();
}
