/** The most links of one item that get a preview card. */
export const MAX_PREVIEWS_PER_ITEM = 3;
const MAX_URL_LENGTH = 2048;

// Stops at whitespace, quotes, angle brackets and parentheses (Markdown's `[text](url)` and `<url>`);
// brackets are kept for IPv6 literals (`http://[::1]/`), and a closing one without its opening dropped.
const URL_PATTERN = /https?:\/\/[^\s<>()"'`\\]+/gi;

/**
 * The distinct http(s) links of a text (Markdown source), normalised, in the order written, at
 * most {@link MAX_PREVIEWS_PER_ITEM}. Links inside code are still links to us: the card only
 * shows what the page says about itself.
 */
export function extractLinks(text: string, max = MAX_PREVIEWS_PER_ITEM): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    // Sentence punctuation after a link is not part of it.
    let raw = match[0];
    for (let previous = ''; previous !== raw; ) {
      previous = raw;
      raw = raw.replace(/[.,;:!?*_~]+$/, '');
      if (raw.endsWith(']') && (raw.match(/\[/g) ?? []).length < (raw.match(/\]/g) ?? []).length) raw = raw.slice(0, -1);
    }
    const normalised = normaliseUrl(raw);
    if (normalised && !found.includes(normalised)) found.push(normalised);
    if (found.length >= max) break;
  }
  return found;
}

/**
 * One spelling per page, the cache key: WHATWG parsing (lower-case scheme and host, default port
 * dropped, IDN as punycode, odd IPv4 forms as dotted quads), no fragment, no credentials. Null for
 * what is not an http(s) URL or is too long.
 */
export function normaliseUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  url.hash = '';
  const text = url.toString();
  return text.length <= MAX_URL_LENGTH ? text : null;
}

/** Whether `host` is `ruleHost` or one of its subdomains. */
export function hostMatches(host: string, ruleHost: string): boolean {
  return host === ruleHost || host.endsWith(`.${ruleHost}`);
}

/**
 * The admins' list, applied to a host: a matching `deny` refuses it whatever else matches; with
 * any `allow` rule, only hosts an allow rule matches are fetched; with none, every host is.
 */
export function hostPermitted(host: string, rules: readonly { host: string; rule: 'allow' | 'deny' }[]): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (rules.some((r) => r.rule === 'deny' && hostMatches(h, r.host))) return false;
  const allows = rules.filter((r) => r.rule === 'allow');
  return allows.length === 0 || allows.some((r) => hostMatches(h, r.host));
}
