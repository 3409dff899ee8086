import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import {
  AuthoredTextView,
  EditedAtProperty,
  OptionalInt,
  IsIdArray,
  type ModerationState,
  OptionalDateTime,
  OptionalId,
  OptionalTrimmedText,
  PageQuery,
  TrimmedText,
  TrimmedTextList,
  ModerationMarkerProperty,
  UserSummaryView,
} from '@ruche/platform';
import type {
  CommentView as CommentEventView,
  ModerationMarker,
  PollView as PollEventView,
  PostView as PostEventView,
} from '@ruche/contracts';
import { AttachmentIds, AttachmentsProperty, AttachmentView } from '@ruche/files';
import { LinkPreviewsProperty, LinkPreviewViewDto } from '@ruche/previews';
import type { UserSummary } from '@ruche/identity';
import { REACTION_KINDS, type ReactionCounts, type ReactionKind } from './reaction-kinds.js';

export type { ModerationMarker } from '@ruche/contracts';

/** The marker for a row's state: absent for visible content. */
export const moderationMarker = (state: ModerationState): { moderation?: ModerationMarker } =>
  state === 'visible' ? {} : { moderation: { state } };

export const POST_MAX_LENGTH = 10_000;
export const COMMENT_MAX_LENGTH = 10_000;

/** A poll's bounds (#14): what the composer offers and the api accepts. */
export const POLL_LIMITS = { minOptions: 2, maxOptions: 10, optionLength: 200, questionLength: 300, maxDays: 366 } as const;

/** Two options that differ only by case or surrounding spaces are the same choice. */
const sameOption = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class CreatePollDto {
  @OptionalTrimmedText(POLL_LIMITS.questionLength, 'Omit (or empty) to let the post ask the question')
  question?: string;

  @ApiProperty({
    type: [String],
    minItems: POLL_LIMITS.minOptions,
    maxItems: POLL_LIMITS.maxOptions,
    description: `Each 1..${POLL_LIMITS.optionLength} characters, no two alike (case aside), in the order shown`,
  })
  @TrimmedTextList(POLL_LIMITS.maxOptions, POLL_LIMITS.optionLength, POLL_LIMITS.minOptions)
  @ArrayUnique(sameOption, { message: 'options must not repeat one another' })
  options: string[];

  @ApiProperty({ description: 'true: a voter may choose several options; false: exactly one' })
  @IsBoolean()
  multiple: boolean;

  @OptionalDateTime(`When voting closes: in the future, within ${POLL_LIMITS.maxDays} days; omit: never`)
  closesAt?: string;
}

export class VotePollDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: POLL_LIMITS.maxOptions,
    description: "The caller's whole choice (replaces any previous one): exactly one id in a single-choice poll",
  })
  @IsIdArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(POLL_LIMITS.maxOptions)
  @ArrayUnique()
  optionIds: string[];
}

export class CreatePostDto {
  @TrimmedText(POST_MAX_LENGTH, 'Plain text; @handle mentions are resolved')
  body: string;

  @OptionalId('Post into this group; omit or null for company-wide', { nullable: true })
  groupId?: string | null;

  @AttachmentIds()
  attachmentIds?: string[];

  @ApiPropertyOptional({ type: CreatePollDto, description: 'A poll carried by the post; fixed once the post exists' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CreatePollDto)
  poll?: CreatePollDto;
}

export class UpdatePostDto {
  @TrimmedText(POST_MAX_LENGTH, 'Plain text; mentions are resolved again')
  body: string;

  @AttachmentIds()
  attachmentIds?: string[];
}

export class CreateCommentDto {
  @TrimmedText(COMMENT_MAX_LENGTH, 'Markdown; @handle mentions are resolved')
  body: string;

  @AttachmentIds()
  attachmentIds?: string[];
}

export class UpdateCommentDto {
  @TrimmedText(COMMENT_MAX_LENGTH, 'Markdown; mentions are resolved again')
  body: string;

  /** The comment's full list of files; left out, they stay as they are. */
  @AttachmentIds()
  attachmentIds?: string[];
}

export const FEED_SCOPES = ['home', 'company'] as const;
export type FeedScope = (typeof FEED_SCOPES)[number];

export class FeedQuery extends PageQuery {
  @ApiPropertyOptional({ enum: FEED_SCOPES, default: 'home' })
  @IsOptional()
  @IsIn(FEED_SCOPES, { message: `scope must be one of ${FEED_SCOPES.join(', ')}` })
  scope: FeedScope = 'home';
}

export class PollOptionView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  text: string;
  @ApiProperty({ description: 'People who chose it (exact)' })
  votes: number;
}

export class PollView implements PollEventView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ type: String, nullable: true })
  question: string | null;
  @ApiProperty({ type: [PollOptionView] })
  options: PollOptionView[];
  @ApiProperty()
  multiple: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closesAt: string | null;
  @ApiProperty({ description: 'Voting is over (closesAt reached)' })
  closed: boolean;
  @ApiProperty({ description: 'People with at least one choice' })
  totalVoters: number;
  @ApiProperty({ type: [String], format: 'uuid', description: "The caller's choices (always [] in realtime events)" })
  myVotes: string[];
}

/** Every kind is always there (0 when nobody reacted so), so the four are required. */
export class ReactionCountsView implements ReactionCounts {
  @ApiProperty({ type: 'integer', minimum: 0 })
  like: number;
  @ApiProperty({ type: 'integer', minimum: 0 })
  celebrate: number;
  @ApiProperty({ type: 'integer', minimum: 0 })
  insightful: number;
  @ApiProperty({ type: 'integer', minimum: 0 })
  support: number;
}

export class PostView extends AuthoredTextView implements PostEventView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  groupId: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
  @ApiProperty({ type: [String], description: 'Ids of the people mentioned' })
  mentions: string[];
  @ApiProperty({ type: [UserSummaryView], description: 'The people mentioned, for rendering @handles' })
  mentionedUsers: UserSummary[];
  @ApiProperty()
  commentCount: number;
  @ApiProperty({ type: ReactionCountsView })
  reactions: ReactionCountsView;
  @ApiProperty({ enum: REACTION_KINDS, isArray: true, description: "The caller's reactions (always [] in realtime events)" })
  myReactions: ReactionKind[];
  @LinkPreviewsProperty()
  linkPreviews?: LinkPreviewViewDto[];
  @ApiProperty({
    type: [AttachmentView],
    description: 'Files attached, in the order given; url and thumbnailUrl are signed, short-lived links',
  })
  attachments: AttachmentView[];
  @ApiProperty({ type: PollView, nullable: true, description: 'The poll the post carries, null if none' })
  poll: PollView | null;
  @ModerationMarkerProperty('Only on moderated content, which only moderators (and, for `held`, the author) see')
  moderation?: ModerationMarker;
}

export class CommentView extends AuthoredTextView implements CommentEventView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  postId: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @EditedAtProperty()
  editedAt: string | null;
  @LinkPreviewsProperty()
  linkPreviews?: LinkPreviewViewDto[];
  @AttachmentsProperty()
  attachments: AttachmentView[];
  @ModerationMarkerProperty('Only on moderated comments')
  moderation?: ModerationMarker;
}

export class ReactionsView {
  @ApiProperty({ type: ReactionCountsView })
  reactions: ReactionCountsView;
  @ApiProperty({ enum: REACTION_KINDS, isArray: true })
  myReactions: ReactionKind[];
}

/** Trending topics (#16): how many to answer. */
export const TRENDING_LIMITS = { max: 20, fallback: 5 } as const;

export class TrendingTopicsQuery {
  @OptionalInt(1, TRENDING_LIMITS.max, TRENDING_LIMITS.fallback, 'How many topics, most posts first')
  limit: number = TRENDING_LIMITS.fallback;
}

export class TrendingTopicView {
  @ApiProperty({ example: 'onboarding', description: 'The hashtag, lower-cased, without its #' })
  tag: string;
  @ApiProperty({ example: 3, description: 'Posts carrying it in the window that the caller may see' })
  posts: number;
}

export class TrendingTopicsView {
  @ApiProperty({ type: [TrendingTopicView] })
  items: TrendingTopicView[];
  @ApiProperty({ format: 'date-time', description: 'Start of the window (now minus 7 days)' })
  since: string;
}
