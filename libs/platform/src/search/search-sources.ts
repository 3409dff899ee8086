import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';

/** What the one search box finds. */
export const SEARCH_TYPES = ['post', 'person', 'group', 'idea', 'question'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** One result, already checked against the viewer's rights by the module that owns it. */
export interface SearchHit {
  type: SearchType;
  id: string;
  /** A short plain-text title: the idea or question title, the group or person's name, a post's first line. */
  title: string;
  /** Plain text around the match (never HTML). */
  snippet: string;
  /** `[start, end)` character offsets in `snippet` of the matched words, for highlighting. */
  highlights: [number, number][];
  /** The same in `title` (empty when the title's matches are not known). */
  titleHighlights?: [number, number][];
  /** 0..1, comparable across types (see full-text.ts). */
  score: number;
  /** When the item was written (people and groups: when they joined / were created). */
  createdAt: string | null;
}

export interface SearchRequest {
  /** The caller, roles loaded with the request: sources need not read the account again. */
  viewer: AuthUser;
  /** The query as typed (trimmed, 1..500 characters, no NUL). */
  text: string;
  /** How many of the best hits the caller needs from this source. */
  limit: number;
}

/** Answers a search for one type: the best `limit` hits the viewer may see, best first. */
export type SearchSource = (request: SearchRequest) => Promise<SearchHit[]>;

/**
 * The registry behind `GET /api/search`, filled by the module that owns each type (the feed
 * registers posts, groups its groups, ...). Each source runs its own query with its own visibility
 * rule, the same one its REST lists use, so search can never show what a list would not: the
 * search module only merges and ranks. A type nobody registered finds nothing.
 */
@Injectable()
export class SearchSources {
  private readonly sources = new Map<SearchType, SearchSource>();

  register(type: SearchType, source: SearchSource): void {
    this.sources.set(type, source);
  }

  /** The sources for these types (all registered when none are given), in SEARCH_TYPES order. */
  pick(types?: readonly SearchType[]): [SearchType, SearchSource][] {
    const wanted = types && types.length > 0 ? new Set(types) : null;
    return SEARCH_TYPES.filter((type) => !wanted || wanted.has(type)).flatMap((type) => {
      const source = this.sources.get(type);
      return source ? [[type, source] as [SearchType, SearchSource]] : [];
    });
  }
}
