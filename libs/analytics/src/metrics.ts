import { invalid } from '@ruche/platform';

/**
 * What each metric means, as data and pure functions; the SQL in analytics-sql.ts computes the
 * inputs from the activity rollup. One line each (the README repeats them):
 *
 * - active user: did anything visible in the period: a post, comment, reaction, question, answer,
 *   idea, vote, idea comment, review or follow (withdrawing a reaction or a vote does not count).
 * - posts, comments, reactions, questions, answers, votes, reviews: how many were made in the
 *   period (comments include comments on ideas; withdrawn reactions and votes are not subtracted;
 *   a post held for review counts when it is published).
 * - answeredRate: of the questions asked in the period, the share answered (by someone other than
 *   the asker) by the end of the period. null without questions.
 * - medianMinutesToFirstAnswer: over those answered questions, the median of the minutes between
 *   the question and its first answer. null without answered questions.
 * - ideas funnel: submitted, moved to in review, selected, implemented in the period (each a
 *   transition that happened in the period); participationRate: the share of active users who
 *   submitted, voted on, commented on or reviewed an idea.
 * - engagementDepth: replies (comments, answers, reviews, idea comments) received by the end of
 *   the period by the posts, questions and ideas created in it, per item. postsWithReplyShare: the
 *   share of those posts with at least one comment from someone other than their author.
 * - crossDepartmentInteractions: replies (comments, answers, reviews, idea comments) in the period
 *   by someone of one department to what someone of another department wrote (both known,
 *   departments as they were then); crossDepartmentShare: their share of the replies to someone
 *   else where both departments are known.
 * - estimatedEmailsAvoided, formula version 2 (issue #13) = P + K + Q + R, from real events:
 *   P, posts that reached at least N readers (N = 1: their followers, or their group's members,
 *   when written), less those that arrived by email at a group's address: each replaced one email
 *   to those readers; K, announcements acknowledged: each replaced one all-staff email read;
 *   Q, questions answered in the open: each replaced the question emailed to a distribution list;
 *   R, replies (comments, idea comments, answers), less those that arrived by email through the
 *   bridge: each replaced one reply-all. Version 1 was P + C + Q + A (no announcements, and
 *   every reply counted). The email the bridge still carries (out and in, per day) is shown
 *   beside it, so the trend of email down and Ruche up is visible.
 */
export const METRIC_DEFINITIONS = {
  activeUsers:
    'People who did anything visible in the period (post, comment, reaction, question, answer, idea, vote, review, follow).',
  answeredRate: 'Share of the questions asked in the period answered by someone else by its end (null without questions).',
  medianMinutesToFirstAnswer: 'Median minutes from a question to its first answer, over those answered questions.',
  engagementDepth: 'Replies (comments, answers, reviews, idea comments) per post, question and idea created in the period.',
  postsWithReplyShare: 'Share of the posts of the period with at least one comment from someone other than their author.',
  crossDepartmentInteractions: 'Replies between people of two different departments, as they were then (silos breaking).',
  estimatedEmailsAvoided:
    'P + K + Q + R (version 2): posts that reached at least one reader (one email each), announcements acknowledged (one all-staff email each), questions answered in the open (one list email each), replies (one reply-all each); what arrived by email through the bridge is not counted.',
  ideas:
    'Funnel of transitions in the period: submitted → in review → selected → implemented; participationRate = idea participants / active users.',
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_SPAN_DAYS = 366;
export const DEFAULT_SPAN_DAYS = 30;

/** A period of whole UTC days, `from` and `to` included. */
export interface Period {
  from: string;
  to: string;
  /** First instant, inclusive. */
  start: Date;
  /** The instant after the last day, exclusive. */
  end: Date;
  days: number;
}

/** `YYYY-MM-DD` (or an ISO date-time, reduced to its UTC day) → that day's midnight UTC. */
function dayOf(raw: string, name: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? new Date(`${raw}T00:00:00.000Z`) : new Date(raw);
  if (Number.isNaN(date.getTime()) || (/^\d{4}-\d{2}-\d{2}$/.test(raw) && date.toISOString().slice(0, 10) !== raw)) {
    throw invalid(`${name} must be an ISO-8601 date (YYYY-MM-DD)`);
  }
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/**
 * The period asked for: default the last 30 days up to today (UTC); `from` after `to`, or more
 * than 366 days, is a 400.
 */
export function periodOf(fromRaw: string | undefined, toRaw: string | undefined, now = new Date()): Period {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const to = toRaw ? dayOf(toRaw, 'to') : today;
  const from = fromRaw ? dayOf(fromRaw, 'from') : new Date(to.getTime() - (DEFAULT_SPAN_DAYS - 1) * DAY_MS);
  if (from.getTime() > to.getTime()) throw invalid('from must not be after to');
  const days = Math.round((to.getTime() - from.getTime()) / DAY_MS) + 1;
  if (days > MAX_SPAN_DAYS) throw invalid(`the period must not exceed ${MAX_SPAN_DAYS} days`);
  return {
    from: from.toISOString().slice(0, 10),
    to: to.toISOString().slice(0, 10),
    start: from,
    end: new Date(to.getTime() + DAY_MS),
    days,
  };
}

/** A share in [0, 1], rounded to 4 decimals; null when there is nothing to divide. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? round(part / whole, 4) : null;
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** What a period's activity is made of, for the emails it replaced; see the formula above. */
export interface EmailsAvoidedInputs {
  postsWithReaders: number;
  postsByEmail: number;
  announcementsAcknowledged: number;
  questionsAnswered: number;
  comments: number;
  answers: number;
  repliesByEmail: number;
}

/** The terms of the formula, version 2. */
export interface EmailsAvoidedTerms {
  postsReachingReaders: number;
  announcementsAcknowledged: number;
  questionsAnsweredInOpen: number;
  replies: number;
}

export const EMAILS_AVOIDED_FORMULA_VERSION = 2;
/** A post counts once it reached this many readers. */
export const POST_MIN_READERS = 1;
export const EMAILS_AVOIDED_FORMULA_TEXT =
  'Emails avoided = P + K + Q + R. P: posts that reached at least 1 reader (each replaced one email to them). ' +
  'K: must-read announcements acknowledged (each replaced one all-staff email read). ' +
  'Q: questions answered in the open (each replaced a question emailed to a list). ' +
  'R: replies: comments and answers (each replaced one reply-all). ' +
  'Posts and replies that arrived by email through the bridge are not counted.';

export function emailsAvoidedTerms(e: EmailsAvoidedInputs): EmailsAvoidedTerms {
  return {
    postsReachingReaders: Math.max(0, e.postsWithReaders - e.postsByEmail),
    announcementsAcknowledged: e.announcementsAcknowledged,
    questionsAnsweredInOpen: e.questionsAnswered,
    replies: Math.max(0, e.comments + e.answers - e.repliesByEmail),
  };
}

export const emailsAvoided = (e: EmailsAvoidedInputs): number => {
  const terms = emailsAvoidedTerms(e);
  return terms.postsReachingReaders + terms.announcementsAcknowledged + terms.questionsAnsweredInOpen + terms.replies;
};

/** What the community health score is made of, each in [0, 1]. */
export interface HealthInputs {
  memberCount: number;
  activeMembers: number;
  posts: number;
  /** Posts with at least one reply from someone else. */
  answeredPosts: number;
  medianReplyMinutes: number | null;
  newMembers: number;
  lostMembers: number;
}

export interface HealthScore {
  score: number;
  parts: { participation: number; answered: number; responsiveness: number; growth: number };
}

/** Weights of the health score's parts (they add up to 1). */
export const HEALTH_WEIGHTS = { participation: 0.4, answered: 0.3, responsiveness: 0.15, growth: 0.15 } as const;

/**
 * The community health score, 0–100 (documented in the README):
 * - participation (40%): active members / members, full marks from half the members active;
 * - answered (30%): share of the period's posts with a reply from someone else (0 without posts);
 * - responsiveness (15%): median minutes to the first reply: full marks within an hour, none
 *   after a day, linear between (0 without replies);
 * - growth (15%): new members / (new + lost), 0.5 when nobody came or went.
 */
export function healthScore(i: HealthInputs): HealthScore {
  const participation = i.memberCount > 0 ? Math.min(1, i.activeMembers / i.memberCount / 0.5) : 0;
  const answered = i.posts > 0 ? i.answeredPosts / i.posts : 0;
  const m = i.medianReplyMinutes;
  const responsiveness = m === null ? 0 : m <= 60 ? 1 : m >= 1440 ? 0 : 1 - (m - 60) / (1440 - 60);
  const moved = i.newMembers + i.lostMembers;
  const growth = moved > 0 ? i.newMembers / moved : 0.5;
  const parts = {
    participation: round(participation, 4),
    answered: round(answered, 4),
    responsiveness: round(responsiveness, 4),
    growth: round(growth, 4),
  };
  const weighted =
    HEALTH_WEIGHTS.participation * participation +
    HEALTH_WEIGHTS.answered * answered +
    HEALTH_WEIGHTS.responsiveness * responsiveness +
    HEALTH_WEIGHTS.growth * growth;
  return { score: Math.round(100 * weighted), parts };
}

/** How the score moved since the previous period of the same length. */
export function trendOf(score: number, previous: number): { delta: number; direction: 'up' | 'down' | 'flat' } {
  const delta = score - previous;
  return { delta, direction: delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat' };
}

/** RFC 4180: quote a field when it holds a comma, a quote or a line break. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
