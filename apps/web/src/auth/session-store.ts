/** The signed-in person's token, kept in this browser until sign-out or expiry. */
const KEY = 'pa.session';

export interface StoredSession {
  token: string;
  username: string;
  role: string;
  expiresAt: number;
}

type Listener = () => void;
const listeners = new Set<Listener>();

function read(): StoredSession | null {
  try {
    const s = JSON.parse(localStorage.getItem(KEY) ?? 'null') as StoredSession | null;
    return s && s.expiresAt > Date.now() ? s : null;
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
  clear() {
    current = null;
    localStorage.removeItem(KEY);
    emit();
  },
  /** A 401: the token ran out or was revoked; the app sends the person to sign in and back. */
  expired() {
    if (!current) return;
    session.clear();
  },
  subscribe: (l: Listener): (() => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};
