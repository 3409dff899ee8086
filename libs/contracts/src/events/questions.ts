import type { LinkPreviewView } from '../link-previews.js';
import type { AttachmentView } from '../files.js';
import type { UserSummary } from './identity.js';
import type { ModerationMarker, OutOfSight } from './moderation.js';

export const QUESTION_STATUSES = ['open', 'answered'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** An expert's "I'm on it", until `expiresAt`. */
export interface ClaimView {
  user: UserSummary;
  expiresAt: string;
}

/** Why someone was asked a question (issue #17), in the order a round is filled. */
export const ROUTE_REASONS = ['expert', 'helper', 'topic_follower', 'department_answerer'] as const;
export type RouteReason = (typeof ROUTE_REASONS)[number];

/** One person asked, and why: `detail` names the topic (helpers, followers, experts) or the department. */
export interface QuestionRouteView {
  userId: string;
  reason: RouteReason;
  detail: string;
  round: number;
}

/** A question as the REST API and `question.*` events show it (questions' QuestionView implements it). */
export interface QuestionView {
  id: string;
  title: string;
  body: string;
  /** `body` rendered once on the server (Markdown, sanitised HTML: #14). */
  bodyHtml: string;
  topics: string[];
  status: QuestionStatus;
  asker: UserSummary;
  answerCount: number;
  acceptedAnswerId: string | null;
  createdAt: string;
  answeredAt: string | null;
  claim: ClaimView | null;
  routedTo: string[];
  /** Who was asked and why, in the order of `routedTo`. */
  routing: QuestionRouteView[];
  routedRound: number;
  /** When its asker last edited it ("edited" mark), null if never. */
  editedAt: string | null;
  moderation?: ModerationMarker;
  /** Preview cards of the links in its body once fetched (#14), in the order written; [] until then. */
  linkPreviews?: LinkPreviewView[];
  /** Files attached; signed links, short-lived. */
  attachments?: AttachmentView[];
}

export interface AnswerView {
  id: string;
  questionId: string;
  author: UserSummary;
  body: string;
  /** `body` rendered once on the server (Markdown, sanitised HTML: #14). */
  bodyHtml: string;
  voteCount: number;
  /** The caller's vote; false in events. */
  myVote: boolean;
  accepted: boolean;
  createdAt: string;
  /** When its author last edited it ("edited" mark), null if never. */
  editedAt: string | null;
  moderation?: ModerationMarker;
  /** Preview cards of the links in its body once fetched (#14), in the order written; [] until then. */
  linkPreviews?: LinkPreviewView[];
  /** Files attached; signed links, short-lived. */
  attachments?: AttachmentView[];
}

/**
 * Produced by `libs/questions`. Each is about a question (`subject: { type: 'question', id }`), so
 * replay re-checks QuestionsVisibility. Payloads carry what listeners need besides what sockets
 * show (`answererId`, `askerId`, `topics`: expertise credits the answerer on the question's topics).
 */
export interface QuestionEvents {
  /** Audience: the experts it was routed to and the asker (`user:<id>` each). */
  'question.created': { question: QuestionView };
  /**
   * Audience: the people asked in this round (`user:<id>` each); the notifications module turns
   * it into `question.routed` notifications. Round 1 is at creation; later rounds come from the
   * re-routing job while nobody answers.
   */
  'question.routed': { questionId: string; userIds: string[]; round: number; title: string; topics: string[]; askerId: string };
  /**
   * Audience: the asker. Still unanswered after the last routing round: the question joined the
   * unanswered queue (moderators, analytics readers); `asked` people were asked in `rounds` rounds.
   */
  'question.unanswered': { questionId: string; askerId: string; title: string; topics: string[]; rounds: number; asked: number };
  /** Audience: `question:<id>` and the asker. `answerCount` is the question's count after it. */
  'answer.created': { answer: AnswerView; questionId: string; askerId: string; answerCount: number };
  /** Audience: `question:<id>` and the asker (the asker alone while it is held). Its asker edited it (#14). */
  'question.updated': { question: QuestionView };
  /**
   * Audience: `question:<id>`, the asker and every author of an answer to it (so they hear their
   * answers went with it). No subject: nobody may see it any more, and all of them must still hear this.
   */
  'question.deleted': { questionId: string; title: string; askerId: string; answerAuthorIds: string[] };
  /** Audience: `question:<id>` and the asker (the answer's author alone while it is held). Its author edited it. */
  'answer.updated': { answer: AnswerView; questionId: string };
  /**
   * Audience: `question:<id>`, the asker and the answer's author. `answerCount` counts visible
   * answers; `unaccepted`: it was the accepted answer, and the question is open again.
   */
  'answer.deleted': { questionId: string; answerId: string; answerCount: number; unaccepted: boolean };
  /** For notifications (no socket audience): people newly @mentioned in an answer. */
  'answer.mentioned': { questionId: string; answerId: string; userIds: string[] };
  /** Audience: `question:<id>`. Only when the count really changed. */
  'answer.voted': { answerId: string; questionId: string; voteCount: number; answererId: string; topics: string[] };
  /** Audience: `question:<id>` and the person whose answer was accepted. */
  'question.answer_accepted': { questionId: string; answerId: string; answererId: string; askerId: string; topics: string[] };
  /** Audience: `question:<id>` and the asker: someone is on it, until `claim.expiresAt`. */
  'question.claimed': { questionId: string; claim: ClaimView };
  /** Audience: `question:<id>` and the asker: the claim was released (or its holder answered). */
  'question.claim_released': { questionId: string; userId: string };
  /**
   * Audience: `question:<id>` and the asker: moderation took the question out of sight (clients
   * drop it). No subject: the people who saw it may no longer see it, and must still hear this.
   */
  'question.hidden': { questionId: string; state: OutOfSight };
  /** Audience: `question:<id>` and the asker: a hidden or removed question is back in sight. */
  'question.restored': { question: QuestionView };
  /**
   * Audience: whoever may see the question (`question:<id>`, the asker): moderation took the
   * answer out of sight (clients drop it). `answerCount` counts visible answers.
   */
  'answer.hidden': { questionId: string; answerId: string; state: OutOfSight; answerCount: number };
  /** Audience: as `answer.hidden`: a hidden or removed answer is back in sight. */
  'answer.restored': { answer: AnswerView; questionId: string; answerCount: number };
}
