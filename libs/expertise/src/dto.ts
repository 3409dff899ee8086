import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { OptionalInt, OptionalTrimmedText, TrimmedText } from '@ruche/platform';

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

export class TopicHelperDto {
  @ApiProperty({ minimum: 1, maximum: 100, description: 'At most this many questions routed to you as a helper in any 7 days' })
  @IsInt()
  @Min(1)
  @Max(100)
  weeklyCap: number;
}

export class TopicHelperView {
  @ApiProperty({ description: 'The topic key' })
  topic: string;
  @ApiProperty()
  label: string;
  @ApiProperty()
  weeklyCap: number;
}
