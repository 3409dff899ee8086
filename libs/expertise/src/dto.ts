import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { OptionalInt, OptionalTrimmedText, TrimmedText } from '@ruche/platform';
import { DirectoryEntryView } from '@ruche/people';
import { QuestionView, TopicAnswerView } from '@ruche/questions';

export const EXPERT_QUERY_MAX = 200;
export const TOPIC_NAME_MAX = 60;

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

export class ExpertUserView extends DirectoryEntryView {}

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

export class TopicHelperDto {
  @ApiProperty({ minimum: 1, maximum: 100, description: 'At most this many questions routed to you as a helper in any 7 days' })
  @IsInt()
  @Min(1)
  @Max(100)
  weeklyCap: number;
}

/** One entry of the synonym table, as stored: both sides folded like skills. */
export class SynonymView {
  @ApiProperty({ example: 'k8s' })
  alias: string;
  @ApiProperty({ example: 'kubernetes' })
  canonical: string;
}

export class TopicRefView {
  @ApiProperty({ description: 'The topic key' })
  topic: string;
  @ApiProperty({ description: 'How the topic is written for display' })
  label: string;
}

export class TopicHelperView extends TopicRefView {
  @ApiProperty()
  weeklyCap: number;
}

export class MyTopicsView {
  @ApiProperty({ type: [TopicRefView], description: 'Oldest first' })
  follows: TopicRefView[];
  @ApiProperty({ type: [TopicHelperView], description: 'Oldest first' })
  helping: TopicHelperView[];
}

export class TopicHelpingView {
  @ApiProperty()
  weeklyCap: number;
}

export class TopicPageView {
  @ApiProperty({ description: 'The topic key' })
  topic: string;
  @ApiProperty()
  label: string;
  @ApiProperty({ type: [ExpertView], description: 'The top experts' })
  experts: ExpertView[];
  @ApiProperty({ type: [QuestionView], description: 'Open questions on it the caller may see, newest first' })
  openQuestions: QuestionView[];
  @ApiProperty({ type: [TopicAnswerView], description: 'Recent answers on it the caller may see' })
  recentAnswers: TopicAnswerView[];
  @ApiProperty()
  followers: number;
  @ApiProperty()
  helpers: number;
  @ApiProperty({ description: 'The caller follows it' })
  following: boolean;
  @ApiProperty({ type: TopicHelpingView, nullable: true, description: "The caller's cap as a helper, null when not one" })
  helping: TopicHelpingView | null;
}
