/**
 * The signed-in person's session as this browser knows it, shared by its tabs: the short
 * access token and who it is, in localStorage until sign-out or until the session runs out.
 * The refresh token is not here — the API keeps it in an HttpOnly cookie no script can read —
 * and the access token is renewed silently (api/client.ts), by one tab at a time; the others
 * see the new one through the `storage` event.
 */
const KEY = 'pa.session';

export interface StoredSession {
  token: string;
  username: string;
  role: string;
  /** The person's name (sessions saved before it was kept have none: the header asks `me`). */
  displayName?: string;
  /** When the access token expires. */
  expiresAt: number;
  /** When the refresh token (the cookie) expires: the session ends then. */
  refreshExpiresAt?: number;
  /** An initial password: the app only offers to change it. */
  mustChangePassword?: boolean;
}

/** What POST /api/auth/login and /api/auth/refresh answer (the refresh token is the cookie). */
export interface IssuedTokens {
  accessToken: string;
  expiresIn: number;
  refreshExpiresIn: number;
  role: string;
  displayName?: string;
  mustChangePassword: boolean;
}

type Listener = () => void;
const listeners = new Set<Listener>();

const endsAt = (s: StoredSession) => s.refreshExpiresAt ?? s.expiresAt;

function read(): StoredSession | null {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as
      (StoredSession & { refreshToken?: string }) | null;
    if (!raw || endsAt(raw) <= Date.now()) return null;
    // A session stored before the cookie held a refresh token here: it goes, unused.
    const { refreshToken, ...s } = raw;
    if (refreshToken !== undefined) localStorage.setItem(KEY, JSON.stringify(s));
    return s;
  } catch {
    return null;
  }
}

let current = read();
/** This tab's session ran out (not a sign-out, not a first visit): the sign-in page says so. */
const EXPIRED = 'pa.session-expired';
const storedEnded = (() => {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as StoredSession | null;
    return !!raw && endsAt(raw) <= Date.now();
  } catch {
    return false;
  }
})();
if (storedEnded) {
  localStorage.removeItem(KEY);
  sessionStorage.setItem(EXPIRED, '1');
}

function emit() {
  for (const l of listeners) l();
}

// Another tab signed in, renewed the token or signed out.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key !== KEY && e.key !== null) return;
    current = read();
    emit();
  });
}

export const session = {
  get: () => current,
  token: () => (current && current.expiresAt > Date.now() ? current.token : null),
  /** Whether the refresh cookie should still be good. */
  canRefresh: () => !!current && endsAt(current) > Date.now(),
  /** What another tab may have stored meanwhile. */
  reload(): StoredSession | null {
    const s = read();
    if (JSON.stringify(s) !== JSON.stringify(current)) {
      current = s;
      emit();
    }
    return current;
  },
  save(s: StoredSession) {
    current = s;
    localStorage.setItem(KEY, JSON.stringify(s));
    emit();
  },
  /** Whether the last session of this tab ran out or was refused (not signed out). */
  hasExpired: () => sessionStorage.getItem(EXPIRED) === '1',
  /** A sign-in or a refresh answered these tokens. */
  issued(username: string, r: IssuedTokens) {
    sessionStorage.removeItem(EXPIRED);
    session.save({
      token: r.accessToken,
      username,
      role: r.role,
      ...(r.displayName ? { displayName: r.displayName } : {}),
      expiresAt: Date.now() + r.expiresIn * 1000,
      refreshExpiresAt: Date.now() + r.refreshExpiresIn * 1000,
      mustChangePassword: r.mustChangePassword,
    });
  },
  /** Forgets the session; a sign-out (not `ranOut`) also forgets that an earlier one ran out. */
  clear(ranOut = false) {
    if (!ranOut) sessionStorage.removeItem(EXPIRED);
    current = null;
    localStorage.removeItem(KEY);
    emit();
  },
  /** Refused even after a refresh: the app sends the person to sign in and back. */
  expired() {
    if (!current) return;
    sessionStorage.setItem(EXPIRED, '1');
    session.clear(true);
  },
  subscribe: (l: Listener): (() => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};
