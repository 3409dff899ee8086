/** What the one search box finds. */
export const SEARCH_TYPES = ['post', 'person', 'group', 'idea', 'question'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** One result of the one search box, already checked against the viewer's rights by the module that owns it. */
export interface SearchHit {
  type: SearchType;
  id: string;
  /** A short plain-text title: the idea or question title, the group or person's name, a post's first line. */
  title: string;
  /** Plain text around the match (never HTML). */
  snippet: string;
  /** `[start, end)` character offsets in `snippet` of the matched words, for highlighting. */
  highlights: [number, number][];
  /** The same in `title`; absent when none are marked there. */
  titleHighlights?: [number, number][];
  /** 0..1, comparable across types (see platform's search/full-text.ts). */
  score: number;
  /** When the item was written (people and groups: when they joined / were created). */
  createdAt: string | null;
}
