import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
} from 'class-validator';
import { AUDIT_ACTIONS, type AuditAction } from '@ruche/contracts';
import type { UserSummary } from '@ruche/identity';
import {
  CONTENT_TYPES,
  type ContentType,
  IsId,
  MODERATION_STATES,
  type ModerationState,
  Omittable,
  OptionalId,
  OptionalTrimmedText,
  PageQuery,
  TrimmedText,
  TrimmedTextList,
  UserSummaryView,
} from '@ruche/platform';
import { TERM_MAX_LENGTH, TERMS_MAX_COUNT } from './blocked-terms.js';
import { RESOLUTION_ACTIONS, type ResolutionAction } from './moderation-rules.js';

export const MODERATION_LIMITS = {
  reason: 1000,
  note: 1000,
  guidelines: 50_000,
  suspensionReason: 1000,
  threshold: { min: 1, max: 1000 },
} as const;

const oneOf = (values: readonly string[], property: string) => ({ message: `${property} must be one of ${values.join(', ')}` });

export class CreateReportDto {
  @ApiProperty({ enum: CONTENT_TYPES })
  @IsIn(CONTENT_TYPES, oneOf(CONTENT_TYPES, 'targetType'))
  targetType: ContentType;

  @ApiProperty({ format: 'uuid' })
  @IsId()
  targetId: string;

  @TrimmedText(MODERATION_LIMITS.reason, 'Why this content should be reviewed')
  reason: string;
}

export class ResolveReportDto {
  @ApiProperty({ enum: RESOLUTION_ACTIONS })
  @IsIn(RESOLUTION_ACTIONS, oneOf(RESOLUTION_ACTIONS, 'action'))
  action: ResolutionAction;

  @OptionalTrimmedText(MODERATION_LIMITS.note, 'Shown to the reporters and the author')
  note?: string;
}

export class QueueQuery extends PageQuery {
  @OptionalId("Only this group's content")
  groupId?: string;

  @ApiPropertyOptional({ enum: CONTENT_TYPES })
  @IsOptional()
  @IsIn(CONTENT_TYPES, oneOf(CONTENT_TYPES, 'targetType'))
  targetType?: ContentType;
}

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS, description: 'Only this action' })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, oneOf(AUDIT_ACTIONS, 'action'))
  action?: AuditAction;

  @OptionalId()
  actorId?: string;

  @OptionalId('Only entries about this target (a user, a post...)')
  targetId?: string;
}

export class UpdateSettingsDto {
  @ApiPropertyOptional({ minimum: MODERATION_LIMITS.threshold.min, maximum: MODERATION_LIMITS.threshold.max })
  @Omittable()
  @IsInt({ message: 'autoHideThreshold must be an integer' })
  @Min(MODERATION_LIMITS.threshold.min)
  @Max(MODERATION_LIMITS.threshold.max)
  autoHideThreshold?: number;

  @ApiPropertyOptional({
    type: [String],
    maxItems: TERMS_MAX_COUNT,
    description: 'Replaces the list. Whole words or phrases, matched ignoring case, accents and spacing',
  })
  @Omittable()
  @TrimmedTextList(TERMS_MAX_COUNT, TERM_MAX_LENGTH)
  blockedTerms?: string[];
}

export class PublishGuidelinesDto {
  @TrimmedText(
    MODERATION_LIMITS.guidelines,
    'Company-wide community guidelines, Markdown (stored as written, never rendered by the API)',
  )
  body: string;
}

export class AcceptGuidelinesDto {
  @ApiProperty({ minimum: 1, description: 'The version being accepted: must be the current one' })
  @IsInt({ message: 'version must be an integer' })
  @Min(1)
  @Max(2_147_483_647)
  version: number;
}

export class SuspensionDto {
  @ApiProperty({ description: 'true suspends the account, false reinstates it' })
  @IsBoolean({ message: 'suspended must be true or false' })
  suspended: boolean;

  @TrimmedText(MODERATION_LIMITS.suspensionReason, 'Recorded in the audit log')
  reason: string;
}

export class ReportView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: CONTENT_TYPES })
  targetType: string;
  @ApiProperty({ format: 'uuid' })
  targetId: string;
  @ApiProperty()
  reason: string;
  @ApiProperty({ enum: ['open', 'resolved'] })
  status: 'open' | 'resolved';
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  resolvedAt: string | null;
}

export class QueueTarget {
  @ApiProperty({ enum: CONTENT_TYPES })
  type: string;
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  groupId: string | null;
  @ApiProperty({ type: UserSummaryView, nullable: true })
  author: UserSummary | null;
  @ApiProperty({ nullable: true, type: String, description: 'The start of the text; null when the content is gone' })
  excerpt: string | null;
  @ApiProperty({ enum: MODERATION_STATES })
  state: ModerationState;
  @ApiProperty({ description: 'false when the content was deleted since it was reported' })
  available: boolean;
}

export class QueueReport {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({
    type: UserSummaryView,
    nullable: true,
    description: 'Who reported: shown to moderators only (null for group owners and admins, and for automatic reports)',
  })
  reporter: UserSummary | null;
  @ApiProperty()
  reason: string;
  @ApiProperty({ description: 'Raised by the system (blocked terms), not by a person' })
  automatic: boolean;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class QueueItem {
  @ApiProperty({ format: 'uuid', description: 'The case: every open report on one piece of content' })
  id: string;
  @ApiProperty({ format: 'uuid', description: 'A report of this case, for POST /api/moderation/reports/:id/resolve' })
  reportId: string;
  @ApiProperty()
  target: QueueTarget;
  @ApiProperty({ description: 'How many different people reported it' })
  reportCount: number;
  @ApiProperty({ type: [String], description: 'The distinct reasons given (of the reports shown)' })
  reasons: string[];
  @ApiProperty({ type: [QueueReport], description: 'The first 20 reports, oldest first' })
  reports: QueueReport[];
  @ApiProperty({ description: 'Hidden automatically when enough people reported it' })
  autoHidden: boolean;
  @ApiProperty({ description: 'Held for review before publication (blocked terms)' })
  held: boolean;
  @ApiProperty({ type: [String] })
  heldTerms: string[];
  @ApiProperty({ format: 'date-time' })
  openedAt: string;
  @ApiProperty({ format: 'date-time' })
  lastReportedAt: string;
}

export class ResolutionView {
  @ApiProperty({ format: 'uuid', description: 'The case' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  reportId: string;
  @ApiProperty({ enum: CONTENT_TYPES })
  targetType: string;
  @ApiProperty({ format: 'uuid' })
  targetId: string;
  @ApiProperty({ enum: ['resolved'] })
  status: 'resolved';
  @ApiProperty({ enum: RESOLUTION_ACTIONS })
  action: ResolutionAction;
  @ApiProperty({ enum: MODERATION_STATES, description: "The content's state after the decision" })
  state: ModerationState;
  @ApiProperty({ nullable: true, type: String })
  note: string | null;
  @ApiProperty({ description: 'Reports resolved by this decision' })
  reportCount: number;
  @ApiProperty({ format: 'uuid' })
  resolvedBy: string;
  @ApiProperty({ format: 'date-time' })
  resolvedAt: string;
}

export class SettingsView {
  @ApiProperty({ description: 'Reports by this many different people hide content pending review' })
  autoHideThreshold: number;
  @ApiProperty({ type: [String], description: 'Content containing one of these is held for review' })
  blockedTerms: string[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  updatedBy: string | null;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class GuidelinesView {
  @ApiProperty({ nullable: true, type: Number, description: 'null until the first version is published' })
  version: number | null;
  @ApiProperty({ description: 'Markdown; empty until published' })
  body: string;
  @ApiProperty({ description: '`body` rendered once on the server: Markdown as sanitised HTML' })
  bodyHtml: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  publishedAt: string | null;
  @ApiProperty({ type: UserSummaryView, nullable: true })
  publishedBy: UserSummary | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The latest version the caller accepted' })
  acceptedVersion: number | null;
  @ApiProperty({ description: 'The caller must accept this version before posting' })
  mustAccept: boolean;
}

export class AuditEntryView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: AUDIT_ACTIONS })
  action: AuditAction;
  @ApiProperty({ type: UserSummaryView, nullable: true, description: 'null for automatic actions' })
  actor: UserSummary | null;
  @ApiProperty()
  targetType: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  targetId: string | null;
  @ApiProperty({
    type: UserSummaryView,
    nullable: true,
    description: '{ id, handle, displayName } of the person the action is about: the account acted on, or the author of the moderated content',
  })
  targetPerson: UserSummary | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  groupId: string | null;
  @ApiProperty({ nullable: true, type: String })
  note: string | null;
  @ApiProperty({ description: 'What changed (roles before and after, the case, the settings...)' })
  details: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
