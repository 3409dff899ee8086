import { LinkPreviewsProperty, LinkPreviewViewDto } from '@ruche/previews';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { AttachmentIds, AttachmentsProperty, AttachmentView } from '@ruche/files';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsPositive,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type {
  IdeaCommentView as IdeaCommentEventView,
  IdeaView as IdeaEventView,
  ImplementationView as ImplementationEventView,
  MilestoneView as MilestoneEventView,
  ModerationMarker,
  ReviewView as ReviewEventView,
} from '@ruche/contracts';
import type { UserSummary } from '@ruche/identity';
import {
  AuthoredTextView,
  IsId,
  IsIdArray,
  type ModerationState,
  Omittable,
  OptionalDateTime,
  OptionalId,
  OptionalInt,
  OptionalTrimmedText,
  PageQuery,
  TrimmedText,
  TrimmedTextList,
  ModerationMarkerProperty,
  UserSummaryView,
} from '@ruche/platform';
import {
  CAMPAIGN_STATUSES,
  type CampaignStatus,
  CRITERIA_LIMITS,
  DECISIONS,
  type Decision,
  IDEA_STATUSES,
  type IdeaStatus,
} from './campaign-rules.js';
import type { Scores } from './scorecard.js';

export const IDEA_LIMITS = {
  campaignTitle: 200,
  description: 10_000,
  topics: 20,
  topicLength: 60,
  reviewers: 50,
  ideaTitle: 200,
  ideaBody: 10_000,
  comment: 5_000,
  rationale: 5_000,
  milestones: 50,
  milestoneTitle: 200,
} as const;

// ---- input ------------------------------------------------------------------------------------

export class CriterionDto {
  @TrimmedText(CRITERIA_LIMITS.nameLength, 'Unique within the campaign (ignoring case); the key of review scores')
  name: string;

  @ApiProperty({
    minimum: 0,
    exclusiveMinimum: true,
    maximum: CRITERIA_LIMITS.maxWeight,
    description: 'Relative weight in the review score',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'weight must be a number' })
  @IsPositive()
  @Max(CRITERIA_LIMITS.maxWeight)
  weight: number;

  @OptionalTrimmedText(CRITERIA_LIMITS.endLength, 'What a score of 1 means here, e.g. "costly" for Cost')
  low?: string;

  @OptionalTrimmedText(CRITERIA_LIMITS.endLength, 'What a score of 5 means here, e.g. "cheap" for Cost')
  high?: string;
}

export class CreateCampaignDto {
  @TrimmedText(IDEA_LIMITS.campaignTitle)
  title: string;

  @TrimmedText(IDEA_LIMITS.description, 'Plain text or Markdown: the strategic question asked')
  description: string;

  @ApiPropertyOptional({ type: [String], maxItems: IDEA_LIMITS.topics })
  @IsOptional()
  @TrimmedTextList(IDEA_LIMITS.topics, IDEA_LIMITS.topicLength)
  topics?: string[];

  @ApiProperty({ type: [CriterionDto], minItems: CRITERIA_LIMITS.min, maxItems: CRITERIA_LIMITS.max })
  @IsArray()
  @ArrayMinSize(CRITERIA_LIMITS.min)
  @ArrayMaxSize(CRITERIA_LIMITS.max)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria: CriterionDto[];

  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: IDEA_LIMITS.reviewers,
    description: 'The expert panel: existing users',
  })
  @IsIdArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(IDEA_LIMITS.reviewers)
  reviewerIds: string[];

  @ApiProperty({ minimum: 1, maximum: 1000, description: 'How many ideas (by votes) advance to expert review' })
  @IsInt()
  @Min(1)
  @Max(1000)
  advanceTopN: number;

  @OptionalDateTime('The deadline (in the future): once open, the campaign advances by itself then; omit: no deadline')
  closesAt?: string;
}

/** Changes to a draft campaign; absent fields stay as they are. */
export class UpdateCampaignDto {
  @ApiPropertyOptional({ maxLength: IDEA_LIMITS.campaignTitle })
  @Omittable()
  @TrimmedText(IDEA_LIMITS.campaignTitle)
  title?: string;

  @ApiPropertyOptional({ maxLength: IDEA_LIMITS.description })
  @Omittable()
  @TrimmedText(IDEA_LIMITS.description)
  description?: string;

  @ApiPropertyOptional({ type: [String], maxItems: IDEA_LIMITS.topics })
  @Omittable()
  @TrimmedTextList(IDEA_LIMITS.topics, IDEA_LIMITS.topicLength)
  topics?: string[];

  @ApiPropertyOptional({ type: [CriterionDto] })
  @Omittable()
  @IsArray()
  @ArrayMinSize(CRITERIA_LIMITS.min)
  @ArrayMaxSize(CRITERIA_LIMITS.max)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria?: CriterionDto[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @Omittable()
  @IsIdArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(IDEA_LIMITS.reviewers)
  reviewerIds?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 1000 })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(1000)
  advanceTopN?: number;

  @OptionalDateTime(
    'A new deadline (in the future), or null for none: the only field that may change while the campaign is open',
    { nullable: true },
  )
  closesAt?: string | null;
}

export class CampaignListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES })
  @IsOptional()
  @IsIn(CAMPAIGN_STATUSES, { message: `status must be one of ${CAMPAIGN_STATUSES.join(', ')}` })
  status?: CampaignStatus;
}

export class CreateIdeaDto {
  @TrimmedText(IDEA_LIMITS.ideaTitle)
  title: string;

  @TrimmedText(IDEA_LIMITS.ideaBody, 'Plain text or Markdown')
  body: string;

  @AttachmentIds()
  attachmentIds?: string[];
}

/** The author's edit while the idea is `submitted`; absent fields stay as they are. */
export class UpdateIdeaDto {
  @ApiPropertyOptional({ maxLength: IDEA_LIMITS.ideaTitle })
  @Omittable()
  @TrimmedText(IDEA_LIMITS.ideaTitle)
  title?: string;

  @ApiPropertyOptional({ maxLength: IDEA_LIMITS.ideaBody })
  @Omittable()
  @TrimmedText(IDEA_LIMITS.ideaBody)
  body?: string;

  @AttachmentIds()
  attachmentIds?: string[];
}

export const IDEA_SORTS = ['top', 'new'] as const;
export type IdeaSort = (typeof IDEA_SORTS)[number];

export class IdeaListQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: IDEA_SORTS,
    default: 'top',
    description: 'top: most votes first, earliest submission first among equals',
  })
  @IsOptional()
  @IsIn(IDEA_SORTS, { message: `sort must be one of ${IDEA_SORTS.join(', ')}` })
  sort: IdeaSort = 'top';

  @ApiPropertyOptional({ enum: IDEA_STATUSES.filter((s) => s !== 'merged') })
  @IsOptional()
  @IsIn(IDEA_STATUSES.filter((s) => s !== 'merged'), { message: 'status must be a listed idea status' })
  status?: IdeaStatus;
}

export class SimilarQuery {
  @TrimmedText(IDEA_LIMITS.ideaTitle, 'The title being typed')
  title: string;

  @OptionalInt(1, 20, 5)
  limit: number = 5;
}

export class SummaryQuery {
  @OptionalInt(1, 100, 10, 'Leaderboard length')
  top: number = 10;
}

export class CreateIdeaCommentDto {
  @TrimmedText(IDEA_LIMITS.comment)
  body: string;
}

export class CreateReviewDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 1, maximum: 5 },
    example: { Impact: 4, Feasibility: 3 },
    description: "One integer 1..5 for each of the campaign's criteria, keyed by criterion name",
  })
  @IsObject({ message: 'scores must be an object with one score per criterion' })
  scores: Record<string, unknown>;

  @TrimmedText(IDEA_LIMITS.comment)
  comment: string;
}

export class DecisionDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS, { message: `status must be one of ${DECISIONS.join(', ')}` })
  status: Decision;

  @OptionalTrimmedText(IDEA_LIMITS.rationale, 'Why; required when rejecting, shown on the idea')
  rationale?: string;
}

export class MergeDto {
  @ApiProperty({ format: 'uuid', description: 'The idea that survives; the one in the path is the duplicate' })
  @IsId()
  intoId: string;
}

export class MilestoneDto {
  @TrimmedText(IDEA_LIMITS.milestoneTitle)
  title: string;

  @ApiProperty({ format: 'date', example: '2027-03-31' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a calendar date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'date must be a calendar date (YYYY-MM-DD)' })
  date: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  done?: boolean;
}

/** Implementation tracking of a selected idea; absent fields stay, `milestones` replaces the list. */
export class ImplementationDto {
  @OptionalId('Who carries it out; null clears', { nullable: true })
  ownerId?: string | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(100)
  progress?: number;

  @ApiPropertyOptional({ type: [MilestoneDto], maxItems: IDEA_LIMITS.milestones })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(IDEA_LIMITS.milestones)
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones?: MilestoneDto[];
}

// ---- output -----------------------------------------------------------------------------------

export class CriterionView {
  @ApiProperty()
  name: string;
  @ApiProperty()
  weight: number;
  @ApiPropertyOptional({ description: 'What a score of 1 means; absent: the generic "weak"' })
  low?: string;
  @ApiPropertyOptional({ description: 'What a score of 5 means; absent: the generic "excellent"' })
  high?: string;
}

export class TransitionView {
  @ApiProperty({ enum: CAMPAIGN_STATUSES })
  status: CampaignStatus;
  @ApiProperty({ type: UserSummaryView, nullable: true })
  by: UserSummary | null;
  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class CampaignView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  title: string;
  @ApiProperty()
  description: string;
  @ApiProperty({ type: [String] })
  topics: string[];
  @ApiProperty({ type: [CriterionView] })
  criteria: CriterionView[];
  @ApiProperty({ type: [String], format: 'uuid' })
  reviewerIds: string[];
  @ApiProperty({ type: [UserSummaryView], description: 'The panel' })
  reviewers: UserSummary[];
  @ApiProperty()
  advanceTopN: number;
  @ApiProperty({ enum: CAMPAIGN_STATUSES })
  status: CampaignStatus;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'The deadline: an open campaign advances by itself then (null: none)',
  })
  closesAt: string | null;
  @ApiProperty({ description: 'Ideas submitted (merged duplicates not counted)' })
  ideaCount: number;
  @ApiProperty({ description: 'Whether the caller sits on the review panel' })
  isReviewer: boolean;
  @ApiProperty({ type: UserSummaryView, nullable: true })
  createdBy: UserSummary | null;
  @ApiProperty({ type: [TransitionView], description: 'Every phase change: who and when, oldest first' })
  history: TransitionView[];
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class MilestoneView implements MilestoneEventView {
  @ApiProperty()
  title: string;
  @ApiProperty({ format: 'date' })
  date: string;
  @ApiProperty()
  done: boolean;
}

export class ImplementationView implements ImplementationEventView {
  @ApiProperty({ type: UserSummaryView, nullable: true })
  owner: UserSummary | null;
  @ApiProperty({ minimum: 0, maximum: 100 })
  progress: number;
  @ApiProperty({ type: [MilestoneView] })
  milestones: MilestoneView[];
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

/** Marks an idea that only moderators (or, when held, its author) can see, and why. */
export type IdeaModerationMarker = ModerationMarker;

/** The marker for a row's state: absent for visible ideas. */
export const moderationMarker = (state: ModerationState): { moderation?: IdeaModerationMarker } =>
  state === 'visible' ? {} : { moderation: { state } };

export class IdeaView implements IdeaEventView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  campaignId: string;
  @ApiProperty()
  title: string;
  @ApiProperty()
  body: string;
  @ApiProperty({ description: '`body` rendered once on the server: Markdown as sanitised HTML' })
  bodyHtml: string;
  @ApiProperty({ type: UserSummaryView })
  author: UserSummary;
  @ApiProperty({ enum: IDEA_STATUSES })
  status: IdeaStatus;
  @ApiProperty()
  voteCount: number;
  @ApiProperty({ description: 'Whether the caller voted for it (always false in realtime events)' })
  myVote: boolean;
  @ApiProperty()
  commentCount: number;
  @ApiProperty()
  reviewCount: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Weighted mean of the expert reviews, 1..5; null until reviewed' })
  reviewScore: number | null;
  @ApiProperty({ nullable: true, type: String, description: "The innovation team's rationale for its decision" })
  rationale: string | null;
  @ApiProperty({ type: UserSummaryView, nullable: true })
  decidedBy: UserSummary | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  decidedAt: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'For a merged duplicate: the idea it was merged into',
  })
  mergedInto: string | null;
  @ApiProperty({ nullable: true, type: ImplementationView })
  implementation: ImplementationView | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
  @LinkPreviewsProperty()
  linkPreviews?: LinkPreviewViewDto[];
  @AttachmentsProperty()
  attachments: AttachmentView[];
  @ModerationMarkerProperty('Only on moderated ideas, which only moderators (and, for `held`, the author) see')
  moderation?: IdeaModerationMarker;
}

export class ReviewView implements ReviewEventView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  ideaId: string;
  @ApiProperty({ type: UserSummaryView })
  reviewer: UserSummary;
  @ApiProperty({ example: { Impact: 4, Feasibility: 3 } })
  scores: Scores;
  @ApiProperty({ description: "This review's weighted mean" })
  score: number;
  @ApiProperty()
  comment: string;
  @ApiProperty({ description: '`comment` rendered once on the server: Markdown as sanitised HTML' })
  commentHtml: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class IdeaDetailView extends IdeaView {
  @ApiProperty({ type: [ReviewView], description: 'Every expert review, oldest first: visible to every employee' })
  reviews: ReviewView[];
}

export class IdeaCommentView extends AuthoredTextView implements IdeaCommentEventView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  ideaId: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @LinkPreviewsProperty()
  linkPreviews?: LinkPreviewViewDto[];
}

export class IdeaVoteView {
  @ApiProperty({ format: 'uuid' })
  ideaId: string;
  @ApiProperty()
  voteCount: number;
  @ApiProperty()
  myVote: boolean;
}

export class MergeView {
  @ApiProperty({ type: IdeaView, description: 'The duplicate: status merged, mergedInto set' })
  merged: IdeaView;
  @ApiProperty({ type: IdeaView, description: 'The idea it was merged into' })
  into: IdeaView;
}

/** An idea whose title looks like the one being typed (a possible duplicate). */
export class SimilarIdeaView extends PickType(IdeaView, ['id', 'title', 'status', 'voteCount'] as const) {
  @ApiProperty({ description: 'Trigram word similarity to the typed title, 0..1' })
  similarity: number;
}

export class CampaignFigures {
  @ApiProperty({ description: 'Distinct people who submitted, voted, commented or reviewed' })
  participants: number;
  @ApiProperty({ description: 'Ideas (merged duplicates not counted)' })
  ideas: number;
  @ApiProperty()
  votes: number;
  @ApiProperty()
  comments: number;
  @ApiProperty()
  reviews: number;
  @ApiProperty({ description: 'Ideas with at least one review' })
  reviewed: number;
  @ApiProperty()
  inReview: number;
  @ApiProperty({ description: 'Ideas selected, implemented ones included' })
  selected: number;
  @ApiProperty()
  rejected: number;
  @ApiProperty()
  implemented: number;
  @ApiProperty({ description: 'Duplicates merged into another idea' })
  merged: number;
}

/** An idea as the campaign summary's top list shows it: its headline fields and its place. */
export class LeaderboardEntry extends PickType(IdeaView, [
  'id',
  'title',
  'author',
  'status',
  'voteCount',
  'commentCount',
  'reviewCount',
  'reviewScore',
] as const) {
  @ApiProperty({ description: '1-based place in the top order' })
  rank: number;
}

export class CampaignSummaryView {
  @ApiProperty({ format: 'uuid' })
  campaignId: string;
  @ApiProperty()
  title: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES })
  status: CampaignStatus;
  @ApiProperty({ type: CampaignFigures })
  figures: CampaignFigures;
  @ApiProperty({ type: [LeaderboardEntry], description: 'Top ideas: most votes first, earliest submission first among equals' })
  leaderboard: LeaderboardEntry[];
}
