import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EditedAtProperty, IsId, type ModerationState, PageQuery, TrimmedText } from '@ruche/platform';
import type { CommentView as CommentEventView, ModerationMarker, PostView as PostEventView } from '@ruche/contracts';
import { AttachmentIds, AttachmentsProperty, AttachmentView } from '@ruche/files';
import type { UserSummary } from '@ruche/identity';
import { REACTION_KINDS, type ReactionCounts, type ReactionKind } from './reaction-kinds.js';

export type { ModerationMarker } from '@ruche/contracts';

/** The marker for a row's state: absent for visible content. */
export const moderationMarker = (state: ModerationState): { moderation?: ModerationMarker } =>
  state === 'visible' ? {} : { moderation: { state } };

export const POST_MAX_LENGTH = 10_000;
export const COMMENT_MAX_LENGTH = 10_000;

export class CreatePostDto {
  @TrimmedText(POST_MAX_LENGTH, 'Plain text; @handle mentions are resolved')
  body: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Post into this group; omit or null for company-wide' })
  @IsOptional()
  @IsId()
  groupId?: string | null;

  @AttachmentIds()
  attachmentIds?: string[];
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

export class PostView implements PostEventView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ description: '{ id, handle, displayName }' })
  author: UserSummary;
  @ApiProperty()
  body: string;
  @ApiProperty({ description: '`body` rendered once on the server: Markdown as sanitised HTML' })
  bodyHtml: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  groupId: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
  @ApiProperty({ type: [String], description: 'Ids of the people mentioned' })
  mentions: string[];
  @ApiProperty({ description: 'The people mentioned, { id, handle, displayName }, for rendering @handles' })
  mentionedUsers: UserSummary[];
  @ApiProperty()
  commentCount: number;
  @ApiProperty({ example: { like: 0, celebrate: 0, insightful: 0, support: 0 } })
  reactions: ReactionCounts;
  @ApiProperty({ enum: REACTION_KINDS, isArray: true, description: "The caller's reactions (always [] in realtime events)" })
  myReactions: ReactionKind[];
  @ApiProperty({ type: [AttachmentView], description: 'Files attached, in the order given; url and thumbnailUrl are signed, short-lived links' })
  attachments: AttachmentView[];
  @ApiPropertyOptional({
    description:
      'Only on moderated content, which only moderators (and, for `held`, the author) see: `{ state: "hidden" | "removed" | "held" }`',
  })
  moderation?: ModerationMarker;
}

export class CommentView implements CommentEventView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  postId: string;
  @ApiProperty()
  author: UserSummary;
  @ApiProperty()
  body: string;
  @ApiProperty({ description: '`body` rendered once on the server: Markdown as sanitised HTML' })
  bodyHtml: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @EditedAtProperty()
  editedAt: string | null;
  @AttachmentsProperty()
  attachments: AttachmentView[];
  @ApiPropertyOptional({ description: 'Only on moderated comments: `{ state: "hidden" | "removed" | "held" }`' })
  moderation?: ModerationMarker;
}

export class ReactionsView {
  @ApiProperty({ example: { like: 1, celebrate: 0, insightful: 0, support: 0 } })
  reactions: ReactionCounts;
  @ApiProperty({ enum: REACTION_KINDS, isArray: true })
  myReactions: ReactionKind[];
}
