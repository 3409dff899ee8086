import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  ValidateNested,
} from 'class-validator';
import type {
  NotificationAbout,
  NotificationContext,
  NotificationSubjectView as NotificationSubjectEventView,
  NotificationView as NotificationEventView,
} from '@ruche/contracts';
import type { UserSummary } from '@ruche/identity';
import { IsIdArray, PageQuery, UserSummaryView } from '@ruche/platform';
import { MUTABLE_TYPES, NOTIFICATION_KINDS, type MutableType, type NotificationKind } from './notification-kinds.js';

export const MARK_READ_MAX_IDS = 500;

const booleanQuery = Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

export class NotificationSubjectView implements NotificationSubjectEventView {
  @ApiProperty({ example: 'post', description: 'post, comment, group, user, question, idea, campaign or report' })
  type: string;
  @ApiProperty({ format: 'uuid' })
  id: string;
}

export type { NotificationContext } from '@ruche/contracts';

export class NotificationPlaceView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
}

export class NotificationCampaignView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  title: string;
}

export class NotificationAboutView implements NotificationAbout {
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The subject's title (a question, an idea, a campaign, an announcement, a group)",
  })
  title: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'What it says, as one plain line clipped to 140 characters' })
  excerpt: string | null;
  @ApiPropertyOptional({ type: NotificationPlaceView, description: 'The group it is in (a private one only to its members)' })
  group?: NotificationPlaceView;
  @ApiPropertyOptional({ type: NotificationCampaignView, description: 'The campaign of an idea' })
  campaign?: NotificationCampaignView;
}

export class NotificationView implements NotificationEventView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: NotificationKind;
  @ApiProperty({
    type: UserSummaryView,
    nullable: true,
    description: 'Who did it (the latest one for grouped kinds); null when unknown or not shown',
  })
  actor: UserSummary | null;
  @ApiPropertyOptional({ type: [UserSummaryView], description: 'Grouped kinds: the latest actors (at most 3), latest first' })
  actors?: UserSummary[];
  @ApiPropertyOptional({ description: 'Grouped kinds: how many people did it ("Alice and 4 others")' })
  actorCount?: number;
  @ApiProperty({ type: NotificationSubjectView })
  subject: NotificationSubjectView;
  @ApiProperty({
    type: 'object',
    additionalProperties: { nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description: 'Ids and counts for linking (postId, groupId, commentId, ...); never text',
  })
  context: NotificationContext;
  @ApiProperty({
    type: NotificationAboutView,
    nullable: true,
    description: 'What and where, as the recipient may see it now; null when nothing to show',
  })
  about: NotificationAboutView | null;
  @ApiProperty({ format: 'date-time', description: 'When it happened (for grouped kinds: the latest time)' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt: string | null;
}

export class NotificationListQuery extends PageQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'Only unread notifications' })
  @IsOptional()
  @booleanQuery
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional({
    type: String,
    example: 'mention,group.mention,comment',
    description: 'Only these kinds, comma-separated (a category of the list)',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',') : value))
  @IsArray({ message: 'kinds must be a comma-separated list' })
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @IsIn(NOTIFICATION_KINDS, { each: true, message: `kinds must be among ${NOTIFICATION_KINDS.join(', ')}` })
  kinds?: NotificationKind[];
}

/** Exactly one of `ids`, `kinds` and `all` (checked by the service, which answers 400 otherwise). */
export class MarkReadDto {
  @ApiPropertyOptional({
    enum: NOTIFICATION_KINDS,
    isArray: true,
    description: 'Mark every unread notification of these kinds read (a category of the list: "mark these read")',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @ArrayUnique()
  @IsIn(NOTIFICATION_KINDS, { each: true, message: `kinds must be among ${NOTIFICATION_KINDS.join(', ')}` })
  kinds?: NotificationKind[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MARK_READ_MAX_IDS })
  @IsOptional()
  @IsIdArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MARK_READ_MAX_IDS)
  @ArrayUnique()
  ids?: string[];

  @ApiPropertyOptional({ enum: [true], description: 'Mark every notification read' })
  @IsOptional()
  @IsIn([true], { message: 'all must be true when given' })
  all?: true;
}

export class UnreadCountView {
  @ApiProperty()
  count: number;
}

export class PreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  @IsIn(NOTIFICATION_KINDS, { message: `kind must be one of ${NOTIFICATION_KINDS.join(', ')}` })
  kind: NotificationKind;

  @ApiPropertyOptional({ description: 'In the app (absent: unchanged)' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ description: 'Also as an individual email, when email is configured (absent: unchanged)' })
  @IsOptional()
  @IsBoolean()
  email?: boolean;

  @ApiPropertyOptional({ description: 'Also as a push notification to the devices the person subscribed (absent: unchanged)' })
  @IsOptional()
  @IsBoolean()
  push?: boolean;
}

export class UpdatePreferencesDto {
  @ApiPropertyOptional({ type: [PreferenceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => PreferenceDto)
  preferences?: PreferenceDto[];

  @ApiPropertyOptional({ description: 'The daily digest by email (absent: unchanged)' })
  @IsOptional()
  @IsBoolean()
  digestEmail?: boolean;
}

export class PreferenceView {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: NotificationKind;
  @ApiProperty()
  enabled: boolean;
  @ApiProperty({ description: 'Also sent by email (only when email is configured)' })
  email: boolean;
  @ApiProperty({ description: 'Also pushed to the devices the person subscribed (outside their quiet hours)' })
  push: boolean;
}

export class PreferencesView {
  @ApiProperty({ type: [PreferenceView], description: 'Every kind, in a fixed order; all on in the app by default' })
  items: PreferenceView[];
  @ApiProperty({ description: 'The daily digest by email (on by default; only when email is configured)' })
  digestEmail: boolean;
  @ApiProperty({ description: 'Whether this server sends email at all (SMTP_URL set)' })
  emailConfigured: boolean;
}

export class MuteView {
  @ApiProperty({ enum: MUTABLE_TYPES })
  type: MutableType;
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class DigestQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Start of the digest; default 24 hours ago, at most 31 days ago' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'since must be an ISO-8601 date or date-time' })
  since?: string;
}

export class DigestGroupSection {
  @ApiProperty({ type: NotificationPlaceView })
  group: NotificationPlaceView;
  @ApiProperty({ description: 'New posts the reader may see in the group since the start of the digest' })
  posts: number;
  @ApiProperty({ description: 'Comments on those posts' })
  comments: number;
  @ApiProperty({ type: [String], format: 'uuid', description: 'The most discussed of those posts' })
  topPostIds: string[];
}

export class DigestQuestionItem {
  @ApiProperty({ format: 'uuid' })
  questionId: string;
  @ApiProperty()
  title: string;
  @ApiProperty()
  answerCount: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class DigestIdeaItem {
  @ApiProperty({ format: 'uuid' })
  ideaId: string;
  @ApiProperty({ enum: ['status', 'review'], description: 'From an `idea.status` or an `idea.review` notification' })
  change: 'status' | 'review';
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The idea's status the notification carried (null when it carried none)",
  })
  status: string | null;
  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class DigestView {
  @ApiProperty({ format: 'date-time' })
  since: string;
  @ApiProperty({ format: 'date-time' })
  until: string;
  @ApiProperty({ type: [DigestGroupSection], description: 'What happened in my groups' })
  groups: DigestGroupSection[];
  @ApiProperty({ type: [DigestQuestionItem], description: 'Questions routed to me that are still open' })
  questions: DigestQuestionItem[];
  @ApiProperty({ type: [DigestIdeaItem], description: 'Ideas I take part in (voted, proposed, commented) that changed' })
  ideas: DigestIdeaItem[];
  @ApiProperty({ description: 'Unread notifications right now' })
  unreadNotifications: number;
  @ApiProperty({ description: 'Whether there is anything to tell (an empty digest is never emailed)' })
  empty: boolean;
}
