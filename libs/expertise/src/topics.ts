import { skillKey } from '@ruche/people';

/**
 * Turning free text (an expert query, a question's topics, a post) into topic keys. A topic key is
 * what people's `skillKey` makes of a skill name (case, accents and whitespace folded), mapped
 * through the synonym table ("k8s" → "kubernetes"). Pure: the synonyms are passed in.
 */

/** alias key → canonical key. */
export type SynonymMap = ReadonlyMap<string, string>;

/** Longest phrase (in words) tried as a topic: "gestion de projet agile" is four. */
export const MAX_PHRASE_WORDS = 4;
/** Words of a query that are looked at; the rest is ignored (a query is at most 200 characters anyway). */
export const MAX_QUERY_WORDS = 16;
/** Fuzzy (misspelt) lookups per query: each is one trigram index probe. */
export const MAX_FUZZY_PHRASES = 12;
/** Topics one post can count for. */
export const MAX_POST_TOPICS = 10;
/** Words of a post that are looked at for topics. */
const MAX_POST_WORDS = 2000;

/**
 * Words that say nothing about a topic, French and English, as keys (no accents). A phrase may hold
 * one inside ("gestion de projet") but not start or end with one, and one alone is never a topic.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the of and or in on at to for with about by from into is are be who whom what which how why where when ' +
    'knows know knowing someone somebody anyone anybody expert experts expertise help need needs me my i we our you ' +
    'le la les l un une des de du d et ou en au aux a sur pour par avec dans qui que quoi qu comment pourquoi ou quand ' +
    'est sont connait connaissent connaitre quelqu personne experte aide besoin moi je nous vous j s y ' +
    // How questions are phrased ("What is the best way to...", "Comment peut-on faire..."): they
    // would make every question look like every other.
    'do does did can could should would will shall may might must best way ways there any get use using want please ' +
    'faire fait peut peux puis dois doit faut il elle on ce cet cette ces mes mon ma ses son sa nos vos leur leurs ' +
    'meilleur meilleure meilleurs facon moyen quel quelle quels quelles'
  ).split(' '),
);

/** Separators: anything but letters, digits and the characters skills are written with (c#, c++, node.js, ci/cd, front-end). */
const SEPARATOR = /[^\p{L}\p{N}#+./-]+/u;

/**
 * A token without the punctuation around it: "#kubernetes" → "kubernetes", "node.js." → "node.js";
 * "c#", "c++" and ".net" stay as they are. ("c" and "r" are languages: single letters are only stop
 * words when listed, like the French elisions "l", "d", "j", "s".)
 */
function cleanToken(raw: string): string {
  return raw
    .replace(/^[#+/-]+/u, '')
    .replace(/^\.{2,}/u, '')
    .replace(/[./-]+$/u, '');
}

/** The words of a text as keys (folded like skill keys), in order. */
export function tokens(text: string, max = MAX_QUERY_WORDS): string[] {
  const out: string[] = [];
  for (const raw of skillKey(text).split(SEPARATOR)) {
    const token = cleanToken(raw);
    if (token && /[\p{L}\p{N}]/u.test(token)) out.push(token);
    if (out.length === max) break;
  }
  return out;
}

/**
 * The words of a text that carry meaning (stop words left out), folded and joined by spaces: what
 * two titles must share to be about the same thing ("How do I configure the VPN?" → "configure vpn").
 */
export const significantWords = (text: string, max = 40): string =>
  tokens(text, max)
    .filter((w) => !STOP_WORDS.has(w))
    .join(' ');

/** Runs of 1..MAX_PHRASE_WORDS consecutive words that neither start nor end with a stop word. */
export function phrases(words: readonly string[]): string[] {
  const out = new Set<string>();
  for (let start = 0; start < words.length; start++) {
    if (STOP_WORDS.has(words[start])) continue;
    for (let n = 1; n <= MAX_PHRASE_WORDS && start + n <= words.length; n++) {
      if (STOP_WORDS.has(words[start + n - 1])) continue;
      out.add(words.slice(start, start + n).join(' '));
    }
  }
  return [...out];
}

/** The canonical key for a key: its synonym target, or itself. */
export const canonical = (key: string, synonyms: SynonymMap): string => synonyms.get(key) ?? key;

/**
 * A topic name as given by a person (a question's topic, a mentoring skill, a hashtag) → its
 * canonical key, or '' when nothing meaningful is left.
 */
export function topicKey(name: string, synonyms: SynonymMap): string {
  const key = bareKey(name);
  return key ? canonical(key, synonyms) : '';
}

/** `skillKey` without a leading `#` (a topic written as a hashtag is the same topic). */
const bareKey = (name: string) => skillKey(name).replace(/^#+\s*/u, '');

/** Whether a topic name keeps anything once folded (not only spaces, accents or `#`). */
export const hasTopicKey = (name: string): boolean => bareKey(name) !== '';

/** How a free-text expert query is looked up. */
export interface QueryPlan {
  /** Canonical keys of every phrase: matched exactly against topics. */
  exact: string[];
  /** Words and pairs worth a fuzzy (trigram) lookup when they match no topic exactly. */
  fuzzy: string[];
  /** Words that may be part of a person's name (3+ characters, not stop words). */
  nameTerms: string[];
}

export function planQuery(q: string, synonyms: SynonymMap): QueryPlan {
  const words = tokens(q);
  const all = phrases(words);
  const exact = [...new Set(all.map((p) => canonical(p, synonyms)))];
  const fuzzy = all
    .filter((p) => p.split(' ').length <= 2 && p.replace(/[^\p{L}\p{N}]/gu, '').length >= 4 && !synonyms.has(p))
    .slice(0, MAX_FUZZY_PHRASES);
  const nameTerms = [...new Set(words.filter((w) => !STOP_WORDS.has(w) && [...w].length >= 3))].slice(0, MAX_FUZZY_PHRASES);
  return { exact, fuzzy, nameTerms };
}

/** `#hashtag`s of a text: after a non-word character, letters/digits then `_ + # . -`; `_` reads as a space. */
const HASHTAG = /(?<![\p{L}\p{N}\p{M}_#&/])#([\p{L}\p{N}][\p{L}\p{N}\p{M}_+#.-]*)/gu;

export interface TopicMention {
  topic: string;
  /** As written (for labels): "Kubernetes" from "#Kubernetes". */
  label: string;
}

/**
 * The topics a post is about: its hashtags, and the author's declared skills it names as words
 * ("our kubernetes upgrade" counts for a person who declared Kubernetes). Canonical keys, first
 * {@link MAX_POST_TOPICS}, in order of appearance (hashtags first).
 */
export function postTopics(body: string, declaredTopics: ReadonlySet<string>, synonyms: SynonymMap): TopicMention[] {
  const found = new Map<string, TopicMention>();
  for (const match of body.matchAll(HASHTAG)) {
    const label = match[1].replace(/_/g, ' ').replace(/[.-]+$/u, '');
    const topic = topicKey(label, synonyms);
    if (topic && topic.length <= 200 && !found.has(topic)) found.set(topic, { topic, label: label.trim() });
    if (found.size >= MAX_POST_TOPICS) return [...found.values()];
  }
  if (declaredTopics.size > 0) {
    const words = tokens(body, MAX_POST_WORDS);
    for (let start = 0; start < words.length && found.size < MAX_POST_TOPICS; start++) {
      for (let n = 1; n <= MAX_PHRASE_WORDS && start + n <= words.length; n++) {
        const topic = canonical(words.slice(start, start + n).join(' '), synonyms);
        if (declaredTopics.has(topic) && !found.has(topic)) found.set(topic, { topic, label: topic });
      }
    }
  }
  return [...found.values()].slice(0, MAX_POST_TOPICS);
}
