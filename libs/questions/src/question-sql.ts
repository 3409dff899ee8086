import type { ModerationState } from '@ruche/platform';

export interface QuestionRow {
  id: string;
  asker_id: string;
  title: string;
  body: string;
  /** NULL for questions written before #14: rendered on read. */
  body_html: string | null;
  topics: string[];
  status: 'open' | 'answered';
  accepted_answer_id: string | null;
  answer_count: number;
  created_at: Date;
  answered_at: Date | null;
  /** Only while the claim runs (NULL once it expired). */
  claimed_by: string | null;
  claim_expires_at: Date | null;
  routed_round: number;
  last_routed_at: Date;
  edited_at: Date | null;
  moderation_state: ModerationState;
}

/** Question columns; a claim past its time reads as no claim. */
export const QUESTION_COLUMNS = (q: string) =>
  [
    ...[
      'id',
      'asker_id',
      'title',
      'body',
      'body_html',
      'topics',
      'status',
      'accepted_answer_id',
      'answer_count',
      'created_at',
      'answered_at',
    ].map((c) => `${q}.${c}`),
    `CASE WHEN ${q}.claim_expires_at > now() THEN ${q}.claimed_by END AS claimed_by`,
    `CASE WHEN ${q}.claim_expires_at > now() THEN ${q}.claim_expires_at END AS claim_expires_at`,
    `${q}.routed_round`,
    `${q}.last_routed_at`,
    `${q}.edited_at`,
    `${q}.moderation_state`,
  ].join(', ');

export interface AnswerRow {
  id: string;
  question_id: string;
  author_id: string;
  body: string;
  /** NULL for answers written before #14: rendered on read. */
  body_html: string | null;
  vote_count: number;
  accepted: boolean;
  created_at: Date;
  accepted_at: Date | null;
  edited_at: Date | null;
  moderation_state: ModerationState;
}

export const ANSWER_COLUMNS = (a: string) =>
  [
    'id',
    'question_id',
    'author_id',
    'body',
    'body_html',
    'vote_count',
    'accepted',
    'created_at',
    'accepted_at',
    'edited_at',
    'moderation_state',
  ]
    .map((c) => `${a}.${c}`)
    .join(', ');
