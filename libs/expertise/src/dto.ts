import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { UserSummary } from '@ruche/identity';
import { Omittable, OptionalInt, OptionalTrimmedText, PageQuery, TrimmedText, TrimmedTextList } from '@ruche/platform';

export const EXPERT_QUERY_MAX = 200;
export const TOPIC_NAME_MAX = 60;
export const MAX_MENTOR_TOPICS = 20;

export class ExpertQuery {
  @TrimmedText(
    EXPERT_QUERY_MAX,
    'Free text: skills, topics or a name, in French or English; accents, case and typos do not matter',
  )
  q: string;

  @OptionalTrimmedText(100, 'Only people of this department (case and accents ignored)')
  department?: string;

  @OptionalTrimmedText(100, 'Only people at this location (case and accents ignored)')
  location?: string;

  @OptionalInt(1, 50, 10)
  limit: number = 10;
}

export class ExpertUserView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  handle: string;
  @ApiProperty()
  displayName: string;
  @ApiProperty()
  title: string;
  @ApiProperty()
  department: string;
  @ApiProperty()
  location: string;
}

export class ExpertView {
  @ApiProperty({ type: ExpertUserView })
  user: ExpertUserView;
  @ApiProperty({ description: 'The documented weighted sum (README "Finding expertise"), rounded to 2 decimals' })
  score: number;
  @ApiProperty({ type: [String], example: ['3 accepted answers on Kubernetes', '12 endorsements for Kubernetes'] })
  reasons: string[];
}

export class SynonymDto {
  @TrimmedText(TOPIC_NAME_MAX, 'Another way people write the skill ("k8s")')
  alias: string;

  @TrimmedText(TOPIC_NAME_MAX, 'The skill it means ("kubernetes")')
  canonical: string;
}

export class ReplaceSynonymsDto {
  @ApiProperty({ type: [SynonymDto], description: 'The whole table: entries left out are removed' })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => SynonymDto)
  synonyms: SynonymDto[];
}

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
  @ApiProperty()
  mentee: UserSummary;
  @ApiProperty({ nullable: true })
  mentor: UserSummary | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  pairedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  closedAt: string | null;
}
