/**
 * The expert ranking, as a documented formula (README "Finding expertise").
 *
 * For one person and one topic:
 *
 *   points = 3·[declared] + 2·log2(1 + endorsements) + 4·log2(1 + acceptedAnswers)
 *          + 1·log2(1 + answerUpvotes) + 1·log2(1 + posts) + 2·log2(1 + reviews)
 *
 * Declaring a skill is a claim (flat 3 points); what colleagues did about it counts more, with
 * diminishing returns (the 1st endorsement is worth 2 points, the 3rd brings the total to 4, the
 * 7th to 6), so nobody wins by volume alone and an accepted answer (4 for the first) outweighs
 * a declaration.
 *
 * For a query, a person's score is
 *
 *   score = Σ over matched topics  match · points(topic)  +  6 · Σ over query words  nameSimilarity
 *
 * where `match` is 1 for a topic the query names exactly (after normalisation and synonyms) and
 * the trigram closeness (below 1: the mean of strict word similarity and similarity) for a
 * misspelt or partial one ("kubernets" → Kubernetes 0.62), and `nameSimilarity` (0.45..1) is
 * how well a word of the query matches the person's name (typos tolerated). Every term that adds
 * to the score appears in `reasons`.
 *
 * `points` is also stored per row (`expertise.score`) so the best people on a topic are an index
 * walk; {@link topicPointsSql} is the same formula in SQL, built from the same weights.
 */
export const WEIGHTS = {
  declared: 3,
  endorsements: 2,
  acceptedAnswers: 4,
  answerUpvotes: 1,
  posts: 1,
  reviews: 2,
  name: 6,
} as const;

export interface TopicCounters {
  declared: boolean;
  endorsements: number;
  acceptedAnswers: number;
  answerUpvotes: number;
  posts: number;
  reviews: number;
}

const COUNTED = ['endorsements', 'acceptedAnswers', 'answerUpvotes', 'posts', 'reviews'] as const;
type Counted = (typeof COUNTED)[number];

const COLUMN: Record<Counted, string> = {
  endorsements: 'endorsements',
  acceptedAnswers: 'accepted_answers',
  answerUpvotes: 'answer_upvotes',
  posts: 'posts',
  reviews: 'reviews',
};

const log2p1 = (n: number) => Math.log2(1 + Math.max(0, n));

/** The points one person has on one topic. */
export function topicPoints(c: TopicCounters): number {
  let points = c.declared ? WEIGHTS.declared : 0;
  for (const key of COUNTED) points += WEIGHTS[key] * log2p1(c[key]);
  return points;
}

/** {@link topicPoints} in SQL over the `expertise` row aliased `alias` (real, like the column). */
export function topicPointsSql(alias: string): string {
  const terms = [`(CASE WHEN ${alias}.declared THEN ${WEIGHTS.declared} ELSE 0 END)`];
  for (const key of COUNTED) terms.push(`${WEIGHTS[key]} * log(2, 1 + ${alias}.${COLUMN[key]}::numeric)`);
  return `(${terms.join(' + ')})::real`;
}

/** A topic the query matched. */
export interface TopicMatch {
  topic: string;
  /** How the topic is shown ("Kubernetes"). */
  label: string;
  /** 1 for an exact match, the trigram closeness (below 1) for a misspelt or partial one. */
  weight: number;
  /** For a fuzzy match: the query's words it was read from. */
  via?: string;
}

export interface PersonEvidence {
  topics: { match: TopicMatch; counters: TopicCounters }[];
  /** Query words matching the person's name, with their similarity (0..1). */
  names: { term: string; similarity: number }[];
}

export interface Ranked {
  score: number;
  reasons: string[];
}

/** Most reasons shown per person (the strongest first). */
export const MAX_REASONS = 8;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** The reasons one topic gives, strongest signal first, as a person would say them. */
function topicReasons({ match, counters: c }: PersonEvidence['topics'][number]): string[] {
  const label = match.label;
  const out: string[] = [];
  if (match.via !== undefined && match.via !== match.topic) out.push(`"${match.via}" read as ${label}`);
  if (c.acceptedAnswers > 0) out.push(`${plural(c.acceptedAnswers, 'accepted answer', 'accepted answers')} on ${label}`);
  if (c.endorsements > 0) out.push(`${plural(c.endorsements, 'endorsement', 'endorsements')} for ${label}`);
  if (c.reviews > 0) out.push(`${plural(c.reviews, 'idea review', 'idea reviews')} on ${label}`);
  if (c.answerUpvotes > 0) out.push(`${plural(c.answerUpvotes, 'upvote', 'upvotes')} on answers about ${label}`);
  if (c.posts > 0) out.push(`${plural(c.posts, 'post', 'posts')} about ${label}`);
  if (c.declared) out.push(`Lists ${label} as a skill`);
  return out;
}

/** A person's score for a query and the reasons for it. */
export function rankPerson(evidence: PersonEvidence): Ranked {
  const scored = evidence.topics
    .map((t) => ({ t, points: t.match.weight * topicPoints(t.counters) }))
    .filter((s) => s.points > 0)
    .sort((a, b) => b.points - a.points || a.t.match.label.localeCompare(b.t.match.label));
  const names = evidence.names.filter((n) => n.similarity > 0);
  const nameSimilarity = names.reduce((sum, n) => sum + n.similarity, 0);
  const namePoints = WEIGHTS.name * nameSimilarity;
  const score = scored.reduce((sum, s) => sum + s.points, 0) + namePoints;

  const reasons: string[] = [];
  const nameReason = names.length ? `Name matches ${names.map((n) => `"${n.term}"`).join(', ')}` : null;
  // The name first when it weighs more than the best topic: it is why this person is listed.
  if (nameReason && namePoints >= (scored[0]?.points ?? 0)) reasons.push(nameReason);
  for (const s of scored) reasons.push(...topicReasons(s.t));
  if (nameReason && !reasons.includes(nameReason)) reasons.push(nameReason);
  return { score: round2(score), reasons: reasons.slice(0, MAX_REASONS) };
}
