import {
  CONNECT_REFUSALS,
  type ClientEventName,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SubscribableRoom,
} from '@ruche/contracts';
import { io, type Socket } from 'socket.io-client';
import { accessToken, getSession, recoverFrom401 } from '../auth/session';

export type RealtimeStatus = 'connecting' | 'online' | 'offline';
type Handler = (payload: unknown) => void;

const RECENT_IDS = 1000;
/** A room left by every component is kept this long, so scrolling back and forth does not churn. */
const ROOM_LINGER_MS = 5_000;

/**
 * One Socket.IO connection for the signed-in tab.
 *
 * - The handshake sends a fresh access token and the last `eventId` seen, so a reconnect
 *   first replays what was missed (the server sends it in order, then live events).
 * - Events are de-duplicated by `eventId` before reaching handlers.
 * - `post:<id>` rooms are reference-counted and re-subscribed after every reconnect;
 *   `onResync` tells components to refetch what replay does not cover (those rooms);
 *   `onReplayTruncated` that the replay itself was cut short (events pruned since): refetch all.
 * - A refused handshake (`unauthorized`) refreshes the session and reconnects.
 */
export class RealtimeClient {
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  private lastEventId: number | undefined;
  private readonly recent = new Set<number>();
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly rooms = new Map<SubscribableRoom, number>();
  private readonly lingering = new Map<SubscribableRoom, ReturnType<typeof setTimeout>>();
  private readonly statusListeners = new Set<() => void>();
  private readonly resyncListeners = new Set<() => void>();
  private readonly truncatedListeners = new Set<() => void>();
  private connectedBefore = false;
  private failures = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private tokenUsed: string | null = null;
  status: RealtimeStatus = 'connecting';

  start(): void {
    if (this.socket) return;
    const socket = io({
      path: '/socket.io',
      autoConnect: false,
      // Called on every (re)connection attempt: always the current token and position.
      auth: (cb) => {
        void accessToken()
          .catch(() => getSession()?.accessToken ?? null)
          .then((token) => {
            this.tokenUsed = token;
            cb(this.lastEventId === undefined ? { token: token ?? '' } : { token: token ?? '', lastEventId: this.lastEventId });
          });
      },
    });
    socket.on('ready', (payload) => {
      if (typeof payload?.lastEventId === 'number') {
        this.lastEventId = Math.max(this.lastEventId ?? 0, payload.lastEventId);
      }
      this.failures = 0;
      this.setStatus('online');
      for (const room of this.rooms.keys()) this.emitSubscribe(room);
      if (this.connectedBefore) for (const listener of this.resyncListeners) listener();
      // Away longer than the server keeps events: what was replayed is not all that changed.
      if (payload?.replayTruncated === true) for (const listener of this.truncatedListeners) listener();
      this.connectedBefore = true;
    });
    socket.onAny((event: string, payload: unknown) => this.dispatch(event, payload));
    socket.on('disconnect', (reason) => {
      this.setStatus('offline');
      // The server closed it (not a network drop): Socket.IO will not retry by itself.
      if (reason === 'io server disconnect') this.reconnectLater();
    });
    socket.on('connect_error', (error: Error) => {
      this.setStatus('offline');
      if (socket.active) return; // a transport problem: Socket.IO retries with backoff
      if (error.message === CONNECT_REFUSALS.unauthorized) {
        const used = this.tokenUsed;
        (used ? recoverFrom401(used) : Promise.resolve(null))
          .then((token) => {
            if (token) this.reconnectLater();
          })
          .catch(() => this.reconnectLater());
        return;
      }
      if (error.message === CONNECT_REFUSALS.invalidLastEventId) this.lastEventId = undefined;
      this.reconnectLater();
    });
    this.socket = socket;
    this.setStatus('connecting');
    socket.connect();
  }

  stop(): void {
    if (this.retry) clearTimeout(this.retry);
    for (const timer of this.lingering.values()) clearTimeout(timer);
    this.lingering.clear();
    this.socket?.removeAllListeners();
    this.socket?.offAny();
    this.socket?.disconnect();
    this.socket = null;
    this.connectedBefore = false;
    this.setStatus('connecting');
  }

  private reconnectLater(): void {
    if (this.retry) clearTimeout(this.retry);
    const delay = Math.min(30_000, 1_000 * 2 ** this.failures++) * (0.75 + Math.random() / 2);
    this.retry = setTimeout(() => {
      if (this.socket && !this.socket.connected && getSession()) this.socket.connect();
    }, delay);
  }

  private dispatch(event: string, payload: unknown): void {
    const eventId = (payload as { eventId?: unknown } | null)?.eventId;
    if (typeof eventId === 'number') {
      if (this.recent.has(eventId)) return;
      this.recent.add(eventId);
      if (this.recent.size > RECENT_IDS) this.recent.delete(this.recent.values().next().value as number);
      this.lastEventId = Math.max(this.lastEventId ?? 0, eventId);
    }
    for (const handler of this.handlers.get(event) ?? []) {
      try {
        handler(payload);
      } catch (error) {
        console.error(`realtime handler for ${event} failed`, error);
      }
    }
  }

  on(event: ClientEventName, handler: Handler): () => void {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
  }

  onResync(listener: () => void): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  /** Called when a reconnect's replay may have missed events: every list must be refetched. */
  onReplayTruncated(listener: () => void): () => void {
    this.truncatedListeners.add(listener);
    return () => this.truncatedListeners.delete(listener);
  }

  onStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private setStatus(status: RealtimeStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener();
  }

  /** A refused room (gone, or out of sight) needs nothing done: the page shows what the api says. */
  private emitSubscribe(room: SubscribableRoom): void {
    this.socket?.emit('subscribe', { room }, () => undefined);
  }

  /** Joins `room` (e.g. `post:<id>`) until the returned release is called. */
  join(room: SubscribableRoom): () => void {
    const linger = this.lingering.get(room);
    if (linger) {
      clearTimeout(linger);
      this.lingering.delete(room);
    }
    const count = this.rooms.get(room) ?? 0;
    this.rooms.set(room, count + 1);
    if (count === 0 && !linger && this.status === 'online') this.emitSubscribe(room);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.rooms.get(room) ?? 1) - 1;
      if (left > 0) return void this.rooms.set(room, left);
      this.lingering.set(
        room,
        setTimeout(() => {
          this.lingering.delete(room);
          if (this.rooms.get(room) !== 0) return;
          this.rooms.delete(room);
          if (this.status === 'online') this.socket?.emit('unsubscribe', { room }, () => undefined);
        }, ROOM_LINGER_MS),
      );
      this.rooms.set(room, 0);
    };
  }
}
