import type { TestApp } from '../support/test-app.js';
import { expectBody } from './expect-status.js';
import { listAll } from './post.factory.js';
import { actingAs, type TestUser } from './user.factory.js';

export interface NotificationBody {
  id: string;
  kind: string;
  actor: { id: string; handle: string; displayName: string } | null;
  actors?: { id: string; handle: string; displayName: string }[];
  actorCount?: number;
  subject: { type: string; id: string };
  context: Record<string, string | number | boolean | null>;
  about?: {
    title: string | null;
    excerpt: string | null;
    group?: { id: string; name: string };
    campaign?: { id: string; title: string };
  } | null;
  createdAt: string;
  readAt: string | null;
}

/** Every notification of `user` (after every committed event reached the listeners), newest first. */
export async function notificationsOf(t: TestApp, user: TestUser, query = ''): Promise<NotificationBody[]> {
  await t.settle();
  return listAll<NotificationBody>(t, user, query ? `/api/notifications?${query}` : '/api/notifications');
}

/** Only the notifications of one kind. */
export async function kindOf(t: TestApp, user: TestUser, kind: string): Promise<NotificationBody[]> {
  return (await notificationsOf(t, user)).filter((n) => n.kind === kind);
}

export async function unreadCount(t: TestApp, user: TestUser): Promise<number> {
  await t.settle();
  return (await expectBody<{ count: number }>(actingAs(t, user).get('/api/notifications/unread-count'), 200, 'GET unread-count'))
    .count;
}

export async function markRead(
  t: TestApp,
  user: TestUser,
  body: { ids?: string[]; kinds?: string[]; all?: true },
): Promise<void> {
  await expectBody(actingAs(t, user).post('/api/notifications/read', body), 204, 'POST /api/notifications/read');
}

export async function setPreference(t: TestApp, user: TestUser, kind: string, enabled: boolean): Promise<void> {
  await expectBody(
    actingAs(t, user).put('/api/notifications/preferences', { preferences: [{ kind, enabled }] }),
    200,
    'PUT preferences',
  );
}

export async function mute(t: TestApp, user: TestUser, type: 'post' | 'group', id: string): Promise<void> {
  await expectBody(actingAs(t, user).put(`/api/notifications/mutes/${type}/${id}`), 204, `PUT mutes/${type}/${id}`);
}

/** Comments on a post through the real API; fails the test on anything but 201. */
export async function comment(t: TestApp, user: TestUser, postId: string, body = 'Good point'): Promise<{ id: string }> {
  return expectBody(actingAs(t, user).post(`/api/posts/${postId}/comments`, { body }), 201, 'POST comment');
}

export async function react(t: TestApp, user: TestUser, postId: string, kind = 'like'): Promise<void> {
  await expectBody(actingAs(t, user).put(`/api/posts/${postId}/reactions/${kind}`), 200, 'PUT reaction');
}

/** Publishes a post (optionally in a group) through the real API. */
export async function postIn(t: TestApp, author: TestUser, body: string, groupId?: string): Promise<{ id: string }> {
  return expectBody(actingAs(t, author).post('/api/posts', groupId ? { body, groupId } : { body }), 201, 'POST /api/posts');
}
