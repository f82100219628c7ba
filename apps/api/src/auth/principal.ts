import type { Role } from '../../../../libs/persistence/src';

/** Who is calling, from the verified bearer token. */
export interface Principal {
  userId: string;
  username: string;
  role: Role;
  organisation?: string;
  department?: string;
}
