import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { type AuthUser, SubjectVisibility } from '@ruche/platform';
import { RealtimeDelivery } from './realtime-delivery.js';
import type { RealtimeServer, RealtimeSocket } from './socket-types.js';

/** Rooms that carry one subject's content (`post:<id>`...), joined on request after a visibility check. */
const CONTENT_ROOM = /^(post|idea|campaign|question):(.+)$/;

/** One viewer's visibility read. */
const CHECK_MS = 2_000;
/** A whole re-check: delivery on this instance waits for it, so it may not wait long. */
const DEADLINE_MS = 10_000;
/** Viewers checked at once: the pool is shared with requests. */
const PARALLEL = 4;
const SLOW_MS = 1_000;

interface Holder {
  userId: string;
  sockets: Set<RealtimeSocket>;
  rooms: Set<string>;
}

/**
 * Who may be in a content room: a socket joins `post:<id>` (`idea:`, `question:`, `campaign:`)
 * only if its user may see the subject, and leaves it when they stop being allowed to, so content
 * never reaches a person who lost access (the producer addressed the room when they were in it).
 *
 * A loss of access is re-checked in the delivery order, right after the event that caused it is
 * sent and before any later event is (see {@link RealtimeDelivery.afterSend}), on every instance
 * for its own sockets. The check asks {@link SubjectVisibility}, the rule every read path uses, so
 * it agrees with REST. Ordinary events cost nothing: only the events that can take access away
 * trigger a read, and only for the sockets they concern. A check that fails or runs out of time
 * removes the socket from the room (a client can subscribe again, and is checked again).
 */
@Injectable()
export class RoomAccess implements OnModuleInit {
  private readonly logger = new Logger('realtime');

  constructor(
    private readonly delivery: RealtimeDelivery,
    private readonly visibility: SubjectVisibility,
  ) {}

  onModuleInit(): void {
    // The person themselves lost something: a membership (a ban of a member removes it too), a
    // group they could read as an outsider, or a role that showed them moderated content.
    this.delivery.afterSend('group.member_removed', (e, server) => this.recheckPeople(server, [e.payload.userId]));
    this.delivery.afterSend('group.banned', (e, server) => this.recheckPeople(server, [e.payload.userId]));
    this.delivery.afterSend('user.roles_changed', async (e, server) => {
      if (e.payload.previous.some((role) => !e.payload.roles.includes(role)))
        await this.recheckPeople(server, [e.payload.userId]);
    });
    // The content moved out of someone's sight: whoever watches it.
    this.delivery.afterSend('group.updated', async (e, server) => {
      if (e.payload.changed.includes('visibility') && e.payload.group.visibility === 'private') {
        await this.recheckRooms(server, await this.groupPostRooms(server, e.payload.group.id));
      }
    });
    this.delivery.afterSend('post.hidden', (e, server) => this.recheckRooms(server, [`post:${e.payload.postId}`]));
    this.delivery.afterSend('idea.hidden', (e, server) => this.recheckRooms(server, [`idea:${e.payload.ideaId}`]));
    this.delivery.afterSend('question.hidden', (e, server) => this.recheckRooms(server, [`question:${e.payload.questionId}`]));
    // Gone for everyone: its room has nothing more to say (the deletion notice was its last word).
    this.delivery.afterSend('post.deleted', async (e, server) =>
      server.local.in(`post:${e.payload.postId}`).socketsLeave(`post:${e.payload.postId}`),
    );
  }

  /**
   * Joins `socket` to the room of a subject its user may see; false when they may not. The check
   * and the join cannot be split by a change of access (see {@link RealtimeDelivery.joinDecided}).
   */
  subscribe(socket: RealtimeSocket, userId: string, subjectType: string, subjectId: string): Promise<boolean> {
    return this.delivery.joinDecided(
      () =>
        within(this.visibility.canSee(userId, subjectType, subjectId), CHECK_MS).catch((error) => {
          this.logger.warn({ msg: 'subscription check failed', userId, subjectType, subjectId, error: String(error) });
          return false;
        }),
      async (visible) => {
        if (!visible || socket.disconnected) return false;
        await socket.join(`${subjectType}:${subjectId}`);
        return true;
      },
    );
  }

  /** Post rooms held here whose post is in the group (all of them, if that cannot be told in time). */
  private async groupPostRooms(server: RealtimeServer, groupId: string): Promise<string[]> {
    const held = [...server.of('/').adapter.rooms.keys()].filter((room) => room.startsWith('post:')).map((room) => room.slice(5));
    if (held.length === 0) return [];
    const inside = await within(this.visibility.within('post', { type: 'group', id: groupId }, held), CHECK_MS).catch((error) => {
      this.logger.warn({ msg: 'group posts unknown; re-checking every post room', groupId, error: String(error) });
      return new Set(held);
    });
    return [...inside].map((id) => `post:${id}`);
  }

  /** Every content room held by these people's sockets here. */
  private recheckPeople(server: RealtimeServer, userIds: string[]): Promise<void> {
    const holders = new Map<string, Holder>();
    for (const userId of userIds) {
      for (const socket of socketsIn(server, `user:${userId}`)) {
        for (const room of socket.rooms) if (CONTENT_ROOM.test(room)) hold(holders, userId, socket, room);
      }
    }
    return this.verify(holders);
  }

  /** Every socket here in these rooms. */
  private recheckRooms(server: RealtimeServer, rooms: string[]): Promise<void> {
    const holders = new Map<string, Holder>();
    for (const room of rooms) {
      for (const socket of socketsIn(server, room)) {
        const userId = (socket.data as { user?: AuthUser }).user?.id;
        if (userId) hold(holders, userId, socket, room);
        else void socket.leave(room);
      }
    }
    return this.verify(holders);
  }

  /** Makes each holder's sockets leave the rooms whose subject its user may no longer see. */
  private async verify(holders: Map<string, Holder>): Promise<void> {
    const deadline = Date.now() + DEADLINE_MS;
    const queue = [...holders.values()];
    const worker = async () => {
      for (let holder = queue.shift(); holder; holder = queue.shift()) {
        const keep = await within(this.visibleRooms(holder), Math.min(CHECK_MS, deadline - Date.now())).catch((error) => {
          this.logger.warn({ msg: 'access re-check failed; leaving the rooms', userId: holder.userId, error: String(error) });
          return new Set<string>();
        });
        for (const room of holder.rooms) {
          if (keep.has(room)) continue;
          for (const socket of holder.sockets) await socket.leave(room);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
    // Delivery on this instance waited for it: worth knowing when it grows (200 people, 2,000 rooms: ~0.4 s).
    const ms = Date.now() - (deadline - DEADLINE_MS);
    if (ms > SLOW_MS) this.logger.warn({ msg: 'slow access re-check', people: holders.size, ms });
  }

  private visibleRooms({ userId, rooms }: Holder): Promise<Set<string>> {
    const subjects = [...rooms].flatMap((room) => {
      const [, type, id] = CONTENT_ROOM.exec(room) ?? [];
      return type && id ? [{ type, id }] : [];
    });
    return this.visibility.visibleSubjects(userId, subjects);
  }
}

function socketsIn(server: RealtimeServer, room: string): RealtimeSocket[] {
  const namespace = server.of('/');
  return [...(namespace.adapter.rooms.get(room) ?? [])].flatMap((id) => namespace.sockets.get(id) ?? []);
}

function hold(holders: Map<string, Holder>, userId: string, socket: RealtimeSocket, room: string): void {
  const holder = holders.get(userId) ?? { userId, sockets: new Set<RealtimeSocket>(), rooms: new Set<string>() };
  holder.sockets.add(socket);
  holder.rooms.add(room);
  holders.set(userId, holder);
}

/** `work`, or a rejection once `ms` have passed (the work itself is bounded by statement_timeout). */
function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${Math.max(ms, 0)} ms`)), Math.max(ms, 0));
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
