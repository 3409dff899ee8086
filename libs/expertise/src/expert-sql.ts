/**
 * Expert search's queries over the expertise tables, as pure builders. Pure on purpose (this file
 * imports only the platform's parameter builder, itself import-free): bench/experts.bench.mjs
 * transpiles and runs exactly these.
 *
 * Every value is a bind parameter: a query's words are never spliced into SQL (and no tsquery is
 * built from them), so `&`, `|`, `!`, `:*`, quotes or backslashes are just characters.
 */
import { SqlParams, type SqlText } from '@ruche/platform';

/**
 * Closeness (strict word similarity, 0..1) from which a misspelt or partial query word matches a
 * topic: "kubernets" 0.62, "kuebrnetes" 0.47 (a swap), "java" for "javascript" 0.33 (no match).
 * Swaps in short words ("pyhton" 0.27) are beyond trigrams.
 */
export const TOPIC_FUZZY_THRESHOLD = 0.45;
/** Topics one fuzzy query word may match. */
export const FUZZY_TOPICS_PER_PHRASE = 3;
/** Candidates taken per matched topic (best stored points first) before the exact ranking. */
export const CANDIDATES_PER_TOPIC = 100;

/**
 * The `set_config` that makes `<<%` use {@link TOPIC_FUZZY_THRESHOLD}: run it first, in the same
 * transaction (its effect ends with the transaction).
 */
export const fuzzyThresholdQuery = (): SqlText => ({
  text: `SELECT set_config('pg_trgm.strict_word_similarity_threshold', $1, true)`,
  values: [String(TOPIC_FUZZY_THRESHOLD)],
});

/**
 * Topics named exactly by one of `exact` (weight 1), and, for each of `fuzzy` that is not itself a
 * topic, the closest few topics containing a word like it (weight = mean of strict word similarity
 * and similarity, so a partial match "machine" → "machine learning" counts less than the whole).
 * Served by the topics' primary key and expertise_topics_trgm_idx.
 */
export function topicMatchQuery(exact: string[], fuzzy: string[]): SqlText {
  return {
    text: `
      SELECT t.topic, t.label, 1::real AS weight, NULL::text AS via
        FROM expertise_topics t
       WHERE t.topic = ANY ($1::text[])
      UNION ALL
      SELECT m.topic, m.label, m.weight, p.phrase AS via
        FROM unnest($2::text[]) AS p (phrase)
       -- A word that names a topic exactly is taken as meant, not broadened.
       CROSS JOIN LATERAL (SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM expertise_topics x WHERE x.topic = p.phrase)) known
       CROSS JOIN LATERAL (
             SELECT t.topic, t.label,
                    ((strict_word_similarity(p.phrase, t.topic) + similarity(p.phrase, t.topic)) / 2)::real AS weight
               FROM expertise_topics t
              WHERE p.phrase <<% t.topic
              ORDER BY weight DESC, t.topic
              LIMIT $3) m`,
    values: [exact, fuzzy, FUZZY_TOPICS_PER_PHRASE],
  };
}

export interface ExpertiseRow {
  user_id: string;
  topic: string;
  declared: boolean;
  endorsements: number;
  accepted_answers: number;
  answer_upvotes: number;
  posts: number;
  reviews: number;
}

const COUNTER_COLUMNS =
  'e.user_id, e.topic, e.declared, e.endorsements, e.accepted_answers, e.answer_upvotes, e.posts, e.reviews';

/**
 * The expertise rows, on the matched topics, of the people worth ranking: the best
 * {@link CANDIDATES_PER_TOPIC} on each topic by stored points (one ordered walk of
 * expertise_topic_rank_idx per topic, whatever the number of people), plus `alsoIds` (name
 * matches). `onlyIds` restricts everything to a set of people (the department/location filter).
 * Exact totals are then computed over all matched topics of those candidates.
 */
export function candidateRowsQuery(a: {
  topics: string[];
  onlyIds: string[] | null;
  alsoIds: string[];
  perTopic?: number;
}): SqlText {
  const params = new SqlParams();
  const [topics, perTopic, alsoIds] = [
    params.add(a.topics),
    params.add(a.perTopic ?? CANDIDATES_PER_TOPIC),
    params.add(a.alsoIds),
  ];
  const only = a.onlyIds ? `AND e.user_id = ANY (${params.add(a.onlyIds)}::uuid[])` : '';
  return {
    text: `
      WITH candidates AS (
          SELECT c.user_id
            FROM unnest(${topics}::text[]) AS m (topic)
           CROSS JOIN LATERAL (
                 SELECT e.user_id FROM expertise e
                  WHERE e.topic = m.topic ${only}
                  ORDER BY e.score DESC, e.user_id
                  LIMIT ${perTopic}) c
          UNION
          SELECT unnest(${alsoIds}::uuid[])
      )
      SELECT ${COUNTER_COLUMNS}
        FROM candidates c
        JOIN expertise e ON e.user_id = c.user_id
       WHERE e.topic = ANY (${topics}::text[])`,
    values: params.values,
  };
}

/**
 * The people with the most points summed over `topics`, leaving out `excludeIds` (routing a
 * question: not the asker, not those already asked). Candidates are the best `take` per topic.
 */
export function topExpertsQuery(a: { topics: string[]; excludeIds: string[]; take: number }): SqlText {
  return {
    text: `
      WITH candidates AS (
          SELECT DISTINCT c.user_id
            FROM unnest($1::text[]) AS m (topic)
           CROSS JOIN LATERAL (
                 SELECT e.user_id FROM expertise e
                  WHERE e.topic = m.topic AND NOT (e.user_id = ANY ($2::uuid[]))
                  ORDER BY e.score DESC, e.user_id
                  LIMIT $3) c
      )
      SELECT e.user_id, sum(e.score)::real AS score
        FROM candidates c
        JOIN expertise e ON e.user_id = c.user_id
       WHERE e.topic = ANY ($1::text[])
       GROUP BY e.user_id
       ORDER BY score DESC, e.user_id
       LIMIT $3`,
    values: [a.topics, a.excludeIds, a.take],
  };
}

/**
 * A person's stored score on a topic, 0 when they have none, as a scalar subquery over SQL
 * expressions for the user id and topic key: what mentoring ranks willing mentors by without
 * reading the expertise table itself.
 */
export const topicScoreSql = (userId: string, topic: string): string =>
  `coalesce((SELECT e.score FROM expertise e WHERE e.user_id = ${userId} AND e.topic = ${topic}), 0)`;
