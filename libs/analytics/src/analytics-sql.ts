/**
 * The metrics as SQL over `analytics_activity` alone (see metrics.ts for what each one means).
 * Every query takes the period as `$1` (first instant, inclusive) and `$2` (exclusive end).
 */

/** Kinds that make someone an active user: anything visible they did (withdrawals excluded by `delta = 1`). */
export const VISIBLE_KINDS_SQL = `('post', 'comment', 'reaction', 'question', 'answer', 'idea', 'vote', 'idea_comment', 'review', 'follow')`;
/** Replies to a post, a question or an idea. */
export const REPLY_KINDS_SQL = `('comment', 'answer', 'review', 'idea_comment')`;
/** Kinds of an idea participant. */
const IDEA_KINDS_SQL = `('idea', 'vote', 'idea_comment', 'review')`;

/** A reply between two departments, both known, to someone else. */
const CROSS_SQL = `kind IN ${REPLY_KINDS_SQL} AND actor_id IS DISTINCT FROM counterpart_id
  AND actor_department <> '' AND coalesce(counterpart_department, '') <> '' AND actor_department <> counterpart_department`;
const KNOWN_PAIR_SQL = `kind IN ${REPLY_KINDS_SQL} AND actor_id IS DISTINCT FROM counterpart_id
  AND actor_department <> '' AND coalesce(counterpart_department, '') <> ''`;

/** Counts per period (or per day / per department with a GROUP BY key). */
const COUNTS_SQL = `
  count(DISTINCT actor_id) FILTER (WHERE kind IN ${VISIBLE_KINDS_SQL} AND delta = 1)::int AS active_users,
  count(*) FILTER (WHERE kind = 'post')::int AS posts,
  count(*) FILTER (WHERE kind = 'post' AND audience_size > 0)::int AS posts_with_readers,
  coalesce(sum(audience_size) FILTER (WHERE kind = 'post'), 0)::int AS post_readers,
  count(*) FILTER (WHERE kind IN ('comment', 'idea_comment'))::int AS comments,
  count(*) FILTER (WHERE kind = 'reaction' AND delta = 1)::int AS reactions,
  count(*) FILTER (WHERE kind = 'question')::int AS questions,
  count(*) FILTER (WHERE kind = 'answer')::int AS answers,
  count(*) FILTER (WHERE kind = 'idea')::int AS ideas,
  count(*) FILTER (WHERE kind = 'vote' AND delta = 1)::int AS votes,
  count(*) FILTER (WHERE kind = 'review')::int AS reviews,
  count(*) FILTER (WHERE ${CROSS_SQL})::int AS cross_department,
  count(*) FILTER (WHERE ${KNOWN_PAIR_SQL})::int AS known_pairs,
  count(*) FILTER (WHERE kind = 'announcement_ack')::int AS announcements_acknowledged,
  count(*) FILTER (WHERE kind = 'email_sent')::int AS emails_sent,
  count(*) FILTER (WHERE kind = 'email_received')::int AS emails_received,
  count(*) FILTER (WHERE kind = 'email_received' AND subject_type = 'reply' AND status = 'accepted')::int AS replies_by_email,
  count(*) FILTER (WHERE kind = 'email_received' AND subject_type = 'group' AND status = 'accepted')::int AS posts_by_email`;

export interface CountsRow {
  active_users: number;
  posts: number;
  posts_with_readers: number;
  post_readers: number;
  comments: number;
  reactions: number;
  questions: number;
  answers: number;
  ideas: number;
  votes: number;
  reviews: number;
  cross_department: number;
  known_pairs: number;
  announcements_acknowledged: number;
  emails_sent: number;
  emails_received: number;
  /** Replies (comments, answers) that arrived by email through the bridge: not emails avoided. */
  replies_by_email: number;
  /** Group posts that arrived by email through the bridge: not emails avoided either. */
  posts_by_email: number;
}

export const OVERVIEW_SQL = `
  SELECT ${COUNTS_SQL},
         count(*) FILTER (WHERE kind = 'idea_status' AND status = 'in_review')::int AS in_review,
         count(*) FILTER (WHERE kind = 'idea_status' AND status = 'selected')::int AS selected,
         count(*) FILTER (WHERE kind = 'idea_status' AND status = 'implemented')::int AS implemented,
         count(DISTINCT actor_id) FILTER (WHERE kind IN ${IDEA_KINDS_SQL} AND delta = 1)::int AS idea_participants
    FROM analytics_activity
   WHERE created_at >= $1 AND created_at < $2`;

export interface OverviewRow extends CountsRow {
  in_review: number;
  selected: number;
  implemented: number;
  idea_participants: number;
}

/**
 * Questions asked in the period, with their first answer by someone else by the end of the period:
 * how many, how many answered, the median minutes to that first answer; per day of asking too.
 */
export const QUESTIONS_SQL = `
  WITH asked AS (
    SELECT q.subject_id, q.actor_id, q.created_at,
           (SELECT min(a.created_at) FROM analytics_activity a
             WHERE a.kind = 'answer' AND a.parent_id = q.subject_id AND a.created_at < $2
               AND a.actor_id IS DISTINCT FROM q.actor_id) AS first_answer_at
      FROM analytics_activity q
     WHERE q.kind = 'question' AND q.created_at >= $1 AND q.created_at < $2
  )
  SELECT count(*)::int AS questions,
         count(first_answer_at)::int AS answered,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY (extract(epoch FROM first_answer_at - created_at) / 60)::float8)
           FILTER (WHERE first_answer_at IS NOT NULL) AS median_minutes
    FROM asked`;

export interface QuestionsRow {
  questions: number;
  answered: number;
  median_minutes: number | null;
}

/** Per day of asking: questions answered by the end of the period (for the per-day email estimate). */
export const ANSWERED_BY_DAY_SQL = `
  SELECT to_char(q.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS answered
    FROM analytics_activity q
   WHERE q.kind = 'question' AND q.created_at >= $1 AND q.created_at < $2
     AND EXISTS (SELECT 1 FROM analytics_activity a
                  WHERE a.kind = 'answer' AND a.parent_id = q.subject_id AND a.created_at < $2
                    AND a.actor_id IS DISTINCT FROM q.actor_id)
   GROUP BY 1`;

/**
 * Items (posts, questions, ideas) created in the period, the replies they received by its end, and
 * how many posts got a comment from someone other than their author.
 */
export const DEPTH_SQL = `
  WITH items AS (
    SELECT kind, subject_id, actor_id FROM analytics_activity
     WHERE kind IN ('post', 'question', 'idea') AND created_at >= $1 AND created_at < $2
  ), replies AS (
    SELECT i.kind AS item_kind, i.subject_id, r.actor_id <> i.actor_id AS by_other
      FROM items i
      JOIN analytics_activity r ON r.parent_id = i.subject_id AND r.kind IN ${REPLY_KINDS_SQL} AND r.created_at < $2
  )
  SELECT (SELECT count(*) FROM items)::int AS items,
         (SELECT count(*) FROM replies)::int AS replies,
         (SELECT count(*) FROM items WHERE kind = 'post')::int AS posts,
         (SELECT count(DISTINCT subject_id) FROM replies WHERE item_kind = 'post' AND by_other)::int AS posts_replied`;

export interface DepthRow {
  items: number;
  replies: number;
  posts: number;
  posts_replied: number;
}

/** Per UTC day of the period, every day present (zeros included). */
export const BY_DAY_SQL = `
  WITH days AS (
    SELECT d::date AS day FROM generate_series($1::timestamptz AT TIME ZONE 'UTC', ($2::timestamptz AT TIME ZONE 'UTC') - interval '1 day', interval '1 day') d
  ), counts AS (
    SELECT (created_at AT TIME ZONE 'UTC')::date AS on_day, ${COUNTS_SQL}
      FROM analytics_activity
     WHERE created_at >= $1 AND created_at < $2
     GROUP BY 1
  )
  SELECT to_char(days.day, 'YYYY-MM-DD') AS day, counts.*
    FROM days LEFT JOIN counts ON counts.on_day = days.day
   ORDER BY days.day`;

export type ByDayRow = { day: string } & { [K in keyof CountsRow]: number | null };

/** Per department of the actor, as it was then ('' for people without one), most active first. */
export const BY_DEPARTMENT_SQL = `
  SELECT actor_department AS department, ${COUNTS_SQL}
    FROM analytics_activity
   WHERE created_at >= $1 AND created_at < $2 AND kind IN ${VISIBLE_KINDS_SQL}
   GROUP BY actor_department
   ORDER BY active_users DESC, actor_department`;

export type ByDepartmentRow = { department: string } & CountsRow;

// ---- community health (one group; $1 the group, $2..$3 the window) -----------------------------

export const GROUP_WINDOW_SQL = `
  SELECT count(*) FILTER (WHERE kind = 'post')::int AS posts,
         count(*) FILTER (WHERE kind = 'comment')::int AS replies,
         count(*) FILTER (WHERE kind = 'member_joined')::int AS joined,
         count(*) FILTER (WHERE kind = 'member_left')::int AS left,
         coalesce(array_agg(DISTINCT actor_id) FILTER (WHERE kind IN ('post', 'comment', 'reaction') AND delta = 1 AND actor_id IS NOT NULL), '{}') AS actors
    FROM analytics_activity
   WHERE group_id = $1 AND created_at >= $2 AND created_at < $3`;

export interface GroupWindowRow {
  posts: number;
  replies: number;
  joined: number;
  left: number;
  actors: string[];
}

/** The window's posts and their first reply from someone else by the end of the window. */
export const GROUP_POSTS_SQL = `
  SELECT p.subject_id AS post_id, p.actor_id AS author_id, p.created_at,
         (SELECT min(c.created_at) FROM analytics_activity c
           WHERE c.kind = 'comment' AND c.parent_id = p.subject_id AND c.created_at < $3
             AND c.actor_id IS DISTINCT FROM p.actor_id) AS first_reply_at
    FROM analytics_activity p
   WHERE p.kind = 'post' AND p.group_id = $1 AND p.created_at >= $2 AND p.created_at < $3
   ORDER BY p.created_at, p.subject_id`;

export interface GroupPostRow {
  post_id: string;
  author_id: string;
  created_at: Date;
  first_reply_at: Date | null;
}

/** Per week of the window (oldest first), weeks starting at the window's start. */
export const GROUP_WEEKS_SQL = `
  WITH weeks AS (
    SELECT w AS week_start FROM generate_series($2::timestamptz, $3::timestamptz - interval '1 week', interval '1 week') w
  )
  SELECT weeks.week_start,
         count(a.*) FILTER (WHERE a.kind = 'post')::int AS posts,
         count(a.*) FILTER (WHERE a.kind = 'comment')::int AS replies,
         count(DISTINCT a.actor_id) FILTER (WHERE a.kind IN ('post', 'comment', 'reaction') AND a.delta = 1)::int AS active
    FROM weeks
    LEFT JOIN analytics_activity a
      ON a.group_id = $1 AND a.created_at >= weeks.week_start AND a.created_at < weeks.week_start + interval '1 week'
   GROUP BY weeks.week_start
   ORDER BY weeks.week_start`;

export interface GroupWeekRow {
  week_start: Date;
  posts: number;
  replies: number;
  active: number;
}
