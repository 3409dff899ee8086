import type { ModerationState } from '@ruche/platform';
import type { CampaignStatus, Criterion, IdeaStatus } from './campaign-rules.js';
import type { Scores } from './scorecard.js';

/** A `campaigns` row as the queries below select it (`idea_count` computed, merged ideas left out). */
export interface CampaignRow {
  id: string;
  title: string;
  description: string;
  topics: string[];
  criteria: Criterion[];
  advance_top_n: number;
  status: CampaignStatus;
  closes_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  idea_count: number;
}

export const CAMPAIGN_COLUMNS = (alias: string) =>
  [
    ...[
      'id',
      'title',
      'description',
      'topics',
      'criteria',
      'advance_top_n',
      'status',
      'closes_at',
      'created_by',
      'created_at',
      'updated_at',
    ].map((column) => `${alias}.${column}`),
    `(SELECT count(*)::int FROM ideas ci WHERE ci.campaign_id = ${alias}.id AND ci.status <> 'merged' AND ci.moderation_state = 'visible') AS idea_count`,
  ].join(', ');

/** An `ideas` row (`review_score` is numeric: the driver hands it over as a string). */
export interface IdeaRow {
  id: string;
  campaign_id: string;
  author_id: string;
  title: string;
  body: string;
  /** NULL for ideas written before #14: rendered on read. */
  body_html: string | null;
  status: IdeaStatus;
  vote_count: number;
  comment_count: number;
  review_count: number;
  review_score: string | null;
  rationale: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  merged_into: string | null;
  implementation_owner_id: string | null;
  implementation_progress: number | null;
  implementation_updated_at: Date | null;
  created_at: Date;
  updated_at: Date;
  moderation_state: ModerationState;
}

export const IDEA_COLUMNS = (alias: string) =>
  [
    'id',
    'campaign_id',
    'author_id',
    'title',
    'body',
    'body_html',
    'status',
    'vote_count',
    'comment_count',
    'review_count',
    'review_score',
    'rationale',
    'decided_by',
    'decided_at',
    'merged_into',
    'implementation_owner_id',
    'implementation_progress',
    'implementation_updated_at',
    'created_at',
    'updated_at',
    'moderation_state',
  ]
    .map((column) => `${alias}.${column}`)
    .join(', ');

export interface ReviewRow {
  id: string;
  idea_id: string;
  reviewer_id: string;
  scores: Scores;
  comment: string;
  /** NULL for reviews written before #14: rendered on read. */
  comment_html: string | null;
  score: string;
  created_at: Date;
}

export const REVIEW_COLUMNS = 'id, idea_id, reviewer_id, scores, comment, comment_html, score, created_at';

export interface MilestoneRow {
  idea_id: string;
  position: number;
  title: string;
  /** `date` as text (YYYY-MM-DD), selected with `due_on::text`: no time zone shifts. */
  due_on: string;
  done: boolean;
}

export interface IdeaCommentRow {
  id: string;
  idea_id: string;
  author_id: string;
  body: string;
  /** NULL for comments written before #14: rendered on read. */
  body_html: string | null;
  created_at: Date;
}

export const COMMENT_COLUMNS = 'id, idea_id, author_id, body, body_html, created_at';

/** A numeric column as a number (null stays null). */
export const numeric = (value: string | null): number | null => (value === null ? null : Number(value));
