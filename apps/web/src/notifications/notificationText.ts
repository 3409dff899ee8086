import { NOTIFICATION_KINDS, type NotificationKind } from '@ruche/contracts';
import type { AppNotification } from '../api/types';
import type { I18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';

// The kinds are the server's list (contracts): `notificationText` below names each kind's words as
// `notifications.kind.<kind>` without a cast, so a kind added on the server fails to compile here
// until it has words.
export const isKnownKind = (kind: string): kind is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(kind);

/** "Alice", "Alice and Bob", "Alice and 4 others" (grouped kinds count everyone). */
export function actorsText(n: AppNotification, i18n: I18n): string {
  const first = n.actors?.[0] ?? n.actor;
  if (!first) return i18n.t('notifications.someone');
  const others = Math.max(0, (n.actorCount ?? 1) - 1);
  return others ? i18n.t('notifications.andOthers', { name: first.displayName, count: others }) : first.displayName;
}

/** One sentence for a notification, in the UI language (plain text: names are never markup). */
export function notificationText(n: AppNotification, i18n: I18n): string {
  const name = actorsText(n, i18n);
  if (!isKnownKind(n.kind)) return i18n.t('notifications.kind.other', { name });
  if (n.kind === 'comment' && n.context.onYourPost === false) return i18n.t('notifications.kind.commentAlso', { name });
  if (n.kind === 'report.resolved') {
    const key = `notifications.kind.report.${n.context.recipient === 'author' ? 'author' : 'reporter'}` as MessageKey;
    return i18n.t(key);
  }
  if (n.kind === 'digest.helpers') return i18n.t('notifications.kind.digest.helpers', { count: Number(n.context.helperCount ?? 0) });
  return i18n.t(`notifications.kind.${n.kind}`, { name, count: n.actorCount ?? 1 });
}

/** Where a notification leads, or null. */
export function notificationLink(n: AppNotification): string | null {
  const c = n.context;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  switch (n.subject.type) {
    case 'post':
      return `/posts/${n.subject.id}`;
    case 'comment':
      return str(c.postId) ? `/posts/${str(c.postId)}` : null;
    case 'group':
      if (n.kind === 'digest.helpers') return `/groups/${n.subject.id}/helpers${str(c.month) ? `?month=${str(c.month)}` : ''}`;
      return n.kind === 'group.request' ? `/groups/${n.subject.id}/requests` : `/groups/${n.subject.id}`;
    case 'user':
      return `/people/${n.subject.id}`;
    case 'question':
      return `/questions/${n.subject.id}`;
    case 'idea':
      return `/ideas/${n.subject.id}`;
    case 'campaign':
      return `/campaigns/${n.subject.id}`;
    case 'announcement':
      // Pinned above the home feed until read.
      return '/';
    default:
      return str(c.questionId)
        ? `/questions/${str(c.questionId)}`
        : str(c.ideaId)
          ? `/ideas/${str(c.ideaId)}`
          : str(c.postId)
            ? `/posts/${str(c.postId)}`
            : null;
  }
}
