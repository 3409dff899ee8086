import { Injectable, OnModuleInit } from '@nestjs/common';
import { type EventSubject, SocketRooms, userRoom } from '@ruche/platform';
import { groupRoom } from '@ruche/groups';
import { type AnnouncementRow, isUnnarrowed } from './announcement-sql.js';

/**
 * The room every signed-in socket is in (announcements registers it as a room source): what a
 * company-wide announcement to everyone is addressed to, one room rather than a list of people.
 */
export const COMPANY_ROOM = 'company';

export const announcementSubject = (id: string): EventSubject => ({ type: 'announcement', id });

/**
 * Who hears of an announcement live: the whole group (`group:<id>`, so a private group's
 * announcement reaches its members only, in the same ordered delivery that moves sockets in and
 * out of the group), the whole company, or, when narrowed to departments or locations, each
 * recipient's own room. The author of a company-wide one too (a group's author hears of it as a
 * member: one who left a private group hears nothing more of it).
 */
export function announcementAudience(
  row: Pick<AnnouncementRow, 'author_id' | 'group_id' | 'audience_departments' | 'audience_locations'>,
  recipientIds: readonly string[],
): string[] {
  const rooms = isUnnarrowed(row) ? [row.group_id ? groupRoom(row.group_id) : COMPANY_ROOM] : recipientIds.map(userRoom);
  return [...new Set(row.group_id ? rooms : [...rooms, userRoom(row.author_id)])];
}

/** Every signed-in socket joins the company room (what a company-wide announcement to everyone is sent to). */
@Injectable()
export class AnnouncementRooms implements OnModuleInit {
  constructor(private readonly rooms: SocketRooms) {}

  onModuleInit(): void {
    this.rooms.register(() => Promise.resolve([COMPANY_ROOM]));
  }
}
