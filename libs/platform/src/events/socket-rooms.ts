import { Injectable } from '@nestjs/common';

/** Given a user, the extra rooms their sockets belong to (e.g. `group:<id>` for each membership). */
export type RoomSource = (userId: string) => Promise<string[]>;

/**
 * Modules that own room-worthy memberships register a source here; the realtime gateway joins
 * every connecting socket to `user:<id>` plus what the sources return. Keeps the gateway free
 * of domain knowledge and the producers free of the gateway.
 */
@Injectable()
export class SocketRooms {
  private readonly sources: RoomSource[] = [];

  register(source: RoomSource): void {
    this.sources.push(source);
  }

  async roomsOf(userId: string): Promise<string[]> {
    const extra = await Promise.all(this.sources.map((source) => source(userId)));
    return [`user:${userId}`, ...extra.flat()];
  }
}
