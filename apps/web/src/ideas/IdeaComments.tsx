import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { ideasApi } from '../api/endpoints';
import type { IdeaComment } from '../api/types';
import { useMe } from '../auth/useSession';
import { LinkCards } from '../feed/LinkCards';
import { RichText } from '../feed/PostBody';
import { useI18n } from '../i18n/I18nProvider';
import { rememberPeople } from '../people/known';
import { Avatar, PersonLink, RelativeTime } from '../ui/bits';
import { Field } from '../ui/Field';
import { addIdeaComment, ideaKeys } from './cache';
import styles from './IdeaComments.module.css';
import { CommentThread, useCommentComposer } from '../feed/CommentThread';
import threadStyles from '../feed/CommentThread.module.css';

function CommentItem({ comment }: { comment: IdeaComment }) {
  return (
    <li className={threadStyles.comment}>
      <Avatar user={comment.author} size="sm" />
      <div className={threadStyles.bubble}>
        <p className={threadStyles.meta}>
          <PersonLink user={comment.author} /> <span aria-hidden="true">·</span> <RelativeTime iso={comment.createdAt} />
        </p>
        <RichText text={comment.body} html={comment.bodyHtml} className={`rich-text ${threadStyles.body}`} />
        <LinkCards items={comment.linkPreviews} />
      </div>
    </li>
  );
}

/** The discussion under an idea, oldest first; new comments arrive live through the idea's room. */
export function IdeaComments({ ideaId }: { ideaId: string }) {
  const { t } = useI18n();
  const me = useMe();
  const qc = useQueryClient();
  const { body, setBody, errors, pending, submit } = useCommentComposer(
    (text) => ideasApi.comment(ideaId, text),
    (comment) => addIdeaComment(qc, comment),
  );

  const thread = useInfiniteQuery({
    queryKey: ideaKeys.comments(ideaId),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => {
      const page = await ideasApi.comments(ideaId, pageParam);
      rememberPeople(page.items.map((c) => c.author));
      return page;
    },
    getNextPageParam: (last) => last.nextCursor,
  });

  return (
    <section className="card" aria-labelledby="idea-comments-title">
      <h2 id="idea-comments-title" className="card__title">
        {t('comments.title')}
      </h2>
      <CommentThread thread={thread} render={(comment) => <CommentItem key={comment.id} comment={comment} />} />
      <form className={threadStyles.form} onSubmit={submit}>
        <Avatar user={me} size="sm" />
        <Field
          multiline
          className={`field--label-hidden ${styles.field}`}
          label={t('comments.label')}
          value={body}
          onValueChange={setBody}
          placeholder={t('comments.placeholder')}
          errors={errors}
          rows={1}
          maxLength={5000}
        />
        <button type="submit" className="btn btn--secondary btn--small" disabled={!body.trim() || pending}>
          {pending ? t('comments.busy') : t('comments.submit')}
        </button>
      </form>
    </section>
  );
}
