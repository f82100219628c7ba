import type { Role } from '../../../../libs/persistence/src';

/** Who is calling: the verified bearer token's user, as the users table says now. */
export interface Principal {
  userId: string;
  username: string;
  role: Role;
  organisation?: string;
  department?: string;
  /** The sign-in session of one of our tokens (none for an external issuer's token). */
  sessionId?: string;
}
