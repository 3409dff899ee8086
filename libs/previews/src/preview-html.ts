import { createRequire } from 'node:module';
import type * as HtmlParser2 from 'htmlparser2';

// Loaded the way sanitize-html (the Markdown renderer) loads it, through require: the same module
// instance, and no ESM/CJS cycle when both are first loaded together (Jest's VM modules refuse that).
const { Parser } = createRequire(import.meta.url)('htmlparser2') as typeof HtmlParser2;

export interface PageMeta {
  title: string | null;
  description: string | null;
  siteName: string | null;
  /** Absolute http(s) URL of the page's image, resolved against the page's URL. */
  imageUrl: string | null;
}

const MAX_TITLE = 300;
const MAX_DESCRIPTION = 1000;
const MAX_SITE_NAME = 200;

/**
 * What a preview card shows, read from a page's HTML with htmlparser2 (never executed, never
 * rendered): Open Graph first (`og:title`, `og:description`, `og:image`, `og:site_name`), then
 * Twitter cards, then `<title>` and `<meta name="description">`. Text is whitespace-collapsed and
 * cut to a length; the web app shows it as text, never as HTML.
 */
export function readPageMeta(html: string, pageUrl: string): PageMeta {
  const meta = new Map<string, string>();
  let title = '';
  let inTitle = false;
  let titleDone = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'title' && !titleDone) inTitle = true;
        if (name !== 'meta') return;
        const key = (attributes.property ?? attributes.name ?? '').trim().toLowerCase();
        const content = attributes.content;
        if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
      },
      ontext(text) {
        if (inTitle) title += text;
      },
      onclosetag(name) {
        if (name === 'title' && inTitle) {
          inTitle = false;
          titleDone = true;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  const first = (...keys: string[]) => keys.map((k) => meta.get(k)).find((v) => v !== undefined && v.trim() !== '');
  return {
    title: clean(first('og:title', 'twitter:title') ?? title, MAX_TITLE),
    description: clean(first('og:description', 'twitter:description', 'description'), MAX_DESCRIPTION),
    siteName: clean(first('og:site_name', 'application-name'), MAX_SITE_NAME),
    imageUrl: absoluteHttp(first('og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src'), pageUrl),
  };
}

function clean(text: string | undefined, max: number): string | null {
  // Control and bidi-override characters out, whitespace collapsed.
  // eslint-disable-next-line no-control-regex
  const value = (text ?? '').replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!value) return null;
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

function absoluteHttp(raw: string | undefined, base: string): string | null {
  if (!raw?.trim()) return null;
  try {
    const url = new URL(raw.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Where the card says the link goes: the page's host, without `www.`. */
export function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}
