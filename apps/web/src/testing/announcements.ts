import type { Announcement } from '../api/announcements';
import { me } from './render';

/** A live, published announcement to everyone, by the signed-in test person unless `change` says otherwise. */
export function announcementFixture(change: Partial<Announcement> = {}): Announcement {
  return {
    id: '00000000-0000-4000-8000-0000000000c1',
    title: 'Quarterly results',
    body: 'Numbers are in.',
    author: { id: me.id, handle: me.handle, displayName: me.displayName },
    groupId: null,
    audience: { departments: [], locations: [] },
    publishAt: '2026-12-01T09:00:00.000Z',
    publishedAt: '2026-12-01T09:00:00.000Z',
    expiresAt: null,
    live: true,
    recipientCount: 12,
    isRecipient: false,
    acknowledgedAt: null,
    ...change,
  };
}
