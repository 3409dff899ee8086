import type { DomainEventMap } from './domain-events.js';

/**
 * What travels on the Socket.IO connection between the api (`libs/realtime`) and the web app, in
 * both directions, typed once for both ends: `Server<ClientToServerEvents, ServerToClientEvents>`
 * and `Socket<ServerToClientEvents, ClientToServerEvents>`.
 */

/** The handshake's `auth`: the access token, and the last `eventId` seen to replay what was missed. */
export interface HandshakeAuth {
  token: string;
  lastEventId?: number;
}

/** Why the server refused a handshake (`connect_error`'s message). */
export const CONNECT_REFUSALS = { unauthorized: 'unauthorized', invalidLastEventId: 'invalid lastEventId' } as const;
export type ConnectRefusal = (typeof CONNECT_REFUSALS)[keyof typeof CONNECT_REFUSALS];

/** Sent once a socket's replay (if any) is done and it is in its rooms. */
export interface ReadyEvent {
  /** The last event id delivered: what a client that saw nothing yet resumes from. */
  lastEventId: number;
  /** How many rooms the socket joined. */
  rooms: number;
  /** The replay may not hold everything missed (pruned, or over the limit): refetch, do not patch. */
  replayTruncated: boolean;
}

/** Every domain event reaches a client as its payload plus its place in the delivery order. */
export type Delivered<P> = P & { eventId: number };

/** What a socket receives, by event name: `ready`, then every domain event addressed to its rooms. */
export type ClientEventMap = { ready: ReadyEvent } & { [K in keyof DomainEventMap]: Delivered<DomainEventMap[K]> };
export type ClientEventName = keyof ClientEventMap & string;

export type ServerToClientEvents = { [K in ClientEventName]: (payload: ClientEventMap[K]) => void };

/** The content rooms a client may ask for (`post:<id>`, ...); each is checked by its owner's visibility. */
export const SUBSCRIBABLE_ROOM_TYPES = ['post', 'idea', 'campaign', 'question'] as const;
export type SubscribableRoom = `${(typeof SUBSCRIBABLE_ROOM_TYPES)[number]}:${string}`;

export interface RoomRequest {
  room: SubscribableRoom;
}

/** A refused subscription reads the same whether the room does not exist or is not visible. */
export type RoomAck = { ok: true } | { ok: false; error: 'invalid room' | 'not found' };

export interface ClientToServerEvents {
  subscribe: (request: RoomRequest, ack: (answer: RoomAck) => void) => void;
  unsubscribe: (request: RoomRequest, ack: (answer: RoomAck) => void) => void;
}
