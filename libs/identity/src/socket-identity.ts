import { Injectable, OnModuleInit } from '@nestjs/common';
import { sessionRoom, SocketAuthentication, SocketRooms } from '@ruche/platform';
import { SessionsService } from './sessions.service.js';

/** What realtime needs from identity, registered on platform's ports so realtime imports no domain module. */
@Injectable()
export class SocketIdentity implements OnModuleInit {
  constructor(
    private readonly sessions: SessionsService,
    private readonly authentication: SocketAuthentication,
    private readonly rooms: SocketRooms,
  ) {}

  onModuleInit(): void {
    this.authentication.register((token) => this.sessions.authenticateToken(token));
    // A suspended or deactivated account's live sockets close at once, and an ended session's;
    // reconnecting with their tokens is refused at the handshake.
    this.rooms.onEvent('user.suspended', (e) => ({ userId: e.payload.userId, disconnect: true }));
    this.rooms.onEvent('user.deactivated', (e) => ({ userId: e.payload.userId, disconnect: true }));
    this.rooms.onEvent('user.erased', (e) => ({ userId: e.payload.userId, disconnect: true }));
    this.rooms.onEvent('session.revoked', (e) => ({
      userId: e.payload.userId,
      rooms: e.payload.sessionIds.map(sessionRoom),
      disconnect: true,
    }));
  }
}
