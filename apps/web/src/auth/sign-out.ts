import { logout } from '../api/account';
import { session } from './session-store';

/**
 * Ends the session on the server too (the API clears the refresh cookie), so a copied token is
 * of no use, and forgets it in every tab of this browser.
 */
export function signOut(): void {
  if (session.get()) void logout();
  session.clear();
}
