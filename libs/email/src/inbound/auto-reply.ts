/**
 * Whether a message was written by a machine on someone's behalf (out of office, vacation
 * responder, a list or bulk sender): such a message is accepted at the SMTP level (so the sender's
 * server does not bounce it back, which would loop) and then ignored.
 *
 * Signals, after RFC 3834 and what the common responders send: `Auto-Submitted` other than `no`;
 * Microsoft's `X-Auto-Response-Suppress` is not one (a person's Outlook sets it), but
 * `X-Autoreply`, `X-Autorespond`, `X-Autoresponder`, `X-MS-Exchange-Inbox-Rules-Loop` are;
 * `Precedence: auto_reply | bulk | junk | list`; and out-of-office subjects in English and French.
 */
export type HeaderLookup = (name: string) => string | undefined;

const OUT_OF_OFFICE_SUBJECTS = [
  /^\s*(auto(matic)?[\s-]*reply|autoreply|auto[\s-]*response)\b/i,
  /\bout of (the )?office\b/i,
  /\bon (vacation|holiday|leave)\b/i,
  /\bavailable until\b/i,
  /^\s*(r[ée]ponse\s+automatique|message\s+automatique)\b/i,
  /\babsen(ce|t|te)\b.*\b(bureau|jusqu|du\s+\d|cong[ée])/i,
  /^\s*absen(ce|t|te)\b/i,
  /\ben\s+cong[ée]s?\b/i,
];

const AUTO_HEADERS = ['x-autoreply', 'x-autorespond', 'x-autoresponder', 'x-ms-exchange-inbox-rules-loop'];
const AUTO_PRECEDENCE = new Set(['auto_reply', 'bulk', 'junk', 'list']);

export function isAutoReply(header: HeaderLookup, subject: string | undefined): string | null {
  const submitted = header('auto-submitted')?.trim().toLowerCase();
  if (submitted && !/^no\b/.test(submitted)) return `Auto-Submitted: ${submitted}`;
  for (const name of AUTO_HEADERS) if (header(name) !== undefined) return name;
  const precedence = header('precedence')?.trim().toLowerCase();
  if (precedence && AUTO_PRECEDENCE.has(precedence)) return `Precedence: ${precedence}`;
  if (subject && OUT_OF_OFFICE_SUBJECTS.some((re) => re.test(subject))) return 'out-of-office subject';
  return null;
}
