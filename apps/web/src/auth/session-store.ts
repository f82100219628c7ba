/**
 * The signed-in person's tokens, kept in this browser until sign-out or until the refresh
 * token runs out: the short access token is renewed silently (api/client.ts).
 */
const KEY = 'pa.session';

export interface StoredSession {
  token: string;
  username: string;
  role: string;
  /** When the access token expires. */
  expiresAt: number;
  /** One use: POST /api/auth/refresh answers the next one. */
  refreshToken?: string;
  /** When the refresh token expires: the session ends then. */
  refreshExpiresAt?: number;
  /** An initial password: the app only offers to change it. */
  mustChangePassword?: boolean;
}

/** What POST /api/auth/login and /api/auth/refresh answer. */
export interface IssuedTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
  role: string;
  mustChangePassword: boolean;
}

type Listener = () => void;
const listeners = new Set<Listener>();

const endsAt = (s: StoredSession) => s.refreshExpiresAt ?? s.expiresAt;

function read(): StoredSession | null {
  try {
    const s = JSON.parse(localStorage.getItem(KEY) ?? 'null') as StoredSession | null;
    return s && endsAt(s) > Date.now() ? s : null;
  } catch {
    return null;
  }
}

let current = read();

function emit() {
  for (const l of listeners) l();
}

export const session = {
  get: () => current,
  token: () => (current && current.expiresAt > Date.now() ? current.token : null),
  save(s: StoredSession) {
    current = s;
    localStorage.setItem(KEY, JSON.stringify(s));
    emit();
  },
  /** A sign-in or a refresh answered these tokens. */
  issued(username: string, r: IssuedTokens) {
    session.save({
      token: r.accessToken,
      username,
      role: r.role,
      expiresAt: Date.now() + r.expiresIn * 1000,
      refreshToken: r.refreshToken,
      refreshExpiresAt: Date.now() + r.refreshExpiresIn * 1000,
      mustChangePassword: r.mustChangePassword,
    });
  },
  clear() {
    current = null;
    localStorage.removeItem(KEY);
    emit();
  },
  /** Refused even after a refresh: the app sends the person to sign in and back. */
  expired() {
    if (!current) return;
    session.clear();
  },
  subscribe: (l: Listener): (() => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};
