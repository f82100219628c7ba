/**
 * Accounts, sessions and sign-in counters. Everything every API instance must agree on lives
 * here, in PostgreSQL: a lock set by one instance holds on the others, a refresh token used on
 * one is used on all.
 */
import { OrganisationRecord, UserRecord } from '../entities';
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

// ---- organisations and users --------------------------------------------------------------

export function listOrganisations(db: Db): Promise<OrganisationRecord[]> {
  return db.getRepository(OrganisationRecord).find({ order: { code: 'ASC' } });
}

export function findOrganisation(db: Db, code: string): Promise<OrganisationRecord | null> {
  return db.getRepository(OrganisationRecord).findOneBy({ code });
}

/** The organisation's name as the administrator holds it; its code when there is none. */
export async function organisationName(db: Db, code: string): Promise<string> {
  return (await findOrganisation(db, code))?.name ?? code;
}

/** Names of several organisations by code, in one query (a code with none is left out). */
export async function organisationNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.query<{ code: string; name: string }[]>(
    'SELECT code, name FROM organisations WHERE code = ANY($1)',
    [[...new Set(codes)]],
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** A person as others see them: the name beside the login, the role, the department. */
export interface PersonRow {
  username: string;
  displayName: string;
  role: string;
  department: string | null;
  /** Agents on the government's agent team (the specialists the service centre assigns). */
  agentTeam: boolean;
  /** Window officers: their region's code. */
  region: string | null;
  /** Disabled accounts are listed (timelines name them) but take no hand-over. */
  disabled: boolean;
}

/**
 * The people whose names a caller may read in timelines, files and lists. `organisation` null
 * (staff, agents): everyone. An applicant's organisation: every member of staff (they act on
 * its projects) and the people of that organisation, never another organisation's applicants.
 */
export function peopleVisibleTo(db: Db, organisation: string | null): Promise<PersonRow[]> {
  return db.query<PersonRow[]>(
    `SELECT username, display_name AS "displayName", role, department, agent_team AS "agentTeam",
            region, disabled
     FROM users WHERE $1::text IS NULL OR role <> 'APPLICANT' OR organisation = $1 ORDER BY username`,
    [organisation],
  );
}

/** Organisations' names a caller may read: an applicant its own, everyone else all of them. */
export function organisationsVisibleTo(
  db: Db,
  organisation: string | null,
): Promise<{ code: string; name: string }[]> {
  return db.query(
    'SELECT code, name FROM organisations WHERE $1::text IS NULL OR code = $1 ORDER BY code',
    [organisation],
  );
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
