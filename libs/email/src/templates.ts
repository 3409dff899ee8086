/**
 * The words and layout of Ruche's emails, in the reader's language (en, fr), as plain text and
 * HTML. Pure functions of a model the senders fill in (no I/O), so they are unit-tested alone.
 */
export type MailLocale = 'en' | 'fr';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** One item of the digest: a link into the app, an excerpt, and its own reply address. */
export interface DigestItem {
  title: string;
  excerpt?: string;
  url: string;
  /** `reply+<token>@...`: a reply lands in this item's thread. Null: cannot be answered by email. */
  replyTo: string | null;
  note?: string;
}

export interface DigestMailModel {
  locale: MailLocale;
  timeZone: string;
  now: Date;
  appUrl: string;
  displayName: string;
  groups: { name: string; url: string; posts: number; comments: number; items: DigestItem[] }[];
  questions: DigestItem[];
  ideas: DigestItem[];
  unread: number;
  unsubscribeUrl: string;
}

export interface NotificationMailModel {
  locale: MailLocale;
  kind: string;
  actorName: string | null;
  actorCount: number;
  context: Record<string, string | number | boolean | null>;
  /** What it is about: a post's first lines, a question's or idea's title. */
  excerpt: string | null;
  url: string;
  replyTo: string | null;
  appUrl: string;
  unsubscribeUrl: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The first `max` characters of `text` on one line, cut at a word, with an ellipsis when cut. */
export function excerptOf(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const WORDS = {
  en: {
    digestSubject: 'Your day on Ruche',
    hello: (name: string) => `Hello ${name},`,
    intro: (date: string) => `Here is what happened on Ruche for you (${date}).`,
    inGroups: 'In your groups',
    groupLine: (posts: number, comments: number) =>
      `${plural(posts, 'new post', 'new posts')}, ${plural(comments, 'comment', 'comments')}`,
    questions: 'Questions for you, still open',
    answers: (n: number) => plural(n, 'answer', 'answers'),
    ideas: 'Ideas you take part in',
    ideaStatus: (status: string | null) => `moved to ${status ?? 'a new stage'}`,
    ideaReview: 'was reviewed',
    unread: (n: number) => `${plural(n, 'unread notification', 'unread notifications')}.`,
    open: 'Open in Ruche',
    replyHint: 'Reply by email',
    digestFooter:
      'To answer an item, reply to the address under it (replying to this email itself does not post anything).',
    unsubscribeDigest: 'Stop receiving this digest by email',
    unsubscribeKind: 'Stop receiving these emails',
    replyNotice: 'Reply to this email to answer in Ruche.',
    kinds: {
      mention: (a: string) => `${a} mentioned you`,
      'group.mention': (a: string) => `${a} mentioned a group of yours`,
      comment: (a: string, c: NotificationMailModel['context']) =>
        c.onYourPost ? `${a} commented on your post` : `${a} commented on a post you follow`,
      reaction: (a: string) => `${a} reacted to your post`,
      follow: (a: string) => `${a} now follows you`,
      'group.request': (a: string) => `${a} asked to join your group`,
      'group.approved': () => 'You were let into a group',
      'question.routed': () => 'A question for you',
      answer: (a: string) => `${a} answered your question`,
      'answer.accepted': () => 'Your answer was accepted',
      'idea.status': () => 'An idea you take part in moved forward',
      'idea.review': () => 'An idea you take part in was reviewed',
      'idea.comment': (a: string) => `${a} commented on an idea`,
      'idea.implementation': () => 'An idea you take part in is being implemented',
      'campaign.status': () => 'A campaign you take part in changed',
      'report.resolved': () => 'A report you made was resolved',
      announcement: () => 'A new announcement to read',
      'announcement.reminder': () => 'Reminder: an announcement to read',
      'digest.helpers': (_a: string, c: NotificationMailModel['context']) =>
        `Who helped in your group in ${String(c.month)}: ${plural(Number(c.helperCount ?? 0), 'person', 'people')} to thank`,
    } as Record<string, (actor: string, context: NotificationMailModel['context']) => string>,
    somethingNew: 'Something new on Ruche',
    someone: 'Someone',
    andOthers: (a: string, n: number) => `${a} and ${plural(n, 'other', 'others')}`,
  },
  fr: {
    digestSubject: 'Votre journée sur Ruche',
    hello: (name: string) => `Bonjour ${name},`,
    intro: (date: string) => `Voici ce qui s’est passé pour vous sur Ruche (${date}).`,
    inGroups: 'Dans vos groupes',
    groupLine: (posts: number, comments: number) =>
      `${plural(posts, 'nouvelle publication', 'nouvelles publications')}, ${plural(comments, 'commentaire', 'commentaires')}`,
    questions: 'Questions pour vous, toujours ouvertes',
    answers: (n: number) => plural(n, 'réponse', 'réponses'),
    ideas: 'Idées auxquelles vous participez',
    ideaStatus: (status: string | null) => `est passée à l’étape ${status ?? 'suivante'}`,
    ideaReview: 'a été évaluée',
    unread: (n: number) => `${plural(n, 'notification non lue', 'notifications non lues')}.`,
    open: 'Ouvrir dans Ruche',
    replyHint: 'Répondre par e-mail',
    digestFooter:
      'Pour répondre à un élément, écrivez à l’adresse indiquée sous celui-ci (répondre à ce message lui-même ne publie rien).',
    unsubscribeDigest: 'Ne plus recevoir ce résumé par e-mail',
    unsubscribeKind: 'Ne plus recevoir ces e-mails',
    replyNotice: 'Répondez à cet e-mail pour répondre dans Ruche.',
    kinds: {
      mention: (a: string) => `${a} vous a mentionné`,
      'group.mention': (a: string) => `${a} a mentionné l’un de vos groupes`,
      comment: (a: string, c: NotificationMailModel['context']) =>
        c.onYourPost ? `${a} a commenté votre publication` : `${a} a commenté une publication que vous suivez`,
      reaction: (a: string) => `${a} a réagi à votre publication`,
      follow: (a: string) => `${a} vous suit`,
      'group.request': (a: string) => `${a} demande à rejoindre votre groupe`,
      'group.approved': () => 'Vous avez été admis dans un groupe',
      'question.routed': () => 'Une question pour vous',
      answer: (a: string) => `${a} a répondu à votre question`,
      'answer.accepted': () => 'Votre réponse a été acceptée',
      'idea.status': () => 'Une idée à laquelle vous participez a avancé',
      'idea.review': () => 'Une idée à laquelle vous participez a été évaluée',
      'idea.comment': (a: string) => `${a} a commenté une idée`,
      'idea.implementation': () => 'Une idée à laquelle vous participez est en cours de réalisation',
      'campaign.status': () => 'Une campagne à laquelle vous participez a changé',
      'report.resolved': () => 'Un signalement que vous avez fait a été traité',
      announcement: () => 'Une nouvelle annonce à lire',
      'announcement.reminder': () => 'Rappel : une annonce à lire',
      'digest.helpers': (_a: string, c: NotificationMailModel['context']) =>
        `Qui a aidé dans votre groupe en ${String(c.month)} : ${plural(Number(c.helperCount ?? 0), 'personne', 'personnes')} à remercier`,
    } as Record<string, (actor: string, context: NotificationMailModel['context']) => string>,
    somethingNew: 'Du nouveau sur Ruche',
    someone: 'Quelqu’un',
    andOthers: (a: string, n: number) => `${a} et ${plural(n, 'autre personne', 'autres personnes')}`,
  },
} as const;

function dateIn(locale: MailLocale, timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, dateStyle: 'full' }).format(at);
}

const HTML_HEAD =
  '<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>' +
  '<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2328;line-height:1.5;max-width:640px;margin:0 auto;padding:16px">';

function itemText(w: (typeof WORDS)[MailLocale], item: DigestItem): string[] {
  const lines = [`- ${item.title}${item.note ? ` (${item.note})` : ''}`];
  if (item.excerpt) lines.push(`  “${item.excerpt}”`);
  lines.push(`  ${item.url}`);
  if (item.replyTo) lines.push(`  ${w.replyHint}: ${item.replyTo}`);
  return lines;
}

function itemHtml(w: (typeof WORDS)[MailLocale], item: DigestItem): string {
  const reply = item.replyTo
    ? ` · <a href="mailto:${escapeHtml(item.replyTo)}?subject=${encodeURIComponent(`Re: ${item.title}`)}">${escapeHtml(w.replyHint)}</a>`
    : '';
  return (
    `<li style="margin-bottom:12px"><a href="${escapeHtml(item.url)}"><strong>${escapeHtml(item.title)}</strong></a>` +
    (item.note ? ` <span style="color:#57606a">(${escapeHtml(item.note)})</span>` : '') +
    (item.excerpt ? `<br><span style="color:#57606a">“${escapeHtml(item.excerpt)}”</span>` : '') +
    `<br><small><a href="${escapeHtml(item.url)}">${escapeHtml(w.open)}</a>${reply}</small></li>`
  );
}

/** The daily digest: sections with links, excerpts and one reply address per item. */
export function renderDigest(m: DigestMailModel): RenderedMail {
  const w = WORDS[m.locale];
  const date = dateIn(m.locale, m.timeZone, m.now);
  const text: string[] = [w.hello(m.displayName), '', w.intro(date), ''];
  const html: string[] = [HTML_HEAD, `<p>${escapeHtml(w.hello(m.displayName))}</p>`, `<p>${escapeHtml(w.intro(date))}</p>`];
  if (m.groups.length) {
    text.push(`${w.inGroups}:`);
    html.push(`<h2 style="font-size:18px">${escapeHtml(w.inGroups)}</h2>`);
    for (const g of m.groups) {
      text.push(`* ${g.name}: ${w.groupLine(g.posts, g.comments)}`, `  ${g.url}`);
      html.push(
        `<h3 style="font-size:16px;margin-bottom:4px"><a href="${escapeHtml(g.url)}">${escapeHtml(g.name)}</a></h3>`,
        `<p style="margin-top:0;color:#57606a">${escapeHtml(w.groupLine(g.posts, g.comments))}</p>`,
      );
      if (g.items.length) {
        for (const item of g.items) text.push(...itemText(w, item).map((l) => `  ${l}`));
        html.push(`<ul>${g.items.map((item) => itemHtml(w, item)).join('')}</ul>`);
      }
    }
    text.push('');
  }
  for (const [title, items] of [
    [w.questions, m.questions],
    [w.ideas, m.ideas],
  ] as const) {
    if (!items.length) continue;
    text.push(`${title}:`);
    for (const item of items) text.push(...itemText(w, item));
    text.push('');
    html.push(`<h2 style="font-size:18px">${escapeHtml(title)}</h2><ul>${items.map((item) => itemHtml(w, item)).join('')}</ul>`);
  }
  if (m.unread) {
    text.push(w.unread(m.unread), `${m.appUrl}/notifications`, '');
    html.push(`<p><a href="${escapeHtml(`${m.appUrl}/notifications`)}">${escapeHtml(w.unread(m.unread))}</a></p>`);
  }
  text.push('--', w.digestFooter, `${w.unsubscribeDigest}: ${m.unsubscribeUrl}`);
  html.push(
    `<hr><p style="color:#57606a;font-size:13px">${escapeHtml(w.digestFooter)}<br>` +
      `<a href="${escapeHtml(m.unsubscribeUrl)}">${escapeHtml(w.unsubscribeDigest)}</a></p></body></html>`,
  );
  return { subject: `${w.digestSubject} — ${date}`, text: text.join('\n'), html: html.join('\n') };
}

/** One notification as an email: who did what, an excerpt, a link, how to answer and to stop. */
/** What happened, in one line of the recipient's language ("Alice and 2 others reacted to your post"): an email's subject, a push's title. */
export function notificationHeadline(
  m: Pick<NotificationMailModel, 'locale' | 'kind' | 'actorName' | 'actorCount' | 'context'>,
): string {
  const w = WORDS[m.locale];
  const actor = m.actorName
    ? m.actorCount > 1
      ? w.andOthers(m.actorName, m.actorCount - 1)
      : m.actorName
    : w.someone;
  return w.kinds[m.kind]?.(actor, m.context) ?? w.somethingNew;
}

export function renderNotification(m: NotificationMailModel): RenderedMail {
  const w = WORDS[m.locale];
  const headline = notificationHeadline(m);
  const text = [headline, ''];
  if (m.excerpt) text.push(`“${m.excerpt}”`, '');
  text.push(`${w.open}: ${m.url}`);
  if (m.replyTo) text.push('', w.replyNotice);
  text.push('', '--', `${w.unsubscribeKind}: ${m.unsubscribeUrl}`);
  const html = [
    HTML_HEAD,
    `<p style="font-size:16px"><strong>${escapeHtml(headline)}</strong></p>`,
    m.excerpt ? `<blockquote style="margin:0 0 16px;padding-left:12px;border-left:3px solid #d0d7de;color:#57606a">${escapeHtml(m.excerpt)}</blockquote>` : '',
    `<p><a href="${escapeHtml(m.url)}">${escapeHtml(w.open)}</a></p>`,
    m.replyTo ? `<p style="color:#57606a">${escapeHtml(w.replyNotice)}</p>` : '',
    `<hr><p style="color:#57606a;font-size:13px"><a href="${escapeHtml(m.unsubscribeUrl)}">${escapeHtml(w.unsubscribeKind)}</a></p></body></html>`,
  ];
  return { subject: headline, text: text.join('\n'), html: html.filter(Boolean).join('\n') };
}
