import { LinkPreviewsProperty, LinkPreviewViewDto } from '@ruche/previews';
import { ApiProperty, ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  type AnswerView as AnswerEventView,
  type ClaimView as ClaimEventView,
  QUESTION_STATUSES,
  type QuestionStatus,
  type QuestionView as QuestionEventView,
  type QuestionRouteView as QuestionRouteEventView,
  ROUTE_REASONS,
  type RouteReason,
} from '@ruche/contracts';
import { AttachmentIds, AttachmentsProperty, AttachmentView } from '@ruche/files';
import type { UserSummary } from '@ruche/identity';
import {
  AuthoredTextView,
  EditedAtProperty,
  IsId,
  type ModerationState,
  OptionalInt,
  OptionalTrimmedText,
  PageQuery,
  TrimmedText,
  TrimmedTextList,
  ModerationMarkerProperty,
  type ModerationMarkerView,
  UserSummaryView,
} from '@ruche/platform';

/** Shown to moderators (and to the author of held content) on content out of public sight. */
export type ModerationMarker = ModerationMarkerView;

export const moderationMarker = (state: ModerationState | undefined): { moderation?: ModerationMarker } =>
  !state || state === 'visible' ? {} : { moderation: { state } };

export const QUESTION_LIMITS = { title: 200, body: 20_000, answer: 20_000, topics: 10, topic: 60 } as const;
export { QUESTION_STATUSES, type QuestionStatus } from '@ruche/contracts';

export class AskQuestionDto {
  @TrimmedText(QUESTION_LIMITS.title)
  title: string;

  @OptionalTrimmedText(QUESTION_LIMITS.body, 'Details, plain text or Markdown (stored as written)')
  body?: string;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: QUESTION_LIMITS.topics,
    example: ['Kubernetes', 'networking'],
    description: 'What the question is about; case, accents and synonyms ("k8s") are folded',
  })
  @TrimmedTextList(QUESTION_LIMITS.topics, QUESTION_LIMITS.topic, 1)
  topics: string[];

  @AttachmentIds()
  attachmentIds?: string[];
}

export class AnswerDto {
  @TrimmedText(QUESTION_LIMITS.answer, 'Plain text or Markdown (stored as written)')
  body: string;

  @AttachmentIds()
  attachmentIds?: string[];
}

/** An edit of a question by its asker (#14): what is given changes, the rest stays. */
export class UpdateQuestionDto {
  // Applied last, so the document says optional; TrimmedText still refuses an empty title when one is sent.
  @ApiPropertyOptional({ maxLength: QUESTION_LIMITS.title, description: 'The new title' })
  @IsOptional()
  @TrimmedText(QUESTION_LIMITS.title)
  title?: string;

  @OptionalTrimmedText(QUESTION_LIMITS.body, 'Markdown')
  body?: string;

  @ApiPropertyOptional({ type: [String], minItems: 1, maxItems: QUESTION_LIMITS.topics })
  @IsOptional()
  @TrimmedTextList(QUESTION_LIMITS.topics, QUESTION_LIMITS.topic, 1)
  topics?: string[];

  /** The question's full list of files; left out, they stay as they are. */
  @AttachmentIds()
  attachmentIds?: string[];
}

export class UpdateAnswerDto {
  @TrimmedText(QUESTION_LIMITS.answer, 'Markdown; mentions are resolved again')
  body: string;

  /** The answer's full list of files; left out, they stay as they are. */
  @AttachmentIds()
  attachmentIds?: string[];
}

export class AcceptDto {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  answerId: string;
}

export class QuestionListQuery extends PageQuery {
  @OptionalTrimmedText(QUESTION_LIMITS.topic, 'Only questions on this topic (any spelling or synonym of it)')
  topic?: string;

  @ApiPropertyOptional({ enum: QUESTION_STATUSES })
  @IsOptional()
  @IsIn(QUESTION_STATUSES, { message: `status must be one of ${QUESTION_STATUSES.join(', ')}` })
  status?: QuestionStatus;

  @ApiPropertyOptional({ enum: ['me'], description: 'Only questions routed to the caller, most recently routed first' })
  @IsOptional()
  @IsIn(['me'], { message: 'for must be me' })
  for?: 'me';
}

export class SimilarQuery {
  @TrimmedText(QUESTION_LIMITS.title, 'The title being typed')
  title: string;

  @OptionalInt(1, 20, 5)
  limit: number = 5;
}

export class ClaimView implements ClaimEventView {
  @ApiProperty({ type: UserSummaryView })
  user: UserSummary;
  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}

export class ClaimResultView {
  @ApiProperty({ type: ClaimView })
  claim: ClaimView;
}

export class QuestionRouteView implements QuestionRouteEventView {
  @ApiProperty({ format: 'uuid' })
  userId: string;
  @ApiProperty({
    enum: ROUTE_REASONS,
    description: 'expert (best on the topics), helper (volunteer, within their weekly cap), topic_follower, department_answerer',
  })
  reason: RouteReason;
  @ApiProperty({ description: 'The topic (expert, helper, follower) or the department (department answerer)' })
  detail: string;
  @ApiProperty({ description: 'The round this person was asked in (1 at creation)' })
  round: number;
}

/** What a question and an answer both carry besides their own fields: the last edit, link cards and files. */
class EditableTextView {
  @EditedAtProperty()
  editedAt: string | null;
  @LinkPreviewsProperty()
  linkPreviews?: LinkPreviewViewDto[];
  @AttachmentsProperty()
  attachments: AttachmentView[];
}

export class QuestionView extends EditableTextView implements QuestionEventView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  title: string;
  @ApiProperty()
  body: string;
  @ApiProperty({ description: '`body` rendered once on the server: Markdown as sanitised HTML' })
  bodyHtml: string;
  @ApiProperty({ type: [String], description: 'Topic keys' })
  topics: string[];
  @ApiProperty({ enum: QUESTION_STATUSES })
  status: QuestionStatus;
  @ApiProperty({ type: UserSummaryView })
  asker: UserSummary;
  @ApiProperty()
  answerCount: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  acceptedAnswerId: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  answeredAt: string | null;
  @ApiProperty({ type: ClaimView, nullable: true, description: 'Who said "I\'m on it", until when' })
  claim: ClaimView | null;
  @ApiProperty({ type: [String], description: 'Ids of the experts the question was routed to, in every round' })
  routedTo: string[];
  @ApiProperty({ type: [QuestionRouteView], description: 'Who was asked and why, in the order of routedTo' })
  routing: QuestionRouteView[];
  @ApiProperty({ description: 'Routing rounds so far (1 at creation)' })
  routedRound: number;
  @ModerationMarkerProperty('Only on a question out of public sight (moderators, or its held author)')
  moderation?: ModerationMarker;
}

export class AnswerView extends IntersectionType(AuthoredTextView, EditableTextView) implements AnswerEventView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  questionId: string;
  @ApiProperty()
  voteCount: number;
  @ApiProperty({ description: "The caller's vote (always false in realtime events)" })
  myVote: boolean;
  @ApiProperty()
  accepted: boolean;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ModerationMarkerProperty('Only on an answer out of public sight (moderators, or its held author)')
  moderation?: ModerationMarker;
}

export class QuestionDetailView extends QuestionView {
  @ApiProperty({ type: [AnswerView], description: 'Accepted answer first, then most votes, then oldest' })
  answers: AnswerView[];
}

export class VoteView {
  @ApiProperty()
  voteCount: number;
  @ApiProperty()
  myVote: boolean;
}

/** A recent answer on a topic, as a topic page lists it. */
export class TopicAnswerView extends PickType(AnswerView, [
  'id',
  'questionId',
  'author',
  'voteCount',
  'accepted',
  'createdAt',
] as const) {
  @ApiProperty()
  questionTitle: string;
}

/** A question whose title looks like the one being typed (asked already?). */
export class SimilarQuestionView extends PickType(QuestionView, ['id', 'title', 'status', 'answerCount', 'createdAt'] as const) {
  @ApiProperty({ description: 'Trigram similarity of the titles, 0..1' })
  similarity: number;
}
