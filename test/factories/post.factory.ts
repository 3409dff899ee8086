import type { TestApp } from '../support/test-app.js';
import { expectBody } from './expect-status.js';
import { actingAs, type TestUser } from './user.factory.js';

export interface PostBody {
  id: string;
  author: { id: string; handle: string; displayName: string };
  body: string;
  groupId: string | null;
  createdAt: string;
  updatedAt: string;
  mentions: string[];
  mentionedUsers: { id: string; handle: string; displayName: string }[];
  commentCount: number;
  reactions: Record<'like' | 'celebrate' | 'insightful' | 'support', number>;
  myReactions: string[];
}

export interface ListBody<T> {
  items: T[];
  nextCursor: string | null;
}

let counter = 0;

/** Publishes a post through the real API; fails the test on anything but 201. */
export async function createPost(t: TestApp, author: TestUser, body = `Post number ${++counter}`): Promise<PostBody> {
  return expectBody(actingAs(t, author).post('/api/posts', { body }), 201, 'POST /api/posts');
}

/** `n` posts by `author`, oldest first. */
export async function createPosts(t: TestApp, author: TestUser, n: number, prefix = 'Post'): Promise<PostBody[]> {
  const posts: PostBody[] = [];
  for (let i = 0; i < n; i++) posts.push(await createPost(t, author, `${prefix} ${i + 1}`));
  return posts;
}

/** One page of a list endpoint (`path` may carry a query string). */
export async function listPage<T = PostBody>(t: TestApp, viewer: TestUser, path: string): Promise<ListBody<T>> {
  return expectBody(actingAs(t, viewer).get(path), 200, `GET ${path}`);
}

/** Every item of a list, following `nextCursor` page by page. */
export async function listAll<T = PostBody>(t: TestApp, viewer: TestUser, path: string, limit = 100): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: ListBody<T> = await listPage<T>(
      t,
      viewer,
      `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export const ids = (items: { id: string }[]) => items.map((i) => i.id);
