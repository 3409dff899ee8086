import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { ClientEventName, SubscribableRoom } from '@ruche/contracts';
import { RealtimeClient, type RealtimeStatus } from './RealtimeClient';

const RealtimeContext = createContext<RealtimeClient | null>(null);

/** One realtime connection for the signed-in person; remount (key) it when the person changes. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [client] = useState(() => new RealtimeClient());
  const queryClient = useQueryClient();
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  // A replay cut short cannot patch the lists: every query is stale, the visible ones refetch now.
  useEffect(() => client.onReplayTruncated(() => void queryClient.invalidateQueries()), [client, queryClient]);
  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}

function useClient(): RealtimeClient {
  const client = useContext(RealtimeContext);
  if (!client) throw new Error('realtime hooks need a RealtimeProvider');
  return client;
}

export function useRealtimeStatus(): RealtimeStatus {
  const client = useClient();
  return useSyncExternalStore(
    (listener) => client.onStatus(listener),
    () => client.status,
  );
}

/** Calls the latest `handler` for every `event` (already de-duplicated by eventId). */
export function useRealtimeEvent<T>(event: ClientEventName, handler: (payload: T) => void): void {
  useRealtimeEvents([event], handler);
}

/** One handler for several events (e.g. everything that means "read this page again"). */
export function useRealtimeEvents<T>(events: readonly ClientEventName[], handler: (payload: T) => void): void {
  const client = useClient();
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  // A new array each render must not resubscribe: the names are the dependency.
  const names = events.join(' ');
  useEffect(() => {
    const offs = names.split(' ').map((event) => client.on(event as ClientEventName, (payload) => latest.current(payload as T)));
    return () => offs.forEach((off) => off());
  }, [client, names]);
}

/** Stays subscribed to `room` while mounted and `room` is not null. */
export function useRoom(room: SubscribableRoom | null): void {
  const client = useClient();
  useEffect(() => (room ? client.join(room) : undefined), [client, room]);
}

/** Called after a reconnect, to refetch what event replay does not cover. */
export function useResync(handler: () => void): void {
  const client = useClient();
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => client.onResync(() => latest.current()), [client]);
}
