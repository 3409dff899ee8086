import type { TestApp } from '../support/test-app.js';
import { expectStatus } from './expect-status.js';
import type { TestUser } from './user.factory.js';

export interface NotificationBody {
  id: string;
  kind: string;
  actor: { id: string; handle: string; displayName: string } | null;
  actors?: { id: string; handle: string; displayName: string }[];
  actorCount?: number;
  subject: { type: string; id: string };
  context: Record<string, string | number | boolean | null>;
  about?: { title: string | null; excerpt: string | null; group?: { id: string; name: string }; campaign?: { id: string; title: string } } | null;
  createdAt: string;
  readAt: string | null;
}


/** Every notification of `user` (after every committed event reached the listeners), newest first. */
export async function notificationsOf(t: TestApp, user: TestUser, query = ''): Promise<NotificationBody[]> {
  await t.settle();
  const items: NotificationBody[] = [];
  let cursor: string | null = null;
  do {
    const sep = query ? '&' : '';
    const url: string = `/api/notifications?${query}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await t.http.get(url).set('Authorization', user.auth);
    expectStatus(res, 200, `GET ${url}`);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

/** Only the notifications of one kind. */
export async function kindOf(t: TestApp, user: TestUser, kind: string): Promise<NotificationBody[]> {
  return (await notificationsOf(t, user)).filter((n) => n.kind === kind);
}

export async function unreadCount(t: TestApp, user: TestUser): Promise<number> {
  await t.settle();
  const res = await t.http.get('/api/notifications/unread-count').set('Authorization', user.auth);
  expectStatus(res, 200, 'GET unread-count');
  return res.body.count;
}

export async function markRead(t: TestApp, user: TestUser, body: { ids?: string[]; kinds?: string[]; all?: true }): Promise<void> {
  const res = await t.http.post('/api/notifications/read').set('Authorization', user.auth).send(body);
  expectStatus(res, 204, 'POST /api/notifications/read');
}

export async function setPreference(t: TestApp, user: TestUser, kind: string, enabled: boolean): Promise<void> {
  const res = await t.http
    .put('/api/notifications/preferences')
    .set('Authorization', user.auth)
    .send({ preferences: [{ kind, enabled }] });
  expectStatus(res, 200, 'PUT preferences');
}

export async function mute(t: TestApp, user: TestUser, type: 'post' | 'group', id: string): Promise<void> {
  const res = await t.http.put(`/api/notifications/mutes/${type}/${id}`).set('Authorization', user.auth);
  expectStatus(res, 204, `PUT mutes/${type}/${id}`);
}

/** Comments on a post through the real API; fails the test on anything but 201. */
export async function comment(t: TestApp, user: TestUser, postId: string, body = 'Good point'): Promise<{ id: string }> {
  const res = await t.http.post(`/api/posts/${postId}/comments`).set('Authorization', user.auth).send({ body });
  expectStatus(res, 201, 'POST comment');
  return res.body;
}

export async function react(t: TestApp, user: TestUser, postId: string, kind = 'like'): Promise<void> {
  const res = await t.http.put(`/api/posts/${postId}/reactions/${kind}`).set('Authorization', user.auth);
  expectStatus(res, 200, 'PUT reaction');
}

/** Publishes a post (optionally in a group) through the real API. */
export async function postIn(t: TestApp, author: TestUser, body: string, groupId?: string): Promise<{ id: string }> {
  const res = await t.http
    .post('/api/posts')
    .set('Authorization', author.auth)
    .send(groupId ? { body, groupId } : { body });
  expectStatus(res, 201, 'POST /api/posts');
  return res.body;
}
