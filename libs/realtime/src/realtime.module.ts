import { Module } from '@nestjs/common';
import { RealtimeDelivery } from './realtime-delivery.js';
import { RealtimeGateway } from './realtime.gateway.js';
import { RoomAccess } from './room-access.js';

/**
 * Live delivery: the Socket.IO gateway, the ordered delivery of outbox events to rooms (and replay),
 * and the live re-check of access. Imports no domain module: who may connect, which rooms a socket
 * starts in and how events move it between rooms, and who may see what all come from the owning
 * modules through platform's ports (SocketAuthentication, SocketRooms, SubjectVisibility).
 */
@Module({
  providers: [RealtimeGateway, RealtimeDelivery, RoomAccess],
  exports: [RealtimeDelivery],
})
export class RealtimeModule {}
