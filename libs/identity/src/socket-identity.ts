import { Injectable, OnModuleInit } from '@nestjs/common';
import { SocketAuthentication, SocketRooms } from '@ruche/platform';
import { IdentityService } from './identity.service.js';

/** What realtime needs from identity, registered on platform's ports so realtime imports no domain module. */
@Injectable()
export class SocketIdentity implements OnModuleInit {
  constructor(
    private readonly identity: IdentityService,
    private readonly authentication: SocketAuthentication,
    private readonly rooms: SocketRooms,
  ) {}

  onModuleInit(): void {
    this.authentication.register((token) => this.identity.authenticateToken(token));
    // A suspended account's live sockets close at once; reconnecting is refused at the handshake.
    this.rooms.onEvent('user.suspended', (e) => ({ userId: e.payload.userId, disconnect: true }));
  }
}
