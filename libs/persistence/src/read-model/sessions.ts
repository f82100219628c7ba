/** Sign-in sessions and their rotating refresh tokens. */
import type { Role } from '../entities';
import type { Db } from './db';

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
