import EmailReplyParser from 'email-reply-parser';

/**
 * What the person wrote in a reply, without the quoted history and the signature.
 *
 * Two passes. First, our own cut at the first line that opens a quoted history in the forms mail
 * programs write in English and French, including the ones `email-reply-parser` misses or only
 * half handles: Outlook's header block ("From: … Sent: …" / « De : … Envoyé : … », with or without
 * the address in brackets, after a `____` rule or not), « Le … a écrit : » and "On … wrote:" wrapped
 * over two lines, "-----Original Message-----" / « -----Message d'origine----- », Apple Mail's
 * "Begin forwarded message:" / « Début du message réexpédié : ». Everything from that line on is
 * history. Then `email-reply-parser` (Crisp's maintained port of GitHub's EmailReplyParser) takes
 * what is left: `>` quotes, `-- ` signatures, "Sent from my iPhone", « Envoyé de mon iPhone », and
 * the quote headers it knows.
 *
 * The text is capped before any pattern runs ({@link MAX_SCANNED}): the library's expressions
 * (without the optional `re2`) backtrack, so a huge body must not reach them.
 */
export const MAX_SCANNED = 64_000;

const HEADER_FIELD = {
  from: /^\s*\*?(from|de|von)\s*:\*?\s*\S/i,
  sentOrDate: /^\s*\*?(sent|date|envoy[ée]|gesendet)\s*:\*?\s*\S/i,
  toOrSubject: /^\s*\*?(to|À|a|objet|subject|cc)\s*:\*?/i,
};

/** A line that by itself opens the quoted history. */
const OPENERS: RegExp[] = [
  /^\s*-{2,}\s*(original message|message d['’]origine|forwarded message|message transféré|ursprüngliche nachricht)\s*-{2,}\s*$/i,
  /^\s*(begin forwarded message|début du message réexpédié)\s*:\s*$/i,
  // Outlook's rule above its header block.
  /^\s*_{10,}\s*$/,
];

/** "On <date>, <name> wrote:" and « Le <date>, <name> a écrit : », on one line. */
const ATTRIBUTION_ONE_LINE = [/^\s*On\s.+\swrote\s*:\s*$/i, /^\s*Le\s.+\s(a\s)?écrit\s*:\s*$/i, /^.*@.*\s(a\s)?écrit\s*:\s*$/i];

/** The first line of an attribution a mail program wrapped, then the line that ends it. */
const ATTRIBUTION_START = [/^\s*On\s.+/i, /^\s*Le\s.+/i];
const ATTRIBUTION_END = [/^.*\bwrote\s*:\s*$/i, /^.*(a\s)?écrit\s*:\s*$/i];

function isOutlookHeader(lines: readonly string[], i: number): boolean {
  if (!HEADER_FIELD.from.test(lines[i]!)) return false;
  // The sent/date field follows within the next three lines (the From value may wrap).
  for (let j = i + 1; j <= Math.min(i + 3, lines.length - 1); j++) {
    if (HEADER_FIELD.sentOrDate.test(lines[j]!) || HEADER_FIELD.toOrSubject.test(lines[j]!)) return true;
  }
  return false;
}

/** Index of the first line of quoted history, or -1. */
export function historyStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (OPENERS.some((re) => re.test(line))) return i;
    if (isOutlookHeader(lines, i)) return i;
    if (ATTRIBUTION_ONE_LINE.some((re) => re.test(line)) && line.length < 300) return i;
    if (ATTRIBUTION_START.some((re) => re.test(line)) && i + 1 < lines.length) {
      const next = lines[i + 1]!;
      if (ATTRIBUTION_END.some((re) => re.test(next)) && line.length + next.length < 300) return i;
    }
  }
  return -1;
}

/** Signature and device lines the library does not know, in both languages. */
const SIGNATURE_LINES = [
  /^--\s?$/,
  /^(sent from|envoyé depuis|envoyé de mon|envoyé à partir de|get outlook for|obtenir outlook pour)\s.+$/i,
];

export function stripReply(text: string): string {
  const normalised = text
    .slice(0, MAX_SCANNED)
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ');
  let lines = normalised.split('\n');
  const cut = historyStart(lines);
  if (cut >= 0) lines = lines.slice(0, cut);
  // A signature separator or a device line ends what was written (the library only sees the last
  // fragment's; with quoted history cut above, ours may be followed by a few trailing lines).
  const signature = lines.findIndex((line) => SIGNATURE_LINES.some((re) => re.test(line)));
  if (signature >= 0) lines = lines.slice(0, signature);
  const visible = new EmailReplyParser().parseReply(lines.join('\n'));
  return tidy(visible);
}

/** Trailing spaces off each line, at most one blank line in a row, none at either end. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
