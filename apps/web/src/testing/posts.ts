import { useQuery } from '@tanstack/react-query';
import type { Post } from '../api/types';
import { keys, type PostPages } from '../feed/cache';
import { me } from './render';

/** A post as the api returns it, by the signed-in test person unless `change` says otherwise. */
export function postFixture(change: Partial<Post> = {}): Post {
  return {
    id: '00000000-0000-4000-8000-0000000000aa',
    author: { id: me.id, handle: me.handle, displayName: me.displayName },
    body: 'A post',
    groupId: null,
    createdAt: new Date().toISOString(),
    mentions: [],
    commentCount: 0,
    reactions: {},
    myReactions: [],
    ...change,
  };
}

/** The home feed's first post as the cache holds it now (what a piece that patches the cache shows). */
export function useFirstCachedPost(): Post | undefined {
  const { data } = useQuery<PostPages>({ queryKey: keys.feed('home'), queryFn: () => new Promise(() => undefined) });
  return data?.pages[0]?.items[0];
}
