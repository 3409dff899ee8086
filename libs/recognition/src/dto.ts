import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import {
  BADGES,
  type Badge,
  type BadgeView as BadgeEventView,
  KUDOS_TARGETS,
  type KudosTarget,
  type KudosView as KudosEventView,
} from '@ruche/contracts';
import type { UserSummary } from '@ruche/identity';
import { IsId, PageQuery, TrimmedText, UserSummaryView } from '@ruche/platform';

/** A kudos message: short, plain text. */
export const KUDOS_MESSAGE_MAX = 280;

export class GiveKudosDto {
  @ApiProperty({ enum: KUDOS_TARGETS })
  @IsIn(KUDOS_TARGETS, { message: `targetType must be one of ${KUDOS_TARGETS.join(', ')}` })
  targetType: KudosTarget;

  @IsId()
  targetId: string;

  @TrimmedText(KUDOS_MESSAGE_MAX, 'Why you thank them: plain text, shown as written (never rendered as Markdown)')
  message: string;
}

export class KudosListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['received', 'given'], description: 'Only kudos received, or only given (default: both)' })
  @IsOptional()
  @IsIn(['received', 'given'], { message: 'direction must be one of received, given' })
  direction?: 'received' | 'given';
}

export class RecognitionSettingsDto {
  @ApiProperty({ description: 'false: your kudos received and badges are shown to you only' })
  @IsBoolean()
  publicRecognition: boolean;
}

export class RecognitionSettingsView {
  @ApiProperty()
  publicRecognition: boolean;
}

export class KudosView implements KudosEventView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ type: UserSummaryView })
  from: UserSummary;
  @ApiProperty({ type: UserSummaryView })
  to: UserSummary;
  @ApiProperty({ enum: KUDOS_TARGETS })
  targetType: KudosTarget;
  @ApiProperty({ format: 'uuid' })
  targetId: string;
  @ApiProperty({ description: 'Plain text' })
  message: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class BadgeView implements BadgeEventView {
  @ApiProperty({ enum: BADGES })
  badge: Badge;
  @ApiProperty()
  label: string;
  @ApiProperty({ format: 'date-time' })
  awardedAt: string;
}

export class BadgeRuleView {
  @ApiProperty({ enum: BADGES })
  badge: Badge;
  @ApiProperty()
  label: string;
  @ApiProperty()
  rule: string;
}

export class HelperDigestQuery {
  @ApiPropertyOptional({ description: 'The month, YYYY-MM (UTC); default: last month. Not in the future.', example: '2026-11' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month?: string;
}

export class HelpReasonView {
  @ApiProperty({ enum: ['kudos', 'threadsHelped', 'reactionsReceived'] })
  reason: 'kudos' | 'threadsHelped' | 'reactionsReceived';

  @ApiProperty()
  count: number;
}

export class HelperView {
  @ApiProperty({ type: UserSummaryView })
  user: UserSummary;

  @ApiProperty({ description: '3 × kudos + 2 × threads helped + 1 × reactions received' })
  score: number;

  @ApiProperty({ description: "Kudos received in the month for the group's posts" })
  kudos: number;

  @ApiProperty({ description: "Other people's posts in the group they commented on (once per thread)" })
  threadsHelped: number;

  @ApiProperty({ description: 'Other people who reacted to their posts in the group (once per person and post)' })
  reactionsReceived: number;

  @ApiProperty({ type: HelpReasonView, isArray: true, description: 'What counted, heaviest first' })
  reasons: HelpReasonView[];
}

export class HelperDigestView {
  @ApiProperty()
  groupId: string;

  @ApiProperty({ example: '2026-11' })
  month: string;

  @ApiProperty({ description: 'Start of the month (UTC), included' })
  from: string;

  @ApiProperty({ description: 'Start of the next month (UTC), excluded' })
  to: string;

  @ApiProperty({ type: String, nullable: true, description: 'When the monthly job wrote it; null: computed now (not sent yet)' })
  sentAt: string | null;

  @ApiProperty({ type: HelperView, isArray: true, description: 'At most 10, best first' })
  items: HelperView[];
}
