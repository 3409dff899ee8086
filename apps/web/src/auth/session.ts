import { ApiError, NetworkError } from '../api/errors';
import type { Me, Session } from '../api/types';

/**
 * The signed-in session, kept in localStorage so a reload stays signed in.
 *
 * Refresh tokens rotate: each one may be sent once; sending a spent one makes the server
 * revoke the whole family (every tab signed out). So a refresh is single-flight within the
 * tab, serialized across tabs with the Web Locks API where available, and re-reads storage
 * once it holds the lock: when another tab rotated meanwhile, its result is adopted instead
 * of sending the old token again.
 */

const STORAGE_KEY = 'ruche.session';
const LOCK_NAME = 'ruche.session.refresh';

export interface StoredSession {
  user: Me;
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token expires (by this browser's clock). */
  expiresAt: number;
  /** Access token lifetime in ms, to pick when to refresh. */
  lifetimeMs: number;
}

type Listener = () => void;

const listeners = new Set<Listener>();
let current: StoredSession | null = load();
let inFlight: Promise<StoredSession | null> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
/** False once localStorage refused a write: the in-memory session is then the only copy. */
let storageOk = true;
/** Set when the server ended the session (refresh refused), for a notice on the sign-in page. */
let endedByServer = false;

function load(): StoredSession | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as StoredSession;
    if (typeof value?.accessToken !== 'string' || typeof value.refreshToken !== 'string' || !value.user?.id) return null;
    return value;
  } catch {
    return null;
  }
}

function persist(session: StoredSession | null): void {
  try {
    if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else localStorage.removeItem(STORAGE_KEY);
    storageOk = true;
  } catch {
    storageOk = false;
    // Private mode or full storage: the session still lives in memory for this tab.
  }
}

/** Lifetime of a JWT from its `iat`/`exp` claims (clock-skew free), if readable. */
function jwtLifetimeMs(token: string): number | undefined {
  try {
    const part = token.split('.')[1];
    if (!part) return undefined;
    const claims = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as { iat?: number; exp?: number };
    if (typeof claims.exp === 'number' && typeof claims.iat === 'number' && claims.exp > claims.iat) {
      return (claims.exp - claims.iat) * 1000;
    }
  } catch {
    // not a JWT we can read: fall back below
  }
  return undefined;
}

function toStored(session: Session, user: Me = session.user): StoredSession {
  const lifetimeMs = session.expiresIn ? session.expiresIn * 1000 : (jwtLifetimeMs(session.accessToken) ?? 5 * 60_000);
  return {
    user,
    accessToken: session.accessToken,
    refreshToken: session.refreshToken,
    expiresAt: Date.now() + lifetimeMs,
    lifetimeMs,
  };
}

function notify(): void {
  for (const listener of listeners) listener();
}

function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = undefined;
  if (!current) return;
  // Refresh ahead of expiry: a minute early, or a quarter of the lifetime for short-lived tokens.
  const lead = Math.min(60_000, current.lifetimeMs / 4);
  const delay = Math.max(1_000, current.expiresAt - lead - Date.now());
  timer = setTimeout(() => {
    refresh().catch(() => {
      // Offline or server trouble: try again soon; requests also refresh on demand.
      timer = setTimeout(schedule, 15_000);
    });
  }, delay);
}

function setCurrent(session: StoredSession | null, write = true): void {
  current = session;
  if (write) persist(session);
  schedule();
  notify();
}

if (typeof window !== 'undefined') {
  // Another tab signed in, rotated the tokens or signed out.
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    setCurrent(load(), false);
  });
  schedule();
}

export function getSession(): StoredSession | null {
  return current;
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Starts a session from a register/login answer. */
export function startSession(session: Session): void {
  endedByServer = false;
  setCurrent(toStored(session));
}

/** Keeps the stored account in step after a profile change. */
export function updateUser(patch: Partial<Me>): void {
  if (current) setCurrent({ ...current, user: { ...current.user, ...patch } });
}

/** Whether the server ended the last session (until the next sign-in), so the sign-in page can say why. */
export function endedByServerNotice(): boolean {
  return endedByServer;
}

export function clearSession(): void {
  setCurrent(null);
}

function withLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(LOCK_NAME, task) : task();
}

async function rotate(before: StoredSession | null): Promise<StoredSession | null> {
  const latest = storageOk ? load() : current;
  if (!latest) {
    setCurrent(null);
    return null;
  }
  if (before && latest.refreshToken !== before.refreshToken) {
    // Another tab already rotated while we waited for the lock: use its tokens.
    setCurrent(latest, false);
    return latest;
  }
  let res: Response;
  try {
    res = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refreshToken: latest.refreshToken }),
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) {
    const next = toStored(body as Session, (body as Session).user ?? latest.user);
    setCurrent(next);
    return next;
  }
  if (res.status === 401 || res.status === 400) {
    // Expired, revoked or reused: this session is over.
    endedByServer = true;
    setCurrent(null);
    return null;
  }
  throw new ApiError(res.status, body);
}

/** Rotates the tokens once, however many callers ask at the same time. */
export function refresh(): Promise<StoredSession | null> {
  if (!inFlight) {
    const before = current;
    inFlight = withLock(() => rotate(before)).finally(() => {
      inFlight = null;
    });
  }
  return inFlight;
}

/** A usable access token, refreshed first when it is about to expire; null when signed out. */
export async function accessToken(): Promise<string | null> {
  if (!current) return null;
  if (current.expiresAt - Date.now() < Math.min(15_000, current.lifetimeMs / 5)) {
    const next = await refresh();
    return next?.accessToken ?? null;
  }
  return current.accessToken;
}

/** After a 401 with `used`: a newer token if another refresh already happened, else refresh now. */
export async function recoverFrom401(used: string): Promise<string | null> {
  if (current && current.accessToken !== used) return current.accessToken;
  const next = await refresh();
  return next?.accessToken ?? null;
}
