import { io, type Socket } from 'socket.io-client';

export interface TestSocket {
  socket: Socket;
  /** Every server event received, in arrival order. */
  received: { event: string; payload: Record<string, unknown> }[];
  /** Resolves with the first received event matching, waiting up to `timeoutMs`. */
  waitFor(event: string, match?: (payload: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves once `n` events named `event` have been received. */
  waitForCount(event: string, n: number, timeoutMs?: number): Promise<Record<string, unknown>[]>;
  subscribe(room: string): Promise<{ ok: boolean; error?: string }>;
  close(): void;
}

/** A real Socket.IO client connected to the test server; resolves after the server's `ready`. */
export async function connectSocket(url: string, token: string, lastEventId?: number): Promise<TestSocket> {
  const socket = io(url, { path: '/socket.io', transports: ['websocket'], auth: { token, lastEventId }, reconnection: false, forceNew: true });
  const received: TestSocket['received'] = [];
  const waiters = new Set<() => void>();
  socket.onAny((event: string, payload: Record<string, unknown>) => {
    received.push({ event, payload });
    for (const wake of [...waiters]) wake();
  });

  const until = <T>(check: () => T | undefined, timeoutMs: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const attempt = () => {
        const value = check();
        if (value !== undefined) {
          waiters.delete(attempt);
          clearTimeout(timer);
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(attempt);
        reject(new Error(`timed out waiting for ${what}; received: ${received.map((r) => r.event).join(', ') || 'nothing'}`));
      }, timeoutMs);
      waiters.add(attempt);
      attempt();
    });

  await new Promise<void>((resolve, reject) => {
    socket.once('connect_error', (error) => reject(error));
    socket.once('ready', () => resolve());
  });

  return {
    socket,
    received,
    waitFor: (event, match = () => true, timeoutMs = 5000) =>
      until(() => received.find((r) => r.event === event && match(r.payload))?.payload, timeoutMs, event),
    waitForCount: (event, n, timeoutMs = 5000) =>
      until(
        () => {
          const all = received.filter((r) => r.event === event).map((r) => r.payload);
          return all.length >= n ? all : undefined;
        },
        timeoutMs,
        `${n} × ${event}`,
      ),
    subscribe: (room) => socket.timeout(5000).emitWithAck('subscribe', { room }),
    close: () => socket.close(),
  };
}

/**
 * The sockets one describe block opens: `connect(user)` opens one to the app (or to `url`, another
 * instance) and every socket is closed after each test, so none hears the next test's events.
 * `settleFirst` connects only once every earlier event has reached the listeners, so the socket
 * sees what comes next (or what it replays), not the tail of the setup.
 */
export function socketsFor(app: () => { url: string; settle(): Promise<void> }, options: { settleFirst?: boolean } = {}) {
  const open: TestSocket[] = [];
  afterEach(() => {
    for (const socket of open.splice(0)) socket.close();
  });
  return async (user: { accessToken: string }, lastEventId?: number, url?: string): Promise<TestSocket> => {
    if (options.settleFirst) await app().settle();
    const socket = await connectSocket(url ?? app().url, user.accessToken, lastEventId);
    open.push(socket);
    return socket;
  };
}

/** Connects expecting refusal; resolves with the connect_error message. */
export function connectError(url: string, auth: Record<string, unknown>): Promise<string> {
  const socket = io(url, { path: '/socket.io', transports: ['websocket'], auth, reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
    socket.once('ready', () => {
      socket.close();
      reject(new Error('connected, but refusal was expected'));
    });
  });
}

/** Collects events for a while to prove that nothing (more) arrives. */
export const quietPeriod = (ms = 400) => new Promise((r) => setTimeout(r, ms));
