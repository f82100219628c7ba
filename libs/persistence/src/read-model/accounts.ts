/**
 * Accounts, sessions and sign-in counters. Everything every API instance must agree on lives
 * here, in PostgreSQL: a lock set by one instance holds on the others, a refresh token used on
 * one is used on all.
 */
import { AuditEventRecord, OrganisationRecord, UserRecord } from '../entities';
import type { Role } from '../entities';
import type { Db } from './db';

// ---- sign-in counters -------------------------------------------------------------------

/** The existing row's count plus this attempt; a stale or expired one starts again. */
const NEXT_FAILURES = `(CASE WHEN f.last_failed_at < now() - make_interval(secs => $3::float8)
    OR f.locked_until <= now() THEN 1 ELSE f.failures + 1 END)`;

/**
 * Reserves one sign-in attempt of the account before its password is checked, counting it as a
 * failure until it succeeds (`clearLoginFailures`): the count, the lock it may start and the
 * check whether it may go on are one statement, so a burst of parallel attempts evaluates at most
 * `threshold` passwords, one lock's worth. `allowed` is false while the account is locked (the
 * refused attempt counts, the lock does not move); `lockedFor` is the lock's seconds, set by this
 * attempt when `failures` reaches `threshold`. Failures older than the lock time are forgotten.
 */
export async function reserveLoginAttempt(
  db: Db,
  username: string,
  threshold: number,
  lockSeconds: number,
): Promise<{ allowed: boolean; failures: number; lockedFor: number }> {
  const rows = await db.query<{ failures: number; locked_for: number | null }[]>(
    `INSERT INTO login_failures AS f (username, failures, last_failed_at, locked_until)
     VALUES ($1, 1, now(),
             CASE WHEN 1 >= $2::int THEN now() + make_interval(secs => $3::float8) END)
     ON CONFLICT (username) DO UPDATE SET
       failures = CASE WHEN f.locked_until > now() THEN f.failures + 1 ELSE ${NEXT_FAILURES} END,
       last_failed_at = now(),
       locked_until = CASE WHEN f.locked_until > now() THEN f.locked_until
                           WHEN ${NEXT_FAILURES} >= $2::int
                           THEN now() + make_interval(secs => $3::float8) END
     RETURNING failures,
       ceil(extract(epoch FROM locked_until - now()))::int AS locked_for`,
    [username, threshold, lockSeconds],
  );
  const { failures, locked_for } = rows[0];
  return { allowed: failures <= threshold, failures, lockedFor: locked_for ?? 0 };
}

/** A successful sign-in resets the account's counter (and the lock its own attempt set). */
export async function clearLoginFailures(db: Db, username: string): Promise<void> {
  await db.query(`DELETE FROM login_failures WHERE username = $1`, [username]);
}

/**
 * Counts one sign-in attempt of a client address in the current minute; answers the count and
 * the seconds until the minute ends.
 */
export async function countAddressAttempt(
  db: Db,
  address: string,
): Promise<{ attempts: number; windowEndsIn: number }> {
  const rows = await db.query<{ attempts: number; ends_in: number }[]>(
    `INSERT INTO login_address_counts (address, window_start, attempts)
     VALUES ($1, date_trunc('minute', now()), 1)
     ON CONFLICT (address, window_start)
       DO UPDATE SET attempts = login_address_counts.attempts + 1
     RETURNING attempts,
       greatest(1, ceil(extract(epoch FROM window_start + interval '1 minute' - now())))::int
         AS ends_in`,
    [address],
  );
  if (rows[0].attempts === 1) {
    await db.query(
      `DELETE FROM login_address_counts WHERE window_start < now() - interval '5 minutes'`,
    );
  }
  return { attempts: rows[0].attempts, windowEndsIn: rows[0].ends_in };
}

// ---- sessions and refresh tokens ---------------------------------------------------------

export async function createSession(db: Db, userId: string): Promise<string> {
  const rows = await db.query<{ id: string }[]>(
    `INSERT INTO auth_sessions (user_id) VALUES ($1) RETURNING id`,
    [userId],
  );
  return rows[0].id;
}

export async function insertRefreshToken(
  db: Db,
  tokenHash: string,
  sessionId: string,
  ttlSeconds: number,
): Promise<void> {
  await db.query(
    `INSERT INTO refresh_tokens (token_hash, session_id, expires_at)
     VALUES ($1, $2, now() + make_interval(secs => $3::float8))`,
    [tokenHash, sessionId, ttlSeconds],
  );
}

export type RefreshUse =
  /** Spent now; the successor is stored. `expiresIn`: the successor's seconds. */
  | { kind: 'ok'; sessionId: string; userId: string; expiresIn: number }
  /** Spent within the grace just before, its successor still unused: hand that out again. */
  | { kind: 'grace'; sessionId: string; userId: string; expiresIn: number }
  /** Spent within the grace, but the session moved on (or ended) since: refused, no alarm. */
  | { kind: 'replaced' }
  /** Spent before the grace: a theft signal, the caller revokes the family. */
  | { kind: 'reused'; sessionId: string; userId: string }
  | { kind: 'refused' };

/**
 * Spends a refresh token, once, and stores its successor (`successorHash`, a token the caller
 * derives from this one) in the same statement: the first caller gets `ok`. Spent again within
 * `graceSeconds` while the session is in force and the successor unused, it is `grace` — two
 * tabs or a retried request racing to refresh get the same successor and no alarm. Spent again
 * later, it is `reused`. Expired tokens and revoked sessions are refused.
 */
export async function useRefreshToken(
  db: Db,
  tokenHash: string,
  successorHash: string,
  ttlSeconds: number,
  graceSeconds: number,
): Promise<RefreshUse> {
  const spent = await db.query<{ session_id: string; user_id: string; expires_in: number }[]>(
    `WITH spent AS (
       UPDATE refresh_tokens t SET used_at = now()
       FROM auth_sessions s
       WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now()
         AND s.id = t.session_id AND s.revoked_at IS NULL
       RETURNING t.session_id, s.user_id
     ), successor AS (
       INSERT INTO refresh_tokens (token_hash, session_id, expires_at)
       SELECT $2, session_id, now() + make_interval(secs => $3::float8) FROM spent
       RETURNING expires_at
     )
     SELECT spent.session_id, spent.user_id,
            ceil(extract(epoch FROM successor.expires_at - now()))::int AS expires_in
     FROM spent, successor`,
    [tokenHash, successorHash, ttlSeconds],
  );
  if (spent[0]) {
    const { session_id, user_id, expires_in } = spent[0];
    return { kind: 'ok', sessionId: session_id, userId: user_id, expiresIn: expires_in };
  }
  const seen = await db.query<
    {
      session_id: string;
      user_id: string;
      used: boolean;
      in_grace: boolean;
      successor_open: boolean;
      expires_in: number | null;
    }[]
  >(
    `SELECT t.session_id, s.user_id, t.used_at IS NOT NULL AS used,
            (t.used_at > now() - make_interval(secs => $3::float8)) IS TRUE AS in_grace,
            (s.revoked_at IS NULL AND n.used_at IS NULL AND n.expires_at > now()) IS TRUE
              AS successor_open,
            ceil(extract(epoch FROM n.expires_at - now()))::int AS expires_in
     FROM refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id
     LEFT JOIN refresh_tokens n ON n.token_hash = $2 AND n.session_id = t.session_id
     WHERE t.token_hash = $1`,
    [tokenHash, successorHash, graceSeconds],
  );
  const r = seen[0];
  if (!r?.used) return { kind: 'refused' };
  if (!r.in_grace) return { kind: 'reused', sessionId: r.session_id, userId: r.user_id };
  if (!r.successor_open) return { kind: 'replaced' };
  return { kind: 'grace', sessionId: r.session_id, userId: r.user_id, expiresIn: r.expires_in! };
}

/** The session and user a refresh token belongs to, spent or not. */
export async function sessionOfRefreshToken(
  db: Db,
  tokenHash: string,
): Promise<{ sessionId: string; userId: string } | undefined> {
  const rows = await db.query<{ session_id: string; user_id: string }[]>(
    `SELECT t.session_id, s.user_id FROM refresh_tokens t
     JOIN auth_sessions s ON s.id = t.session_id WHERE t.token_hash = $1`,
    [tokenHash],
  );
  return rows[0] ? { sessionId: rows[0].session_id, userId: rows[0].user_id } : undefined;
}

/** Whether the session was in force. */
export async function revokeSession(db: Db, sessionId: string, reason: string): Promise<boolean> {
  const res = await db.query<[unknown[], number]>(
    `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $2
     WHERE id = $1 AND revoked_at IS NULL`,
    [sessionId, reason],
  );
  return res[1] > 0;
}

/** Every session of the user in force but `except`; answers how many. */
export async function revokeSessionsOf(
  db: Db,
  userId: string,
  reason: string,
  except?: string,
): Promise<number> {
  const res = await db.query<[unknown[], number]>(
    `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $2
     WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)`,
    [userId, reason, except ?? null],
  );
  return res[1];
}

/** What a request of this user in this session may do now (the guard caches it briefly). */
export interface CurrentAccount {
  username: string;
  role: Role;
  organisation: string | null;
  department: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  /** False when the session was revoked (sign-out, password change, reuse of a token). */
  sessionActive: boolean;
}

export async function currentAccount(
  db: Db,
  userId: string,
  sessionId: string | undefined,
): Promise<CurrentAccount | undefined> {
  const rows = await db.query<
    {
      username: string;
      role: Role;
      organisation: string | null;
      department: string | null;
      disabled: boolean;
      must_change_password: boolean;
      session_active: boolean;
    }[]
  >(
    `SELECT u.username, u.role, u.organisation, u.department, u.disabled,
            u.must_change_password,
            ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM auth_sessions s
               WHERE s.id = $2::uuid AND s.user_id = u.id AND s.revoked_at IS NULL))
              AS session_active
     FROM users u WHERE u.id = $1`,
    [userId, sessionId ?? null],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    username: r.username,
    role: r.role,
    organisation: r.organisation,
    department: r.department,
    disabled: r.disabled,
    mustChangePassword: r.must_change_password,
    sessionActive: r.session_active,
  };
}

// ---- organisations and users --------------------------------------------------------------

export function listOrganisations(db: Db): Promise<OrganisationRecord[]> {
  return db.getRepository(OrganisationRecord).find({ order: { code: 'ASC' } });
}

export function findOrganisation(db: Db, code: string): Promise<OrganisationRecord | null> {
  return db.getRepository(OrganisationRecord).findOneBy({ code });
}

/** Inserts unless the code or the credit code exists; answers which one clashed. */
export async function insertOrganisation(
  db: Db,
  org: { code: string; name: string; creditCode: string },
): Promise<'created' | 'code' | 'creditCode'> {
  const rows = await db.query<{ code: string }[]>(
    `INSERT INTO organisations (code, name, credit_code) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING code`,
    [org.code, org.name, org.creditCode],
  );
  if (rows.length > 0) return 'created';
  const byCredit = await db.getRepository(OrganisationRecord).existsBy({
    creditCode: org.creditCode,
  });
  return byCredit ? 'creditCode' : 'code';
}

export interface UserFilter {
  role?: string;
  department?: string;
  organisation?: string;
  /** Part of the username or display name. */
  q?: string;
}

export function listUsers(db: Db, f: UserFilter, limit = 500): Promise<UserRecord[]> {
  const qb = db.getRepository(UserRecord).createQueryBuilder('u');
  if (f.role) qb.andWhere('u.role = :role', { role: f.role });
  if (f.department) qb.andWhere('u.department = :department', { department: f.department });
  if (f.organisation) {
    qb.andWhere('u.organisation = :organisation', { organisation: f.organisation });
  }
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb.andWhere('(u.username ILIKE :like OR u.display_name ILIKE :like)', { like });
  }
  return qb.orderBy('u.username', 'ASC').limit(limit).getMany();
}

// ---- audit -----------------------------------------------------------------------------

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
  if (f.from) qb.andWhere('a.at >= :from', { from: f.from });
  if (f.to) qb.andWhere('a.at < :to', { to: f.to });
  return qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').limit(f.limit).getMany();
}
