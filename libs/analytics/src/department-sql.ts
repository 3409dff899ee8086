import { REPLY_KINDS_SQL, VISIBLE_KINDS_SQL } from './analytics-sql.js';

/**
 * Per department of the actor (as it was then), over `$1` (inclusive) to `$2` (exclusive): the
 * people active, depth (replies received by the items they created, per item), their questions and
 * how many got a first answer from someone else by the end of the period (with the median minutes
 * to it), replies to other departments among replies between known departments, and idea
 * participants. People without a department are left out. SQL over the activity rollup only.
 */
export const DEPARTMENT_FIGURES_SQL = `
  WITH acts AS (
    SELECT * FROM analytics_activity
     WHERE created_at >= $1 AND created_at < $2 AND actor_department <> ''
  ), people AS (
    SELECT actor_department AS department,
           count(DISTINCT actor_id) FILTER (WHERE kind IN ${VISIBLE_KINDS_SQL} AND delta = 1)::int AS active_users,
           count(DISTINCT actor_id) FILTER (WHERE kind IN ('idea', 'vote', 'idea_comment', 'review') AND delta = 1)::int AS idea_participants,
           count(*) FILTER (WHERE kind IN ${REPLY_KINDS_SQL} AND actor_id IS DISTINCT FROM counterpart_id
                              AND coalesce(counterpart_department, '') <> '' AND counterpart_department <> actor_department)::int AS cross_replies,
           count(*) FILTER (WHERE kind IN ${REPLY_KINDS_SQL} AND actor_id IS DISTINCT FROM counterpart_id
                              AND coalesce(counterpart_department, '') <> '')::int AS known_replies
      FROM acts GROUP BY actor_department
  ), depth AS (
    SELECT i.actor_department AS department, count(DISTINCT i.subject_id)::int AS items, count(r.kind)::int AS replies
      FROM acts i
      LEFT JOIN analytics_activity r ON r.parent_id = i.subject_id AND r.kind IN ${REPLY_KINDS_SQL} AND r.created_at < $2
     WHERE i.kind IN ('post', 'question', 'idea')
     GROUP BY i.actor_department
  ), asked AS (
    SELECT q.actor_department AS department, q.created_at,
           (SELECT min(a.created_at) FROM analytics_activity a
             WHERE a.kind = 'answer' AND a.parent_id = q.subject_id AND a.created_at < $2
               AND a.actor_id IS DISTINCT FROM q.actor_id) AS first_answer_at
      FROM acts q WHERE q.kind = 'question'
  ), answered AS (
    SELECT department, count(*)::int AS questions, count(first_answer_at)::int AS answered,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY (extract(epoch FROM first_answer_at - created_at) / 60)::float8)
             FILTER (WHERE first_answer_at IS NOT NULL) AS median_minutes
      FROM asked GROUP BY department
  )
  SELECT p.department, p.active_users, p.idea_participants, p.cross_replies, p.known_replies,
         coalesce(d.items, 0)::int AS items, coalesce(d.replies, 0)::int AS replies,
         coalesce(q.questions, 0)::int AS questions, coalesce(q.answered, 0)::int AS answered, q.median_minutes
    FROM people p
    LEFT JOIN depth d ON d.department = p.department
    LEFT JOIN answered q ON q.department = p.department`;

export interface DepartmentFiguresRow {
  department: string;
  active_users: number;
  idea_participants: number;
  cross_replies: number;
  known_replies: number;
  items: number;
  replies: number;
  questions: number;
  answered: number;
  median_minutes: number | null;
}

/** The groups a department's people were most active in over the period (`$3` the department). */
export const DEPARTMENT_GROUPS_SQL = `
  SELECT group_id, count(*)::int AS actions FROM analytics_activity
   WHERE created_at >= $1 AND created_at < $2 AND actor_department = $3 AND group_id IS NOT NULL
   GROUP BY group_id ORDER BY count(*) DESC, group_id LIMIT $4`;
