import { useQueryClient } from '@tanstack/react-query';
import { ideasApi } from '../api/endpoints';
import type { IdeaComment } from '../api/types';
import { LinkCards } from '../feed/LinkCards';
import { RichText } from '../feed/PostBody';
import { useI18n } from '../i18n/I18nProvider';
import { usePeoplePages } from '../people/usePeoplePages';
import { CardSection } from '../ui/CardSection';
import { Field } from '../ui/Field';
import { addIdeaComment, ideaKeys } from './cache';
import styles from './IdeaComments.module.css';
import { CommentBox, CommentBubble, CommentThread, useCommentComposer } from '../feed/CommentThread';
import threadStyles from '../feed/CommentThread.module.css';

function CommentItem({ comment }: { comment: IdeaComment }) {
  return (
    <CommentBubble comment={comment}>
      <RichText text={comment.body} html={comment.bodyHtml} className={`rich-text ${threadStyles.body}`} />
      <LinkCards items={comment.linkPreviews} />
    </CommentBubble>
  );
}

/** The discussion under an idea, oldest first; new comments arrive live through the idea's room. */
export function IdeaComments({ ideaId }: { ideaId: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const composer = useCommentComposer(
    (text) => ideasApi.comment(ideaId, text),
    (comment) => addIdeaComment(qc, comment),
  );
  const thread = usePeoplePages(
    ideaKeys.comments(ideaId),
    (cursor) => ideasApi.comments(ideaId, cursor),
    (c) => c.author,
  );

  return (
    <CardSection title={t('comments.title')} className="card">
      <CommentThread thread={thread} render={(comment) => <CommentItem key={comment.id} comment={comment} />} />
      <CommentBox composer={composer}>
        <Field
          multiline
          className={`field--label-hidden ${styles.field}`}
          label={t('comments.label')}
          value={composer.body}
          onValueChange={composer.setBody}
          placeholder={t('comments.placeholder')}
          errors={composer.errors}
          rows={1}
          maxLength={5000}
        />
      </CommentBox>
    </CardSection>
  );
}
