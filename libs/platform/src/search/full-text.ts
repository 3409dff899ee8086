import type { EntityManager } from 'typeorm';
import { rows } from '../database/rows.js';
import type { SearchHit, SearchRequest, SearchType, SourceHit, UnmarkedText } from './search-sources.js';

/**
 * Full-text search, written once for every module that owns searchable text.
 *
 * Text is indexed by migration AddFullTextSearch as `search_vector`: a stored tsvector made with
 * two text search configurations, `ruche_fr` and `ruche_en` (French and English stemming, both
 * behind the `unaccent` dictionary, so "Développement", "developpement" and "développements" meet),
 * weighted A for titles and names, B for bodies, under a GIN index.
 *
 * What a person types becomes `websearch_to_tsquery` in both languages, OR-ed: it never raises on
 * any input (`& | ! ( ) : *` and quotes are plain text to it; "quoted phrases", `or` and `-word` work
 * as on a web search engine), and a word that is a stop word in one language still matches through
 * the other. While typing, the last word also matches as a prefix ("kube" finds "Kubernetes"),
 * unless the query uses phrases or exclusions, whose meaning a prefix branch would loosen.
 *
 * Score: `ts_rank_cd` (cover density) with normalisation 32, i.e. rank / (rank + 1), in 0..1, so
 * scores from different tables can be merged; where a name is matched by trigram similarity
 * (typos), the score is the better of the two.
 */

/** Prefix matching starts at this many letters: shorter prefixes match too much to rank well. */
const PREFIX_MIN_LENGTH = 3;
/** Words past this many are left to the full-text branch alone. */
const PREFIX_MAX_WORDS = 8;

/**
 * The prefix branch of a query, as `to_tsquery` input: the words (letters and digits only, so no
 * tsquery operator can come through), AND-ed, the last one with `:*`. Empty when not wanted.
 */
export function prefixQuery(text: string): string {
  if (/["]/.test(text) || /(^|\s)-\S/.test(text) || /(^|\s)or(\s|$)/i.test(text)) return '';
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0 || words.length > PREFIX_MAX_WORDS) return '';
  const last = words[words.length - 1];
  if (last.length < PREFIX_MIN_LENGTH) return '';
  return [...words.slice(0, -1), `${last}:*`].join(' & ');
}

/** SQL tsquery for the text in `textParam` and the prefix branch in `prefixParam` ($n placeholders). */
export function fullTextQuerySql(textParam: string, prefixParam: string): string {
  return `(websearch_to_tsquery('ruche_fr', ${textParam}) || websearch_to_tsquery('ruche_en', ${textParam}) || to_tsquery('ruche_fr', ${prefixParam}))`;
}

// Highlight markers: control characters, removed from the text first so user text cannot fake them.
const START = '\u0002';
const STOP = '\u0003';
// ts_headline drops what looks like an HTML tag; snippets are plain text and must keep `<b>` as
// written, so `<` travels as U+FFFC (removed from the text first) and is put back here.
const LT = '\ufffc';
const HEADLINE_TEXT = (body: string) => `replace(translate(${body}, chr(2) || chr(3) || chr(65532), ''), '<', chr(65532))`;
const HEADLINE_OPTIONS = `'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "'`;

const TITLE_HEADLINE_OPTIONS = `'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', HighlightAll=true'`;

/** How one owning module's table is searched. Every SQL fragment may use the placeholders in `values`. */
export interface FullTextSource {
  /** FROM clause, the searched table aliased (joins allowed), e.g. `posts p`. */
  from: string;
  /** The stored tsvector column, e.g. `p.search_vector`. */
  vector: string;
  /** The owner's visibility rule for the viewer, as SQL. */
  visible: string;
  /** Parameters already used by `from` and `visible` ($1..$n). */
  values: unknown[];
  id: string;
  title: string;
  /** The text the snippet is cut from. */
  body: string;
  createdAt: string;
  /** A name also matched by trigram word similarity (typos), served by a gin_trgm_ops index on it. */
  fuzzyName?: string;
  /**
   * For a large table: `from` with the searched table replaced by its newest {@link RECENT_WINDOW}
   * rows, walked down its recency index (see {@link recentRows}), e.g.
   * `${recentRows('posts', 'created_at DESC, id DESC', 'deleted_at IS NULL')} p`. Without it, the
   * planner picks between the GIN index and the recency index alone (right for small tables).
   */
  newest?: string;
  /**
   * Cut the snippet in the source's own statement, for each of its best `limit` rows, rather than
   * carry the text to the page (see `SourceHit`): for texts too long to carry, such as documents.
   */
  snippetsInPlace?: boolean;
}

export interface FullTextRow {
  id: string;
  title: string;
  /** The title with the matched words between the highlight markers (whole title: HighlightAll). */
  title_marked?: string | null;
  /** Null when the snippet is left for the page (`body` then holds its text). */
  snippet: string | null;
  /** The text the snippet is to be cut from, when it is left for the page. */
  body?: string | null;
  score: number;
  created_at: Date | string | null;
  /** For a source with `newest`: how many candidates its recent window held. */
  window_matches?: number | string | null;
}

/**
 * Ranking reads each candidate's vector, so it is kept to the newest {@link CANDIDATES} matches:
 * a rare word's matches all get ranked; a word in half the posts gets the best of its 200 newest
 * matches. For a social network, recent is part of relevant. Ten pages of results per source
 * remain, more than anyone reads from a search box.
 */
export const CANDIDATES = 200;

/**
 * How a large table (a source with `newest`) is searched, whatever the planner thinks of the words:
 * its newest RECENT_WINDOW rows are walked down the recency index, newest first, stopping at
 * {@link CANDIDATES} matches (a word in 61% of posts stops after ~330 rows). Only when fewer than
 * {@link RARE_IN_WINDOW} of those rows match is the word rare enough (under 0.5%) for the GIN
 * index: then every match in the table is found through it, and the newest 200 kept.
 *
 * Why not leave the choice to the planner, as before: it estimates how common a word is from the
 * column's statistics, and a word or a phrase it does not know it guesses. Measured on the small
 * company (100,000 posts and comments, bench/README.md "Searching"): `zeppelin`, in no comment, was
 * taken for 1.5% of them, so the comments were walked to the end (100,000 rows, 505 ms) instead of
 * asking the GIN index (0.1 ms); the phrase `"projet réunion"` was taken for 16% of the posts and
 * walked 44,000 of them (530 ms). The GIN index is no answer for common words either: its bitmap of
 * `projet` alone is 61,000 rows (71 ms) before the heap is read. Bounded both ways, a word between
 * the two (0.5% to 10% of the window) gets its matches among the newest rows only.
 */
export const RECENT_WINDOW = 2000;
export const RARE_IN_WINDOW = 10;

/**
 * The newest {@link RECENT_WINDOW} rows of `table` in the order of its recency index (`order` and
 * `where` must match that index, partial predicate included, or the walk becomes a sort), as a
 * subquery: its LIMIT is a fence the planner cannot see through, so the walk is always bounded.
 */
export function recentRows(table: string, order: string, where = 'TRUE'): string {
  return `(SELECT * FROM ${table} WHERE ${where} ORDER BY ${order} LIMIT ${RECENT_WINDOW})`;
}

/**
 * The query for the best `request.limit` visible hits of one source: candidates (matching and
 * visible, newest first), ranked, and snippets cut only for the rows returned. For a source with
 * `newest`, the candidates come from its recent window, and each row says how many there were
 * (`window_matches`); {@link wholeTableSearchQuery} is the second step when that is too few.
 */
export function fullTextSearchQuery(source: FullTextSource, request: SearchRequest): { text: string; values: unknown[] } {
  return rankedQuery(source, request, [], (c) =>
    source.newest
      ? `(SELECT r.*, count(*) OVER () AS window_matches
            FROM (SELECT ${c.columns} FROM ${source.newest} WHERE ${c.where}
                   ORDER BY ${source.createdAt} DESC LIMIT ${c.candidates}) r)`
      : // Inline, not in a CTE: with the text known, the planner folds the query to a constant and
        // uses the column statistics to choose between the GIN index (rare words) and walking the
        // recency index (common words); on a small table either is cheap.
        `(SELECT ${c.columns}, NULL::bigint AS window_matches FROM ${source.from} WHERE ${c.where}
           ORDER BY ${source.createdAt} DESC LIMIT ${c.candidates})`,
  );
}

/**
 * The second step for a source with `newest` whose window held fewer than {@link RARE_IN_WINDOW}
 * matches: every match in the whole table, through the GIN index (the ORDER BY cannot come from the
 * recency index, so the planner cannot walk it instead), the newest {@link CANDIDATES} ranked.
 *
 * Two statements rather than one with both branches: planned together, the branch that does not
 * run still counts, and for a common word the planner costs it as a sort of every post (800,000
 * on the full company), which sets off JIT compilation, ~1 s of it per statement on this machine.
 * The LIMIT comes from a PARALLEL UNSAFE function, which keeps the statement off parallel workers
 * (migration CreateSearchRareBranchLimit: starting them cost 150-250 ms here, for a scan of 0.2 ms).
 */
export function wholeTableSearchQuery(
  source: FullTextSource,
  request: SearchRequest,
  windowMatches: number,
): { text: string; values: unknown[] } {
  return rankedQuery(source, request, [windowMatches], (c) => {
    const [found] = c.extra;
    return `(SELECT ${c.columns}, NULL::bigint AS window_matches FROM ${source.from} WHERE ${c.where}
              ORDER BY ${source.createdAt} + interval '0 s' DESC
              LIMIT search_rare_branch_limit(${found}::bigint, ${RARE_IN_WINDOW}, ${c.candidates}::integer))`;
  });
}

/**
 * A sequential scan costing more than this in the plan of a whole-table search means the planner
 * expects the query to match a large part of the table (a seq scan of the full company's posts
 * costs ~160,000, of 20,000 questions ~1,000).
 */
export const WHOLE_TABLE_SEQ_SCAN_MAX_COST = 20_000;

/**
 * Whether the whole-table step would read a large table from end to end, by its plan (`EXPLAIN`
 * without running it). A query scarce in the recent window is not always rare in the table: on the
 * full company the newest 2,000 posts were the benchmark's own, and `projet budget` (in 8.5% of all
 * posts, 85,000) was in fewer than 10 of them; its whole-table statement read every post (4.5 s).
 * When the planner itself knows the query is common, the window's few matches are the answer;
 * when it reaches for the GIN index, the query is rare (or unknown to its statistics, like a word
 * in no comment) and the index answers in milliseconds.
 */
async function readsWholeTable(db: EntityManager, query: { text: string; values: unknown[] }): Promise<boolean> {
  interface PlanNode {
    'Node Type': string;
    'Total Cost': number;
    Plans?: PlanNode[];
  }
  const [explained] = await rows<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(db, {
    text: `EXPLAIN (FORMAT JSON) ${query.text}`,
    values: query.values,
  });
  const big = (node: PlanNode): boolean =>
    (node['Node Type'] === 'Seq Scan' && node['Total Cost'] > WHOLE_TABLE_SEQ_SCAN_MAX_COST) || (node.Plans ?? []).some(big);
  return big(explained['QUERY PLAN'][0].Plan);
}

interface CandidateSql {
  columns: string;
  where: string;
  candidates: string;
  /** Placeholders of the extra values, in order. */
  extra: string[];
}

function rankedQuery(
  source: FullTextSource,
  request: SearchRequest,
  extra: unknown[],
  candidatesSql: (c: CandidateSql) => string,
): { text: string; values: unknown[] } {
  const values = [...source.values, request.text, prefixQuery(request.text), request.limit, CANDIDATES, ...extra];
  const n = source.values.length;
  const [text, prefix, limit, candidates] = [`$${n + 1}`, `$${n + 2}`, `$${n + 3}`, `$${n + 4}`];
  const query = fullTextQuerySql(text, prefix);
  const matches = source.fuzzyName
    ? `(${source.vector} @@ ${query} OR ${text} <% ${source.fuzzyName})`
    : `${source.vector} @@ ${query}`;
  const rank = `ts_rank_cd(c.vector, ${query}, 32)`;
  const score = source.fuzzyName ? `GREATEST(${rank}, word_similarity(${text}, c.fuzzy_name))` : rank;
  const marks = source.snippetsInPlace
    ? `NULL::text AS body,
                  ts_headline('ruche_fr', ${HEADLINE_TEXT('hit.body')}, ${query}, ${HEADLINE_OPTIONS}) AS snippet,
                  ts_headline('ruche_fr', ${HEADLINE_TEXT('hit.title')}, ${query}, ${TITLE_HEADLINE_OPTIONS}) AS title_marked`
    : `hit.body, NULL::text AS snippet, NULL::text AS title_marked`;
  const columns = `${source.id} AS id, ${source.title} AS title, ${source.body} AS body,
                   ${source.createdAt} AS created_at, ${source.vector} AS vector,
                   ${source.fuzzyName ?? 'NULL::text'} AS fuzzy_name`;
  const found = candidatesSql({
    columns,
    where: `${matches} AND ${source.visible}`,
    candidates,
    extra: extra.map((_, i) => `$${n + 5 + i}`),
  });
  return {
    text: `SELECT hit.id, hit.title, hit.score, hit.created_at, hit.window_matches, ${marks}
             FROM (SELECT c.id, c.title, c.body, c.created_at, c.window_matches, ${score} AS score
                     FROM ${found} c
                    ORDER BY score DESC, c.created_at DESC, c.id
                    LIMIT ${limit}) hit
            ORDER BY hit.score DESC, hit.created_at DESC, hit.id`,
    values,
  };
}

/** A headline with markers as plain text plus the marked ranges; whitespace runs become one space. */
export function toSnippet(marked: string): { snippet: string; highlights: [number, number][] } {
  let snippet = '';
  const highlights: [number, number][] = [];
  let open = -1;
  for (const char of marked.replace(/\s+/g, ' ').trim()) {
    if (char === START) open = snippet.length;
    else if (char === STOP) {
      if (open >= 0 && snippet.length > open) highlights.push([open, snippet.length]);
      open = -1;
    } else snippet += char === LT ? '<' : char;
  }
  return { snippet, highlights };
}

/** How long a hit's title may be; longer ones end at a word, with "…". */
export const TITLE_MAX = 120;

/** `text` on one line and at most `max` characters, cut between words (never mid-word) with "…". */
export function titleAtWord(text: string, max = TITLE_MAX): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  // One very long word (a URL): cut it, rather than show nothing.
  return `${(space > 0 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}

const LEADING_PUNCTUATION = /^[\s.,;:!?…–—-]*/;

/**
 * A snippet that starts with the title it sits under (a one-line post: its title is its first
 * line, its snippet its body) loses that part, so the result does not say it twice. `shown` is
 * the title as displayed, without the "…" of a cut one; that cut's rest stays, after a "…".
 */
export function withoutTitle(
  shown: string,
  truncated: boolean,
  { snippet, highlights }: { snippet: string; highlights: [number, number][] },
): { snippet: string; highlights: [number, number][] } {
  if (!shown) return { snippet, highlights };
  // ts_headline may leave out the closing punctuation: a snippet that the title holds says nothing more.
  if (shown.startsWith(snippet.replace(/[\s.,;:!?…]+$/, ''))) return { snippet: '', highlights: [] };
  if (!snippet.startsWith(shown)) return { snippet, highlights };
  const rest = snippet.slice(shown.length);
  const skipped = shown.length + (LEADING_PUNCTUATION.exec(rest)?.[0].length ?? 0);
  if (skipped >= snippet.length) return { snippet: '', highlights: [] };
  const prefix = truncated ? '…' : '';
  const shift = prefix.length - skipped;
  return {
    snippet: prefix + snippet.slice(skipped),
    highlights: highlights
      .filter(([, end]) => end > skipped)
      .map(([start, end]): [number, number] => [Math.max(start, skipped) + shift, end + shift]),
  };
}

/**
 * Rows of {@link fullTextSearchQuery} as hits of `type`. A row whose snippet was left for the page
 * is a hit with its plain title, no snippet yet, and the texts to cut it from (`unmarked`).
 */
export function toSearchHits(type: SearchType, found: readonly FullTextRow[]): SourceHit[] {
  return found.map((row) => {
    const hit = markedHit(type, row, row.title_marked ?? row.title ?? '', row.snippet ?? '');
    return row.snippet === null && row.body !== undefined
      ? { ...hit, unmarked: { title: row.title ?? '', body: row.body ?? '' } }
      : hit;
  });
}

/** A hit with its title and snippet as marked by ts_headline (between the highlight markers). */
function markedHit(
  type: SearchType,
  row: Pick<FullTextRow, 'id' | 'score' | 'created_at'>,
  titleMarked: string,
  snippetMarked: string,
): SearchHit {
  // The title, marked like the snippet, then cut between words: its marks are kept up to the cut.
  const marked = toSnippet(titleMarked);
  const title = titleAtWord(marked.snippet);
  const truncated = title !== marked.snippet;
  const shown = truncated ? title.slice(0, -1) : title;
  const titleHighlights = marked.highlights
    .filter(([start]) => start < shown.length)
    .map(([start, end]): [number, number] => [start, Math.min(end, shown.length)]);
  return {
    type,
    id: row.id,
    title,
    ...withoutTitle(shown, truncated, toSnippet(snippetMarked)),
    ...(titleHighlights.length ? { titleHighlights } : {}),
    score: Math.round(Number(row.score) * 10_000) / 10_000,
    createdAt: row.created_at ? new Date(row.created_at).toISOString() : null,
  };
}

/**
 * The statement that cuts the snippets of `hits` (their `unmarked` texts, in order) for the query
 * `text`: it reads no table, the texts travel as parameters.
 */
export function markHitsQuery(text: string, hits: readonly { unmarked: UnmarkedText }[]): { text: string; values: unknown[] } {
  const query = fullTextQuerySql('$1', '$2');
  return {
    text: `SELECT ts_headline('ruche_fr', ${HEADLINE_TEXT('t.body')}, ${query}, ${HEADLINE_OPTIONS}) AS snippet,
                  ts_headline('ruche_fr', ${HEADLINE_TEXT('t.title')}, ${query}, ${TITLE_HEADLINE_OPTIONS}) AS title_marked
             FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS t (title, body, n)
            ORDER BY t.n`,
    values: [text, prefixQuery(text), hits.map((h) => h.unmarked.title), hits.map((h) => h.unmarked.body)],
  };
}

/**
 * The hits of a page with every snippet cut: those a source left `unmarked` get theirs here, in one
 * statement for the page (a snippet costs more than finding the hit: see `SourceHit`); the others
 * are kept as they came. What is returned never carries the texts.
 */
export async function markHits(db: EntityManager, text: string, hits: readonly SourceHit[]): Promise<SearchHit[]> {
  const pending = hits.filter((hit): hit is SearchHit & { unmarked: UnmarkedText } => hit.unmarked !== undefined);
  const marks = pending.length ? await rows<{ snippet: string; title_marked: string }>(db, markHitsQuery(text, pending)) : [];
  const marked = new Map<SourceHit, { snippet: string; title_marked: string }>(pending.map((hit, i) => [hit, marks[i]]));
  return hits.map((hit) => {
    const { unmarked, ...plain } = hit;
    const mark = marked.get(hit);
    if (!unmarked || !mark) return plain;
    return markedHit(hit.type, { id: hit.id, score: hit.score, created_at: hit.createdAt }, mark.title_marked, mark.snippet);
  });
}

/**
 * One hit per item, the best: an item found through several of its texts (a question through its
 * title and two answers) comes back once, with the snippet of its best match. Best first.
 */
export function bestPerItem(...lists: SourceHit[][]): SourceHit[] {
  const best = new Map<string, SourceHit>();
  for (const hit of lists.flat()) {
    const known = best.get(hit.id);
    if (!known || hit.score > known.score) best.set(hit.id, hit);
  }
  return [...best.values()].sort((a, b) => b.score - a.score || (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
}

/**
 * Several statements as one: each branch's rows, tagged with the branch's position (`branch`), in
 * one round trip. Each statement's placeholders are renumbered after the previous ones' (the
 * statements are built here, so a `$` followed by digits is always a placeholder).
 */
export function unionOf(queries: readonly { text: string; values: unknown[] }[]): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const branches = queries.map((query, i) => {
    const shift = values.length;
    values.push(...query.values);
    const text = query.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + shift}`);
    return `SELECT ${i} AS branch, b${i}.* FROM (${text}) b${i}`;
  });
  return { text: branches.join('\n UNION ALL\n'), values };
}

/**
 * Runs one owner's full-text sources (its own text and, say, its comments) and returns one hit per
 * item, the best `request.limit` of them: what a module's search source usually is. The sources'
 * first steps go as one statement (one round trip for the module, not one per source); a source
 * whose recent window held too few matches takes its second step alone.
 */
export async function searchSources(
  db: EntityManager,
  type: SearchType,
  request: SearchRequest,
  sources: readonly FullTextSource[],
): Promise<SourceHit[]> {
  const firsts = sources.map((source) => fullTextSearchQuery(source, request));
  const all = await rows<FullTextRow & { branch: number }>(db, firsts.length === 1 ? firsts[0] : unionOf(firsts));
  const found = await Promise.all(
    sources.map(async (source, i) => {
      const first = firsts.length === 1 ? all : all.filter((row) => Number(row.branch) === i);
      const inWindow = Number(first[0]?.window_matches ?? 0);
      if (!source.newest || inWindow >= RARE_IN_WINDOW) return first;
      const whole = wholeTableSearchQuery(source, request, inWindow);
      return (await readsWholeTable(db, whole)) ? first : rows<FullTextRow>(db, whole);
    }),
  );
  return bestPerItem(...found.map((list) => toSearchHits(type, list))).slice(0, request.limit);
}
