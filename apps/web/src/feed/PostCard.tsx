import { useQueryClient } from '@tanstack/react-query';
import { forwardRef, useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/errors';
import { feedApi } from '../api/endpoints';
import type { Post } from '../api/types';
import { useMe } from '../auth/useSession';
import { GroupTag } from '../groups/GroupTag';
import { useI18n } from '../i18n/I18nProvider';
import { ModerationBadge } from '../moderation/ModerationBadge';
import { ReportButton, ReportForm } from '../moderation/ReportForm';
import { useResync, useRoom } from '../realtime/RealtimeProvider';
import { useAnnounce } from '../ui/Announcer';
import { Avatar, PersonLink, RelativeTime, useOnScreen } from '../ui/bits';
import { errorLines, errorText } from '../ui/errors';
import { Icon } from '../ui/icons';
import { InlineError } from '../ui/InlineError';
import { CancelButton, SubmitRow } from '../ui/SubmitButton';
import { patchPost, removePost } from './cache';
import { Comments } from './Comments';
import { MentionTextarea } from './MentionTextarea';
import { patchPending } from './pending';
import styles from './PostCard.module.css';
import { Attachments } from './Attachments';
import { LinkCards } from './LinkCards';
import { PollCard } from './PollCard';
import { RichText } from './PostBody';
import { ReactionBar } from './ReactionBar';

/** Refetch a post that comes back on screen after this long away (its room was left). */
const STALE_AFTER_MS = 15_000;

function EditForm({ post, onDone }: { post: Post; onDone(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const me = useMe();
  const [body, setBody] = useState(post.body);
  const [errors, setErrors] = useState<string[] | undefined>();
  const [busy, setBusy] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const el = textarea.current;
    el?.focus();
    el?.setSelectionRange(el.value.length, el.value.length);
  }, []);

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (!body.trim() || busy) return;
    if (body === post.body) return onDone();
    setBusy(true);
    try {
      const updated = await feedApi.update(post.id, body);
      patchPost(qc, post.id, (p) => ({ ...p, ...updated }));
      patchPending(post.id, (p) => ({ ...p, ...updated }));
      onDone();
    } catch (error) {
      setErrors(errorLines(error, i18n));
      setBusy(false);
    }
  }

  return (
    <form
      className={styles.edit}
      onSubmit={save}
      onKeyDown={(e) => {
        // Escape closes the form, unless it just closed the mention suggestions.
        if (e.key === 'Escape' && !e.defaultPrevented) onDone();
      }}
    >
      <MentionTextarea
        label={t('post.editLabel')}
        value={body}
        onValueChange={setBody}
        errors={errors}
        rows={4}
        excludeId={me.id}
        textareaRef={textarea}
        onSubmitShortcut={() => void save()}
      />
      <SubmitRow busy={busy} disabled={!body.trim()} busyLabel={t('common.saving')} onCancel={onDone}>
        {t('common.save')}
      </SubmitRow>
    </form>
  );
}

function DeleteConfirm({ post, onCancel }: { post: Post; onCancel(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);

  async function remove() {
    setBusy(true);
    try {
      await feedApi.remove(post.id);
      removePost(qc, post.id);
      patchPending(post.id, () => null);
      announce(t('post.deleted'));
      document.getElementById('main')?.focus({ preventScroll: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) {
        removePost(qc, post.id);
        return;
      }
      setError(errorText(err, i18n));
      setBusy(false);
    }
  }

  return (
    <div className="confirm" role="alertdialog" aria-label={t('post.deleteConfirm')}>
      <p>{t('post.deleteConfirm')}</p>
      <InlineError>{error}</InlineError>
      <div className="row row--end">
        <CancelButton onClick={onCancel} buttonRef={cancel} />
        <button type="button" className="btn btn--danger" onClick={() => void remove()} disabled={busy}>
          {t('post.deleteYes')}
        </button>
      </div>
    </div>
  );
}

/** One post: author, text, reactions, comments; edit and delete for its author. */
export const PostCard = forwardRef<HTMLElement, { post: Post; hideGroup?: boolean }>(function PostCard({ post, hideGroup }, ref) {
  const { t } = useI18n();
  const me = useMe();
  const qc = useQueryClient();
  const [mode, setMode] = useState<'view' | 'edit' | 'delete' | 'report'>('view');
  const [reported, setReported] = useState(false);
  const [showComments, setShowComments] = useState(false);
  const commentsId = useId();
  const headingId = useId();
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const reportButton = useRef<HTMLButtonElement>(null);

  // Live updates (comments, reactions) for posts on screen only.
  const root = useRef<HTMLElement | null>(null);
  const onScreen = useOnScreen(root, '300px');
  useRoom(onScreen || showComments ? `post:${post.id}` : null);

  const refetch = useCallback(
    () =>
      feedApi
        .get(post.id)
        .then((fresh) => patchPost(qc, post.id, (p) => ({ ...p, ...fresh })))
        .catch((error) => {
          if (error instanceof ApiError && error.status === 404) removePost(qc, post.id);
        }),
    [qc, post.id],
  );
  // Events for post rooms are not replayed after a reconnect: refetch what is on screen.
  useResync(() => {
    if (onScreen) void refetch();
  });
  const leftAt = useRef<number | null>(null);
  useEffect(() => {
    if (!onScreen) {
      leftAt.current = Date.now();
      return;
    }
    if (leftAt.current && Date.now() - leftAt.current > STALE_AFTER_MS) void refetch();
    leftAt.current = null;
  }, [onScreen, refetch]);

  const mine = post.author.id === me.id;
  const edited = !!post.updatedAt && post.updatedAt !== post.createdAt;

  return (
    <article
      className={`card ${styles.post}`}
      aria-labelledby={headingId}
      tabIndex={-1}
      ref={(element) => {
        root.current = element;
        if (typeof ref === 'function') ref(element);
        else if (ref) ref.current = element;
      }}
    >
      <header className={styles.header}>
        <Avatar user={post.author} />
        <div className={styles.meta}>
          <h2 className={styles.author} id={headingId}>
            <span className="visually-hidden">{t('post.byline')} </span>
            <PersonLink user={post.author} />
          </h2>
          <p className={styles.sub}>
            <span>@{post.author.handle}</span> <span aria-hidden="true">·</span> <RelativeTime iso={post.createdAt} />
            {edited && <span> · {t('common.edited')}</span>}
            {post.groupId && !hideGroup && <GroupTag groupId={post.groupId} />}
            <ModerationBadge marker={post.moderation} />
          </p>
        </div>
        {mine && mode === 'view' && (
          <div className={styles.owner} role="group" aria-label={t('post.actions')}>
            <button type="button" className="btn btn--ghost btn--small" ref={editButton} onClick={() => setMode('edit')}>
              {t('post.edit')}
            </button>
            <button type="button" className="btn btn--ghost btn--small" ref={deleteButton} onClick={() => setMode('delete')}>
              {t('post.delete')}
            </button>
          </div>
        )}
        {!mine && mode === 'view' && (
          <div className={styles.owner}>
            {reported ? (
              <span className={`muted ${styles.reported}`}>{t('report.done')}</span>
            ) : (
              <ReportButton
                what={t('report.post', { name: post.author.displayName })}
                buttonRef={reportButton}
                onClick={() => setMode('report')}
              />
            )}
          </div>
        )}
      </header>

      {mode === 'edit' ? (
        <EditForm
          post={post}
          onDone={() => {
            setMode('view');
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      ) : (
        <>
          <RichText text={post.body} html={post.bodyHtml} className={`rich-text ${styles.body}`} people={post.mentionedUsers} />
          <Attachments items={post.attachments} />
          <LinkCards items={post.linkPreviews} />
          {post.poll && <PollCard post={post} poll={post.poll} />}
        </>
      )}
      {mode === 'delete' && (
        <DeleteConfirm
          post={post}
          onCancel={() => {
            setMode('view');
            requestAnimationFrame(() => deleteButton.current?.focus());
          }}
        />
      )}

      {mode === 'report' && (
        <ReportForm
          targetType="post"
          targetId={post.id}
          what={t('report.post', { name: post.author.displayName })}
          onDone={(sent) => {
            setMode('view');
            setReported(sent);
            requestAnimationFrame(() => (sent ? root.current : reportButton.current)?.focus());
          }}
        />
      )}

      <footer className={styles.footer}>
        <ReactionBar post={post} />
        <button
          type="button"
          className={`btn btn--ghost btn--small ${styles.commentsToggle}`}
          aria-expanded={showComments}
          aria-controls={showComments ? commentsId : undefined}
          onClick={() => setShowComments((v) => !v)}
        >
          <Icon name="comment" />
          {t('post.comments', { count: post.commentCount })}
        </button>
      </footer>
      {showComments && <Comments postId={post.id} id={commentsId} />}
    </article>
  );
});
