import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { CONNECT_REFUSALS, type RoomAck, SUBSCRIBABLE_ROOM_TYPES } from '@ruche/contracts';
import { ID_PATTERN, sessionRoom, SocketAuthentication, SocketRooms } from '@ruche/platform';
import { RealtimeDelivery } from './realtime-delivery.js';
import { RoomAccess } from './room-access.js';
import type { RealtimeServer, RealtimeSocket } from './socket-types.js';

/** Rooms a client may ask for, each guarded by the owning module's visibility check; ids as platform spells them. */
const SUBSCRIBABLE = new RegExp(`^(${SUBSCRIBABLE_ROOM_TYPES.join('|')}):(${ID_PATTERN.source.replace(/^\^|\$$/g, '')})$`, 'i');

/**
 * Thin by design: authenticates the handshake, joins rooms, answers subscriptions. What is sent
 * comes from the outbox through {@link RealtimeDelivery}; business code never calls the gateway.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('realtime');
  /** The Socket.IO server, for operators' tools and tests (server-wide operations go through the adapter). */
  @WebSocketServer() readonly server: RealtimeServer;

  constructor(
    private readonly authentication: SocketAuthentication,
    private readonly rooms: SocketRooms,
    private readonly delivery: RealtimeDelivery,
    private readonly access: RoomAccess,
  ) {}

  afterInit(server: RealtimeServer): void {
    this.delivery.attach(server);
    // Guards do not run on connect: authentication happens in the handshake middleware.
    server.use((socket, next) => {
      const auth = (socket.handshake.auth ?? {}) as { token?: unknown; lastEventId?: unknown };
      const lastEventId = auth.lastEventId === undefined || auth.lastEventId === null ? undefined : Number(auth.lastEventId);
      if (lastEventId !== undefined && (!Number.isSafeInteger(lastEventId) || lastEventId < 0)) {
        return next(new Error(CONNECT_REFUSALS.invalidLastEventId));
      }
      if (typeof auth.token !== 'string' || auth.token.length > 4096) return next(new Error(CONNECT_REFUSALS.unauthorized));
      this.authentication
        .authenticate(auth.token)
        .then((user) => {
          if (!user) return next(new Error(CONNECT_REFUSALS.unauthorized));
          socket.data = { user, lastEventId };
          next();
        })
        .catch(() => next(new Error(CONNECT_REFUSALS.unauthorized)));
    });
  }

  async handleConnection(socket: RealtimeSocket): Promise<void> {
    const data = socket.data;
    if (!data?.user) return void socket.disconnect(true);
    try {
      const { rooms, replayTruncated } = await this.delivery.join(
        socket,
        data.user.id,
        // The session's own room too, so revoking that session closes exactly its sockets.
        async () => {
          const rooms = await this.rooms.roomsOf(data.user.id);
          return data.user.sessionId ? [...rooms, sessionRoom(data.user.sessionId)] : rooms;
        },
        data.lastEventId,
      );
      // `replayTruncated`: the events replayed may not be all that was missed; refetch, do not patch.
      socket.emit('ready', { lastEventId: this.delivery.lastDeliveredId, rooms: rooms.length, replayTruncated });
    } catch (error) {
      this.logger.error({ msg: 'connection setup failed', userId: data.user.id, error: String(error) });
      socket.disconnect(true);
    }
  }

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() body: unknown): Promise<RoomAck> {
    const room = (body as { room?: unknown } | null)?.room;
    const match = typeof room === 'string' ? SUBSCRIBABLE.exec(room) : null;
    if (!match) return { ok: false, error: 'invalid room' };
    const [, type, id] = match;
    const user = socket.data.user;
    if (!(await this.access.subscribe(socket, user.id, type.toLowerCase(), id.toLowerCase()))) {
      return { ok: false, error: 'not found' };
    }
    return { ok: true };
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() body: unknown): Promise<RoomAck> {
    const room = (body as { room?: unknown } | null)?.room;
    if (typeof room !== 'string' || !SUBSCRIBABLE.test(room)) return { ok: false, error: 'invalid room' };
    await socket.leave(room.toLowerCase());
    return { ok: true };
  }
}
