import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { editsApi } from '../api/edits';
import { feedApi } from '../api/endpoints';
import type { Comment } from '../api/types';
import { useMe } from '../auth/useSession';
import { useI18n } from '../i18n/I18nProvider';
import { ModerationBadge } from '../moderation/ModerationBadge';
import { ReportButton, ReportForm, useReportFlow } from '../moderation/ReportForm';
import { usePeoplePages } from '../people/usePeoplePages';
import { HistoryLink, TextEditor } from '../questions/ItemEdits';
import { addComment, keys, markCounted } from './cache';
import styles from './Comments.module.css';
import threadStyles from './CommentThread.module.css';
import { MentionTextarea } from './MentionTextarea';
import { Attachments } from './Attachments';
import { LinkCards } from './LinkCards';
import { RichText } from './PostBody';
import { CommentBox, CommentBubble, CommentThread, useCommentComposer } from './CommentThread';

/**
 * The author edits their comment (#14) in place, with the Markdown toolbar and mentions, and may take
 * its files off (chips); the thread is read again afterwards.
 */
function CommentEditor({ comment, onDone }: { comment: Comment; onDone: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  return (
    <TextEditor
      label={t('comment.editLabel')}
      initial={comment.body}
      attachments={comment.attachments}
      onCancel={onDone}
      onSave={async ({ text, attachmentIds }) => {
        await editsApi.editComment(comment.id, { body: text, ...(attachmentIds ? { attachmentIds } : {}) });
        await qc.invalidateQueries({ queryKey: keys.comments(comment.postId) });
        onDone();
      }}
    />
  );
}

function CommentItem({ comment }: { comment: Comment }) {
  const { t } = useI18n();
  const me = useMe();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const report = useReportFlow();
  const mine = comment.author.id === me.id;
  const remove = async () => {
    if (!window.confirm(t('comment.deleteConfirm'))) return;
    await feedApi.removeComment(comment.id);
    await qc.invalidateQueries({ queryKey: keys.comments(comment.postId) });
  };
  const what = t('report.comment', { name: comment.author.displayName });
  return (
    <CommentBubble
      comment={comment}
      meta={
        <>
          {comment.editedAt && <span className={styles.edited}> · {t('comment.edited')}</span>}
          <ModerationBadge marker={comment.moderation} />
          {mine && !editing && (
            <>
              <button type="button" className={`btn btn--link ${styles.report}`} onClick={() => setEditing(true)}>
                {t('comment.edit')}
              </button>
              <button type="button" className={`btn btn--link ${styles.report}`} onClick={() => void remove()}>
                {t('comment.delete')}
              </button>
            </>
          )}
          {!mine && report.state === 'closed' && (
            <ReportButton
              what={what}
              buttonRef={report.button}
              className={`btn btn--link ${styles.report}`}
              onClick={report.open}
            />
          )}
          {report.state === 'done' && <span className={styles.report}>{t('report.done')}</span>}
        </>
      }
    >
      {editing ? (
        <CommentEditor comment={comment} onDone={() => setEditing(false)} />
      ) : (
        <RichText text={comment.body} html={comment.bodyHtml} className={`rich-text ${threadStyles.body}`} />
      )}
      <HistoryLink kind="comments" id={comment.id} editedAt={comment.editedAt} />
      <Attachments items={comment.attachments} />
      <LinkCards items={comment.linkPreviews} />
      {report.state === 'open' && <ReportForm targetType="comment" targetId={comment.id} what={what} onDone={report.done} />}
    </CommentBubble>
  );
}

/** A post's thread (oldest first) and the box to add to it. */
export function Comments({ postId, id }: { postId: string; id: string }) {
  const { t } = useI18n();
  const me = useMe();
  const qc = useQueryClient();
  const composer = useCommentComposer(
    (text) => feedApi.comment(postId, text),
    (comment) => addComment(qc, comment),
  );
  const thread = usePeoplePages(
    keys.comments(postId),
    (cursor) => feedApi.comments(postId, cursor),
    (c) => c.author,
    {
      onPage: markCounted,
    },
  );

  return (
    <section className={styles.comments} id={id} aria-label={t('comments.title')}>
      <CommentThread thread={thread} render={(comment) => <CommentItem key={comment.id} comment={comment} />} />
      <CommentBox composer={composer}>
        <MentionTextarea
          label={t('comments.label')}
          labelHidden
          value={composer.body}
          onValueChange={composer.setBody}
          placeholder={t('comments.placeholder')}
          errors={composer.errors}
          rows={1}
          excludeId={me.id}
          onSubmitShortcut={() => composer.submit()}
        />
      </CommentBox>
    </section>
  );
}
