/**
 * Markdown to safe HTML, rendered once on the server when content is written and stored beside it
 * (`body_html`): CommonMark with GFM tables, strikethrough and task lists, fenced code highlighted by
 * highlight.js (a few common languages, class names only: the web app's sheet colours them),
 * autolinks, @mentions and #hashtags.
 *
 * Safe by construction, in two layers. markdown-it never passes raw HTML (`html: false`: it is
 * shown as text) and refuses `javascript:`, `vbscript:`, `file:` and `data:` link targets. Its
 * output then goes through an allow-list sanitiser (sanitize-html): only the tags and attributes
 * Markdown itself produces survive, URLs must be http, https, mailto or relative, no event handler,
 * style (but a table cell's alignment), SVG, iframe or form control (but a disabled task checkbox)
 * passes, and every link gets `rel="nofollow noopener ugc"` (external ones open in a new tab).
 * Markdown images are rendered as links to the image: an `<img>` pointing anywhere would tell a
 * third party who reads the post (files are shown through attachments instead).
 *
 * Mentions link only to people the caller resolved (`mentions`): the caller decides who exists and
 * who may be named in the context (a private group's non-members are not linked), the renderer
 * stays a pure function.
 */
import MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import { tasklist } from '@mdit/plugin-tasklist';
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import sanitizeHtml from 'sanitize-html';

/** A person a text may link to by `@handle`, resolved by the caller. */
export interface MarkdownMention {
  id: string;
  handle: string;
}

export interface MarkdownOptions {
  /** The people `@handle` links to; any other `@word` stays text. */
  mentions?: Iterable<MarkdownMention>;
}

for (const [name, language] of Object.entries({ bash, css, java, javascript, json, python, sql, typescript, xml, yaml })) {
  hljs.registerLanguage(name, language);
}

/** Where a mention and a hashtag lead in the web app. */
export const mentionHref = (userId: string) => `/people/${encodeURIComponent(userId)}`;
export const hashtagHref = (tag: string) => `/search?q=${encodeURIComponent(`#${tag}`)}`;

/**
 * `@handle` as feed's parseMentions reads it (handles are [a-z0-9_]{2,30}), and `#tag`: a letter then
 * letters, digits, `_` or `-`, not inside a word or a URL (`a#b`, `/#x`).
 */
const MENTION = /(?<![\p{L}\p{N}\p{M}_.+\-@/\\])@([A-Za-z0-9_]{2,30})(?![\p{L}\p{N}\p{M}_@]|\.[\p{L}\p{N}_])/gu;
const HASHTAG = /(?<![\p{L}\p{N}\p{M}_&#/\\])#(\p{L}[\p{L}\p{N}\p{M}_-]{0,49})(?![\p{L}\p{N}\p{M}_-])/gu;
const MENTION_OR_TAG = new RegExp(`${MENTION.source}|${HASHTAG.source}`, 'gu');

function highlight(code: string, language: string): string {
  const name = language.trim().toLowerCase();
  if (!name || !hljs.getLanguage(name)) return '';
  try {
    return hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
  } catch {
    return '';
  }
}

function createParser(): MarkdownIt {
  const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: true, highlight });
  md.use(tasklist, { disabled: true, label: false });
  // An image becomes a link to it, its alt text the link's text.
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const src = String(token.attrGet('src') ?? '');
    const alt = self.renderInlineAsText(token.children ?? [], options, env) || src;
    return `<a href="${md.utils.escapeHtml(src)}">${md.utils.escapeHtml(alt)}</a>`;
  };
  md.core.ruler.after('text_join', 'ruche_mentions_tags', linkMentionsAndTags);
  return md;
}

/** Splits text tokens outside links and code around @handles and #tags, linking the known ones. */
function linkMentionsAndTags(state: StateCore): void {
  const known = (state.env as { mentions?: Map<string, string> }).mentions ?? new Map<string, string>();
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: Token[] = [];
    let inLink = 0;
    for (const token of block.children) {
      if (token.type === 'link_open') inLink++;
      if (token.type === 'link_close') inLink--;
      if (token.type !== 'text' || inLink > 0 || !/[@#]/.test(token.content)) {
        out.push(token);
        continue;
      }
      out.push(...splitText(state, token.content, known));
    }
    block.children = out;
  }
}

function splitText(state: StateCore, text: string, known: Map<string, string>): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  const pushText = (content: string) => {
    if (!content) return;
    const t = new state.Token('text', '', 0);
    t.content = content;
    tokens.push(t);
  };
  for (const match of text.matchAll(MENTION_OR_TAG)) {
    const [whole, handle, tag] = match;
    let href: string | null = null;
    let className = '';
    if (handle !== undefined) {
      const id = known.get(handle.toLowerCase());
      if (id) {
        href = mentionHref(id);
        className = 'mention';
      }
    } else if (tag !== undefined) {
      href = hashtagHref(tag);
      className = 'hashtag';
    }
    if (!href) continue;
    pushText(text.slice(last, match.index));
    const open = new state.Token('link_open', 'a', 1);
    open.attrs = [
      ['href', href],
      ['class', className],
    ];
    const label = new state.Token('text', '', 0);
    label.content = whole;
    tokens.push(open, label, new state.Token('link_close', 'a', -1));
    last = match.index + whole.length;
  }
  pushText(text.slice(last));
  return tokens;
}

const parser = createParser();

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    's',
    'del',
    'code',
    'pre',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'input',
    'span',
  ],
  allowedAttributes: {
    a: ['href', 'class', 'rel', 'target'],
    ol: ['start'],
    input: ['type', 'checked', 'disabled'],
    th: ['style'],
    td: ['style'],
  },
  allowedClasses: {
    a: ['mention', 'hashtag'],
    // A fenced block's language is the writer's text: only a plain name stays a class.
    code: ['hljs', /^language-[a-z0-9_+#.-]{1,40}$/i],
    span: ['hljs-*', /^language-[a-z0-9_+#.-]{1,40}$/i],
    ul: ['task-list-container'],
    ol: ['task-list-container'],
    li: ['task-list-item'],
    input: ['task-list-item-checkbox'],
  },
  allowedStyles: {
    th: { 'text-align': [/^(left|right|center)$/] },
    td: { 'text-align': [/^(left|right|center)$/] },
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // A form control other than a task list's checkbox is dropped with what it holds.
  exclusiveFilter: (frame) => frame.tag === 'input' && frame.attribs.type !== 'checkbox',
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      const external = /^(https?:|mailto:)/i.test(href);
      const safe: sanitizeHtml.Attributes = { href, rel: 'nofollow noopener ugc' };
      if (attribs.class) safe.class = attribs.class;
      if (external) safe.target = '_blank';
      return { tagName, attribs: safe };
    },
    input: (tagName, attribs) => ({
      tagName,
      attribs: {
        type: attribs.type ?? '',
        disabled: '',
        ...('checked' in attribs ? { checked: '' } : {}),
        ...(attribs.class ? { class: attribs.class } : {}),
      },
    }),
  },
};

/** Sanitises HTML with Ruche's allow-list (what the Markdown renderer may produce, nothing else). */
export function sanitizeRenderedHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}

/** Renders Markdown to sanitised HTML. Pure: the same text and mentions give the same HTML. */
export function renderMarkdown(text: string | null | undefined, options: MarkdownOptions = {}): string {
  if (!text) return '';
  const mentions = new Map<string, string>();
  for (const person of options.mentions ?? []) mentions.set(person.handle.toLowerCase(), person.id);
  const html = parser.render(text, { mentions });
  return sanitizeRenderedHtml(html);
}

/**
 * A stored text as views carry it: `body` as written, and `bodyHtml` as stored with it when it was
 * written, or rendered now for a row that has none.
 */
export function markdownBody(row: { body: string; body_html: string | null }): { body: string; bodyHtml: string } {
  return { body: row.body, bodyHtml: row.body_html ?? renderMarkdown(row.body) };
}

/** The distinct handles a text @mentions, lower-cased, in order (for callers resolving them). */
export function markdownMentionHandles(text: string): string[] {
  const handles = new Set<string>();
  for (const match of text.matchAll(MENTION)) handles.add(match[1].toLowerCase());
  return [...handles];
}

/** The distinct #tags a text carries (as the renderer links them), lower-cased, in order: a post's topics. */
export function markdownHashtags(text: string): string[] {
  const tags = new Set<string>();
  for (const match of text.matchAll(HASHTAG)) tags.add(match[1].toLowerCase());
  return [...tags];
}
