import { Injectable, OnModuleInit } from '@nestjs/common';
import { RealtimeDelivery } from './realtime-delivery.js';

const groupRoom = (groupId: string) => `group:${groupId}`;

/**
 * Keeps live sockets' group rooms in step with memberships, and closes a suspended user's sockets: a new member's connected sockets join
 * `group:<id>`, a member who leaves, is removed or is banned has theirs leave it (sockets that
 * connect later get their rooms from SocketRooms). The moves run inside each instance's ordered
 * delivery (see {@link RealtimeDelivery.onEvent}), so no group event after a removal reaches the
 * removed member, and no broker is needed for it.
 */
@Injectable()
export class MembershipSync implements OnModuleInit {
  constructor(private readonly delivery: RealtimeDelivery) {}

  onModuleInit(): void {
    this.delivery.onEvent('group.created', (e) => (e.actorId ? { userId: e.actorId, join: [groupRoom(e.payload.group.id)] } : null));
    this.delivery.onEvent('group.member_joined', (e) => ({ userId: e.payload.userId, join: [groupRoom(e.payload.groupId)] }));
    this.delivery.onEvent('group.member_approved', (e) => ({ userId: e.payload.userId, join: [groupRoom(e.payload.groupId)] }));
    this.delivery.onEvent('group.member_removed', (e) => ({ userId: e.payload.userId, leave: [groupRoom(e.payload.groupId)] }));
    // A suspended account's live sockets close at once; reconnecting is refused at the handshake.
    this.delivery.onEvent('user.suspended', (e) => ({ userId: e.payload.userId, disconnect: true }));
  }
}
