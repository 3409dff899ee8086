import { Injectable } from '@nestjs/common';
import type { DomainEventType, PublishedEvent } from './domain-events.js';

/** The room of one person's sockets, every one they have open: what is addressed to them alone. */
export const userRoom = (userId: string) => `user:${userId}`;

/** An event about one account, told to that person's own sockets: its audience and subject. */
export const aboutAccount = (userId: string) => ({ audience: [userRoom(userId)], subject: { type: 'user', id: userId } });

/** The room of the sockets opened with one session's access tokens: what revoking that session closes. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/** Given a user, the extra rooms their sockets belong to (e.g. `group:<id>` for each membership). */
export type RoomSource = (userId: string) => Promise<string[]>;

/** A change to which rooms a user's live sockets are in, caused by an event (e.g. joining a group). */
export interface RoomChange {
  userId: string;
  join?: string[];
  leave?: string[];
  /** Close the user's sockets (e.g. the account was suspended): they must reconnect, and cannot. */
  disconnect?: boolean;
  /** Only the user's sockets in these rooms (e.g. one session's), rather than all of them. */
  rooms?: string[];
}

export type RoomEffect<T extends DomainEventType = DomainEventType> = (event: PublishedEvent<T>) => RoomChange | null;

/**
 * Which rooms a user's sockets are in, as the modules that own the memberships say: a source gives
 * a connecting socket its rooms (the realtime gateway adds `user:<id>`), and an effect moves live
 * sockets when an event changes a membership (joining a group, following someone). Keeps realtime
 * free of domain knowledge and the producers free of realtime.
 */
@Injectable()
export class SocketRooms {
  private readonly sources: RoomSource[] = [];
  /** By event type, each list typed by its key (a Map<string, ...> would need a cast to hold them); no prototype. */
  private readonly effects: { [T in DomainEventType]?: RoomEffect<T>[] } = Object.create(null);

  register(source: RoomSource): void {
    this.sources.push(source);
  }

  /**
   * Registers how an event type moves live sockets between rooms. Realtime applies effects in its
   * delivery order on every instance, for that instance's sockets, right before the event is sent:
   * a member removed at event N gets nothing addressed to the group after N, and a new member gets
   * everything after their join. Must be pure (no reads): delivery does not wait on it.
   */
  onEvent<T extends DomainEventType>(type: T, effect: RoomEffect<T>): void {
    const list: RoomEffect<T>[] = (this.effects[type] ??= []);
    list.push(effect);
  }

  effectsOf<T extends DomainEventType>(type: T): readonly RoomEffect<T>[] {
    return this.effects[type] ?? [];
  }

  async roomsOf(userId: string): Promise<string[]> {
    const extra = await Promise.all(this.sources.map((source) => source(userId)));
    return [userRoom(userId), ...extra.flat()];
  }
}
