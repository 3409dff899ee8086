import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import {
  BADGES,
  type Badge,
  type BadgeView as BadgeEventView,
  KUDOS_TARGETS,
  type KudosTarget,
  type KudosView as KudosEventView,
} from '@ruche/contracts';
import type { UserSummary } from '@ruche/identity';
import { IsId, PageQuery, TrimmedText } from '@ruche/platform';

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
  @ApiProperty()
  from: UserSummary;
  @ApiProperty()
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
