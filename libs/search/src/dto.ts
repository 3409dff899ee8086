import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OptionalInt, PageCursor, SEARCH_TYPES, type SearchType, TrimmedText } from '@ruche/platform';

/** Longest query accepted: a search box, not a document (longer → 400). */
export const MAX_QUERY_LENGTH = 500;

export class SearchQuery {
  @TrimmedText(MAX_QUERY_LENGTH, 'What to look for: words, "a phrase", -excluded, or')
  q!: string;

  @ApiPropertyOptional({ enum: SEARCH_TYPES, description: 'Only this kind of result' })
  @IsOptional()
  @IsIn(SEARCH_TYPES)
  type?: SearchType;

  @OptionalInt(1, 50, 20)
  limit: number = 20;

  @PageCursor(100)
  cursor?: string;
}

/** A `[start, end)` pair of character offsets. */
const RANGES = { type: 'array', items: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 } } as const;

export class SearchHitView {
  @ApiProperty({ enum: SEARCH_TYPES })
  type!: SearchType;
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ description: 'Plain text: title, name, or a post’s first line' })
  title!: string;
  @ApiProperty({ description: 'Plain text around the match (never HTML)' })
  snippet!: string;
  @ApiProperty({ ...RANGES, description: '[start, end) character ranges of matched words in snippet' })
  highlights!: [number, number][];
  @ApiPropertyOptional({
    ...RANGES,
    description: '[start, end) character ranges of matched words in title, when the snippet left out a title it would repeat',
  })
  titleHighlights?: [number, number][];
  @ApiProperty({ description: 'Relevance 0..1, comparable across types' })
  score!: number;
  @ApiProperty({ nullable: true, type: String })
  createdAt!: string | null;
}

export class SearchResultsView {
  @ApiProperty({ type: SearchHitView, isArray: true })
  items!: SearchHitView[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}
