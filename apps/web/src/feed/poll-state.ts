import type { Poll, PollCounts, Post } from '../api/types';

/** The post with its poll's counts replaced by `counts` (a `poll.voted` event); my choices stay. */
export function withCounts(post: Post, counts: PollCounts): Post {
  if (!post.poll || post.poll.id !== counts.id) return post;
  const votes = new Map(counts.options.map((o) => [o.id, o.votes]));
  return {
    ...post,
    poll: {
      ...post.poll,
      options: post.poll.options.map((o) => ({ ...o, votes: votes.get(o.id) ?? o.votes })),
      totalVoters: counts.totalVoters,
      closed: counts.closed || post.poll.closed,
    },
  };
}

/**
 * poll.voted events received per post, so the answer to my own vote, if slower than someone
 * else's event, does not put older counts back (my choices from the answer are kept either way).
 */
const pollClock = new Map<string, number>();

export function tickPoll(postId: string): void {
  pollClock.set(postId, (pollClock.get(postId) ?? 0) + 1);
}

export function pollTick(postId: string): number {
  return pollClock.get(postId) ?? 0;
}

/** Closed by the server, or its closing time reached on this clock (the server decides in the end). */
export function isClosed(poll: Poll, now = Date.now()): boolean {
  return poll.closed || (poll.closesAt !== null && Date.parse(poll.closesAt) <= now);
}

/** Share of the voters who chose an option, in whole percent (several choices may add up past 100). */
export function percentOf(votes: number, totalVoters: number): number {
  return totalVoters > 0 ? Math.round((votes / totalVoters) * 100) : 0;
}
