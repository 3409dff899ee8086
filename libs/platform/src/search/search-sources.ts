import { Injectable } from '@nestjs/common';
import { SEARCH_TYPES, type SearchHit, type SearchType } from '@ruche/contracts';
import type { AuthUser } from '../auth/auth-user.js';

// The wire shape of a hit lives in contracts, where the web app reads it too.
export { SEARCH_TYPES, type SearchHit, type SearchType } from '@ruche/contracts';

export interface SearchRequest {
  /** The caller, roles loaded with the request: sources need not read the account again. */
  viewer: AuthUser;
  /** The query as typed (trimmed, 1..500 characters, no NUL). */
  text: string;
  /** How many of the best hits the caller needs from this source. */
  limit: number;
}

/**
 * A hit as a source returns it. Cutting a snippet (`ts_headline`: the whole text parsed and
 * stemmed) costs more than finding and ranking the hit, and most hits never reach the page: a
 * source may leave its hits `unmarked`, with the plain title and text the snippet is cut from, and
 * the search cuts snippets for the hits of the page only (`markHits`).
 */
export type SourceHit = SearchHit & { unmarked?: UnmarkedText };

/** The texts a hit's title marks and snippet are cut from, once it is known to be on the page. */
export interface UnmarkedText {
  title: string;
  body: string;
}

/** Answers a search for one type: the best `limit` hits the viewer may see, best first. */
export type SearchSource = (request: SearchRequest) => Promise<SourceHit[]>;

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
