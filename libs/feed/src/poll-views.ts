import type { EntityManager } from 'typeorm';
import type { PollCounts } from '@ruche/contracts';
import { rows } from '@ruche/platform';
import type { PollView } from './dto.js';

/** A poll as read with its options (in order) and, for a viewer, their choices. */
export interface PollRow {
  id: string;
  post_id: string;
  question: string | null;
  multiple: boolean;
  closes_at: Date | null;
  voter_count: number;
  /** `closes_at` reached, by the database's clock (the one the vote path checks). */
  closed: boolean;
  options: { id: string; text: string; votes: number }[];
  /** The viewer's choices in option order; [] without a viewer. */
  my_votes: string[];
}

/**
 * The polls of `postIds`, and the viewer's choices, in one statement. `viewerId` null (a view for
 * an event, seen by many): no one's choices. Options come ordered and counted by their counters,
 * never by counting vote rows.
 */
export function pollsOfPostsQuery(postIds: readonly string[], viewerId: string | null) {
  return {
    text: `
      SELECT pp.id, pp.post_id, pp.question, pp.multiple, pp.closes_at, pp.voter_count,
             coalesce(pp.closes_at <= now(), false) AS closed,
             (SELECT json_agg(json_build_object('id', o.id, 'text', o.text, 'votes', o.vote_count) ORDER BY o.position)
                FROM post_poll_options o WHERE o.poll_id = pp.id) AS options,
             ARRAY(SELECT v.option_id FROM post_poll_votes v JOIN post_poll_options o ON o.id = v.option_id
                    WHERE v.poll_id = pp.id AND v.user_id = $2::uuid ORDER BY o.position) AS my_votes
        FROM post_polls pp
       WHERE pp.post_id = ANY($1::uuid[])`,
    values: [postIds, viewerId],
  };
}

export function toPollView(row: PollRow): PollView {
  return {
    id: row.id,
    question: row.question,
    options: row.options.map((o) => ({ id: o.id, text: o.text, votes: o.votes })),
    multiple: row.multiple,
    closesAt: row.closes_at ? row.closes_at.toISOString() : null,
    closed: row.closed,
    totalVoters: row.voter_count,
    myVotes: row.my_votes,
  };
}

/** What `poll.voted` carries: the counts, nobody's choices. */
export const pollCounts = (poll: PollView): PollCounts => ({
  id: poll.id,
  options: poll.options.map((o) => ({ id: o.id, votes: o.votes })),
  totalVoters: poll.totalVoters,
  closed: poll.closed,
});

/**
 * The polls of those posts that carry one, by post id: no statement at all for a page without
 * polls (`posts.has_poll`), one otherwise.
 */
export async function pollsOf(
  db: EntityManager,
  viewerId: string | null,
  posts: readonly { id: string; has_poll: boolean }[],
): Promise<Map<string, PollView>> {
  const ids = posts.filter((p) => p.has_poll).map((p) => p.id);
  if (ids.length === 0) return new Map();
  const found = await rows<PollRow>(db, pollsOfPostsQuery(ids, viewerId));
  return new Map(found.map((row) => [row.post_id, toPollView(row)]));
}
