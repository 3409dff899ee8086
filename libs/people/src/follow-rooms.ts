import { Injectable, OnModuleInit } from '@nestjs/common';
import { SocketRooms } from '@ruche/platform';
import { PeopleService } from './people.service.js';

/** The room of everyone following `userId`: a company-wide post by them is addressed to it, not to each follower. */
export const followersRoom = (userId: string) => `followers:${userId}`;

/**
 * Followers hear a post through one room, so an event's size does not grow with its author's
 * audience (5,000 followers were 5,000 room names in the outbox row): a socket joins the rooms of
 * everyone its user follows when it connects (and so gets them on replay), and follows and
 * unfollows move live sockets in the delivery order, so a new follower hears every post after the
 * follow and a former one none after the unfollow.
 */
@Injectable()
export class FollowRooms implements OnModuleInit {
  constructor(
    private readonly people: PeopleService,
    private readonly rooms: SocketRooms,
  ) {}

  onModuleInit(): void {
    this.rooms.register(async (userId) => (await this.people.followeeIds(userId)).map(followersRoom));
    this.rooms.onEvent('user.followed', (e) => ({ userId: e.payload.followerId, join: [followersRoom(e.payload.followeeId)] }));
    this.rooms.onEvent('user.unfollowed', (e) => ({
      userId: e.payload.followerId,
      leave: [followersRoom(e.payload.followeeId)],
    }));
  }
}
