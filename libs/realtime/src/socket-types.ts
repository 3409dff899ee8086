import type { ClientToServerEvents, ServerToClientEvents } from '@ruche/contracts';
import type { AuthUser } from '@ruche/platform';
import type { DefaultEventsMap, Server, Socket } from 'socket.io';

/** What the handshake leaves on a socket: who it is and where its replay starts. */
export interface SocketData {
  user: AuthUser;
  lastEventId?: number;
}

/** The Socket.IO server and sockets, typed by the event map the web app shares (contracts). */
export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, DefaultEventsMap, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, DefaultEventsMap, SocketData>;
