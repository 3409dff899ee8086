import type { ReplyThread } from './reply-tokens.js';

/** A thread that can be answered (not the digest). */
export type ContentThread = Exclude<ReplyThread, { type: 'digest' }>;

type Context = Record<string, string | number | boolean | null>;

/** The page in the web app a notification is about (its subject, or what its context names). */
export function appPathOf(subject: { type: string; id: string }, context: Context): string {
  const id = (key: string) => (typeof context[key] === 'string' ? (context[key] as string) : null);
  if (id('postId')) return `/posts/${id('postId')}`;
  if (id('questionId')) return `/questions/${id('questionId')}`;
  if (id('ideaId')) return `/ideas/${id('ideaId')}`;
  switch (subject.type) {
    case 'post':
      return `/posts/${subject.id}`;
    case 'question':
      return `/questions/${subject.id}`;
    case 'idea':
      return `/ideas/${subject.id}`;
    case 'group':
      // The monthly "who helped" digest opens on its month.
      return typeof context.month === 'string' ? `/groups/${subject.id}/helpers?month=${context.month}` : `/groups/${subject.id}`;
    case 'user':
      return `/people/${subject.id}`;
    case 'campaign':
      return `/campaigns/${subject.id}`;
    default:
      return '/notifications';
  }
}

/** The thread a reply to this notification's email lands in (a comment, an answer); null: none. */
export function replyThreadOf(subject: { type: string; id: string }, context: Context): ContentThread | null {
  const id = (key: string) => (typeof context[key] === 'string' ? (context[key] as string) : null);
  const postId = id('postId') ?? (subject.type === 'post' ? subject.id : null);
  if (postId) return { type: 'post', id: postId };
  const questionId = id('questionId') ?? (subject.type === 'question' ? subject.id : null);
  if (questionId) return { type: 'question', id: questionId };
  const ideaId = id('ideaId') ?? (subject.type === 'idea' ? subject.id : null);
  if (ideaId) return { type: 'idea', id: ideaId };
  return null;
}
