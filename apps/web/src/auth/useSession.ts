import { useSyncExternalStore } from 'react';
import type { Me } from '../api/types';
import { getSession, subscribe, type StoredSession } from './session';

export function useSession(): StoredSession | null {
  return useSyncExternalStore(subscribe, getSession, () => null);
}

/** The signed-in account; only for components under the signed-in routes. */
export function useMe(): Me {
  const session = useSession();
  if (!session) throw new Error('useMe() needs a session');
  return session.user;
}
