import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { TOPIC_NAME_MAX } from '@ruche/expertise';
import type { UserSummary } from '@ruche/identity';
import { Omittable, OptionalTrimmedText, PageQuery, TrimmedText, TrimmedTextList, UserSummaryView } from '@ruche/platform';

export const MAX_MENTOR_TOPICS = 20;

export class UpdateMentoringDto {
  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_MENTOR_TOPICS,
    description: 'Replaces the skills you are willing to mentor on',
  })
  @Omittable()
  @TrimmedTextList(MAX_MENTOR_TOPICS, TOPIC_NAME_MAX)
  topics?: string[];

  @ApiPropertyOptional({ description: 'false: take no new mentees for now' })
  @Omittable()
  @IsBoolean()
  available?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 3 })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(20)
  maxMentees?: number;
}

export class MentoringTopicView {
  @ApiProperty({ description: 'Topic key' })
  topic: string;
  @ApiProperty()
  label: string;
}

export class MentoringProfileView {
  @ApiProperty()
  available: boolean;
  @ApiProperty()
  maxMentees: number;
  @ApiProperty()
  activeMentees: number;
  @ApiProperty({ type: [MentoringTopicView] })
  topics: MentoringTopicView[];
}

/** What anyone may know of a person's mentoring (GET /api/users/:id/mentoring): never their requests. */
export class PublicMentoringView {
  @ApiProperty({ format: 'uuid' })
  userId: string;
  @ApiProperty({
    description:
      'Whether they take a new mentee now: willing, offering at least one skill, and with room (how many mentees they have is not told)',
  })
  available: boolean;
  @ApiProperty({ type: [MentoringTopicView], description: 'The skills they are willing to mentor on, by label' })
  topics: MentoringTopicView[];
}

export class CreateMentoringRequestDto {
  @TrimmedText(TOPIC_NAME_MAX, 'The skill you want a guide on')
  skill: string;

  @OptionalTrimmedText(2000, 'What you would like help with')
  note?: string;
}

export const MENTORING_ROLES = ['mentee', 'mentor'] as const;
export type MentoringRole = (typeof MENTORING_ROLES)[number];

export class MentoringListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MENTORING_ROLES, description: 'Only requests where the caller is the mentee, or the mentor' })
  @IsOptional()
  @IsIn(MENTORING_ROLES, { message: `role must be one of ${MENTORING_ROLES.join(', ')}` })
  role?: MentoringRole;
}

export const MENTORING_STATUSES = ['waiting', 'paired', 'closed'] as const;
export type MentoringStatus = (typeof MENTORING_STATUSES)[number];

export class MentoringRequestView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ description: 'Topic key' })
  skill: string;
  @ApiProperty()
  label: string;
  @ApiProperty()
  note: string;
  @ApiProperty({ enum: MENTORING_STATUSES, description: '`waiting` until a willing, available mentor is found' })
  status: MentoringStatus;
  @ApiProperty({ type: UserSummaryView })
  mentee: UserSummary;
  @ApiProperty({ type: UserSummaryView, nullable: true })
  mentor: UserSummary | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  pairedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  closedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the mentee confirmed the closed pairing took place' })
  confirmedAt: string | null;
}
