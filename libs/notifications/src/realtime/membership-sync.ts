import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EventBus, type PublishedEvent } from '@ruche/platform';
import { RealtimeDelivery } from './realtime-delivery.js';

/**
 * Keeps live sockets' group rooms in step with memberships: a new member's already-connected
 * sockets join `group:<id>`, a member who leaves, is removed or is banned has theirs leave it at
 * once (connecting sockets get their rooms from SocketRooms instead).
 *
 * EventBus listeners run on one instance only (the one that stamped the event), so the room
 * operations are server-wide (`server.in(room).socketsJoin`): with the Redis adapter they reach
 * the user's sockets on every instance.
 *
 * Timing: the listener runs right after the removal is stamped, before the stamper takes its next
 * batch, so group events committed after that are not sent to the removed member's sockets. The
 * remaining window is an event stamped in the same batch as the removal (committed at the same
 * moment), which every instance's delivery may send while the room operation is under way.
 * Closing it would mean applying room moves inside RealtimeDelivery's ordered queue on each
 * instance (`server.local`), which is the follow-up if that window matters.
 */
@Injectable()
export class MembershipSync implements OnModuleInit {
  private readonly logger = new Logger('realtime');

  constructor(
    private readonly bus: EventBus,
    private readonly delivery: RealtimeDelivery,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe('group.created', (event) => this.join(event, event.actorId, event.payload.group.id));
    this.bus.subscribe('group.member_joined', (event) => this.join(event, event.payload.userId, event.payload.groupId));
    this.bus.subscribe('group.member_approved', (event) => this.join(event, event.payload.userId, event.payload.groupId));
    this.bus.subscribe('group.member_removed', (event) => this.leave(event, event.payload.userId, event.payload.groupId));
  }

  private join(event: PublishedEvent, userId: string | null, groupId: string): void {
    const server = this.delivery.io;
    if (!server || !userId) return;
    server.in(`user:${userId}`).socketsJoin(`group:${groupId}`);
    this.logger.debug({ msg: 'sockets joined group room', eventId: event.eventId, userId, groupId });
  }

  private leave(event: PublishedEvent, userId: string, groupId: string): void {
    const server = this.delivery.io;
    if (!server) return;
    server.in(`user:${userId}`).socketsLeave(`group:${groupId}`);
    this.logger.debug({ msg: 'sockets left group room', eventId: event.eventId, userId, groupId });
  }
}
