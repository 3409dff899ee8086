import { Injectable } from '@nestjs/common';
import {
  ANSWERED_BY_DAY_SQL,
  BY_DAY_SQL,
  BY_DEPARTMENT_SQL,
  type ByDayRow,
  type ByDepartmentRow,
  type CountsRow,
  DEPTH_SQL,
  type DepthRow,
  OVERVIEW_SQL,
  type OverviewRow,
  QUESTIONS_SQL,
  type QuestionsRow,
} from './analytics-sql.js';
import type { DayView, OverviewView } from './dto.js';
import {
  EMAILS_AVOIDED_FORMULA_TEXT,
  EMAILS_AVOIDED_FORMULA_VERSION,
  emailsAvoided,
  emailsAvoidedTerms,
  type EmailsAvoidedInputs,
  type Period,
  POST_MIN_READERS,
  round,
  share,
  toCsv,
} from './metrics.js';
import { Database, rows } from '@ruche/platform';

export const CSV_COLUMNS = [
  'date',
  'activeUsers',
  'posts',
  'comments',
  'reactions',
  'questions',
  'answers',
  'ideas',
  'votes',
  'reviews',
  'crossDepartmentInteractions',
  'estimatedEmailsAvoided',
  'emailsSent',
  'emailsReceived',
] as const;

/** The inputs of the formula from a row of counts (a period's, or a day's with that day's answered questions). */
const inputsOf = (c: Partial<Record<keyof CountsRow, number | null>>, questionsAnswered: number): EmailsAvoidedInputs => {
  const n = (v: number | null | undefined) => v ?? 0;
  return {
    postsWithReaders: n(c.posts_with_readers),
    postsByEmail: n(c.posts_by_email),
    announcementsAcknowledged: n(c.announcements_acknowledged),
    questionsAnswered,
    comments: n(c.comments),
    answers: n(c.answers),
    repliesByEmail: n(c.replies_by_email),
  };
};

/**
 * Company analytics (admin, innovation): the overview of a period with its breakdowns by day and by
 * department, and the same by day as CSV. SQL over the activity rollup only.
 */
@Injectable()
export class AnalyticsService {
  constructor(private readonly db: Database) {}

  async overview(period: Period): Promise<OverviewView> {
    // Aggregates over the rollup, behind a permission already checked: a replica may answer.
    const db = this.db.reader;
    const params = [period.start, period.end];
    const [[o], [q], [d], byDay, byDepartment] = await Promise.all([
      rows<OverviewRow>(db, OVERVIEW_SQL, params),
      rows<QuestionsRow>(db, QUESTIONS_SQL, params),
      rows<DepthRow>(db, DEPTH_SQL, params),
      this.byDay(period),
      rows<ByDepartmentRow>(db, BY_DEPARTMENT_SQL, params),
    ]);
    const inputs = inputsOf(o, q.answered);
    return {
      from: period.from,
      to: period.to,
      activeUsers: o.active_users,
      posts: o.posts,
      comments: o.comments,
      reactions: o.reactions,
      questions: o.questions,
      answers: o.answers,
      answeredRate: share(q.answered, q.questions),
      medianMinutesToFirstAnswer: q.median_minutes === null ? null : round(Number(q.median_minutes), 1),
      ideas: {
        submitted: o.ideas,
        inReview: o.in_review,
        selected: o.selected,
        implemented: o.implemented,
        participationRate: share(o.idea_participants, o.active_users),
      },
      votes: o.votes,
      reviews: o.reviews,
      engagementDepth: d.items > 0 ? round(d.replies / d.items, 2) : null,
      postsWithReplyShare: share(d.posts_replied, d.posts),
      crossDepartmentInteractions: o.cross_department,
      crossDepartmentShare: share(o.cross_department, o.known_pairs),
      estimatedEmailsAvoided: emailsAvoided(inputs),
      estimatedEmailsAvoidedDetail: {
        posts: inputs.postsWithReaders,
        comments: o.comments,
        questions: q.answered,
        answers: o.answers,
        postReaders: o.post_readers,
      },
      emailsAvoidedFormula: {
        version: EMAILS_AVOIDED_FORMULA_VERSION,
        terms: emailsAvoidedTerms(inputs),
        postMinReaders: POST_MIN_READERS,
        text: EMAILS_AVOIDED_FORMULA_TEXT,
      },
      emailBridge: {
        sent: o.emails_sent,
        received: o.emails_received,
        repliesByEmail: o.replies_by_email,
        postsByEmail: o.posts_by_email,
      },
      byDay,
      byDepartment: byDepartment.map((r) => ({
        department: r.department === '' ? null : r.department,
        activeUsers: r.active_users,
        posts: r.posts,
        comments: r.comments,
        reactions: r.reactions,
        questions: r.questions,
        answers: r.answers,
        ideas: r.ideas,
        votes: r.votes,
        reviews: r.reviews,
        crossDepartmentInteractions: r.cross_department,
      })),
    };
  }

  /** One line per day of the period, oldest first (the same figures as `byDay`). */
  async csv(period: Period): Promise<string> {
    const days = await this.byDay(period);
    return toCsv(
      CSV_COLUMNS,
      days.map((d) => [
        d.date,
        d.activeUsers,
        d.posts,
        d.comments,
        d.reactions,
        d.questions,
        d.answers,
        d.ideas,
        d.votes,
        d.reviews,
        d.crossDepartmentInteractions,
        d.estimatedEmailsAvoided,
        d.emailsSent,
        d.emailsReceived,
      ]),
    );
  }

  /**
   * Per day, every day present. A day's emails avoided count its posts with readers, announcements
   * acknowledged, replies, and the questions asked that day answered by the end of the period, so the days add
   * up to the period's figure (active users do not add up: a person active on two days is one).
   */
  private async byDay(period: Period): Promise<DayView[]> {
    const db = this.db.reader;
    const params = [period.start, period.end];
    const [days, answered] = await Promise.all([
      rows<ByDayRow>(db, BY_DAY_SQL, params),
      rows<{ day: string; answered: number }>(db, ANSWERED_BY_DAY_SQL, params),
    ]);
    const answeredOn = new Map(answered.map((a) => [a.day, a.answered]));
    return days.map((d) => {
      const n = (v: number | null) => v ?? 0;
      return {
        date: d.day,
        activeUsers: n(d.active_users),
        posts: n(d.posts),
        comments: n(d.comments),
        reactions: n(d.reactions),
        questions: n(d.questions),
        answers: n(d.answers),
        ideas: n(d.ideas),
        votes: n(d.votes),
        reviews: n(d.reviews),
        crossDepartmentInteractions: n(d.cross_department),
        estimatedEmailsAvoided: emailsAvoided(inputsOf(d, answeredOn.get(d.day) ?? 0)),
        emailsSent: n(d.emails_sent),
        emailsReceived: n(d.emails_received),
      };
    });
  }
}
