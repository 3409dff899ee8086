import { useQuery } from '@tanstack/react-query';
import type { Guidelines, Post, ReactionCounts } from '../api/types';
import { keys, type PostPages } from '../feed/cache';
import { type ApiCall, me } from './render';

/** A post nobody reacted to: the api always sends every kind. */
export const NO_REACTIONS: ReactionCounts = { like: 0, celebrate: 0, insightful: 0, support: 0 };

/** A post as the api returns it, by the signed-in test person unless `change` says otherwise. */
export function postFixture(change: Partial<Post> = {}): Post {
  const body = change.body ?? 'A post';
  const now = new Date().toISOString();
  return {
    id: '00000000-0000-4000-8000-0000000000aa',
    author: { id: me.id, handle: me.handle, displayName: me.displayName },
    body,
    // What the server renders of a plain line, so a test's body shows as written.
    bodyHtml: `<p>${body.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}</p>`,
    groupId: null,
    createdAt: now,
    updatedAt: now,
    mentions: [],
    mentionedUsers: [],
    commentCount: 0,
    reactions: NO_REACTIONS,
    myReactions: [],
    attachments: [],
    poll: null,
    ...change,
  };
}

/** The home feed's first post as the cache holds it now (what a piece that patches the cache shows). */
export function useFirstCachedPost(): Post | undefined {
  const { data } = useQuery<PostPages>({ queryKey: keys.feed('home'), queryFn: () => new Promise(() => undefined) });
  return data?.pages[0]?.items[0];
}

/** Community guidelines with nothing to accept: the composer posts straight away. */
export const NO_GUIDELINES: Guidelines = {
  version: null,
  body: '',
  bodyHtml: '',
  publishedAt: null,
  publishedBy: null,
  acceptedVersion: null,
  mustAccept: false,
};

/** The id of the post the composer publishes in tests. */
export const PUBLISHED_POST_ID = '00000000-0000-4000-8000-0000000000bb';

/** What the api answers the composer: no guidelines to accept, and the post it publishes as sent. */
export function composerReply(call: ApiCall): { status: number; body: unknown } | undefined {
  if (call.path === '/api/guidelines') return { status: 200, body: NO_GUIDELINES };
  if (call.method === 'POST' && call.path === '/api/posts')
    return { status: 201, body: postFixture({ id: PUBLISHED_POST_ID, body: (call.body as { body: string }).body }) };
  return undefined;
}
