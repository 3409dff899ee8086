/**
 * Blocked terms, as pure functions (unit-tested next door). A term matches as a whole word or
 * phrase whatever the case, accents or spacing: "spam" catches "SPAM!" and "spám" but not
 * "antispam" (whole words avoid the Scunthorpe problem; list variants explicitly).
 */
export const TERM_MAX_LENGTH = 100;
export const TERMS_MAX_COUNT = 500;

/** Case, accents, compatibility forms and runs of whitespace do not matter. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ');
}

/** A term as stored: trimmed, folded. Empty when nothing is left. */
export function normalizeTerm(term: string): string {
  return foldText(term).trim();
}

/** Stored form of a configured list: normalized, without empties or duplicates, in the given order. */
export function normalizeTerms(terms: readonly string[]): string[] {
  return [...new Set(terms.map(normalizeTerm).filter((t) => t.length > 0))];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function termPattern(term: string): RegExp {
  const body = term.split(' ').map(escape).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, 'u');
}

/** The configured terms (stored form) that occur in `text`, in configuration order. */
export function findBlockedTerms(text: string, terms: readonly string[]): string[] {
  if (terms.length === 0) return [];
  const folded = foldText(text);
  return terms.filter((term) => term.length > 0 && termPattern(term).test(folded));
}
