import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ClipboardEvent, type DragEvent, type FormEvent } from 'react';
import { feedApi } from '../api/endpoints';
import { describeFile, uploadFile } from '../api/files';
import { useMe } from '../auth/useSession';
import { useI18n } from '../i18n/I18nProvider';
import { GuidelinesPrompt, guidelinesKey, isGuidelinesError, useGuidelines } from '../moderation/GuidelinesPrompt';
import { useAnnounce } from '../ui/Announcer';
import { Avatar } from '../ui/bits';
import { errorLines } from '../ui/errors';
import { keys, prependPosts } from './cache';
import styles from './Composer.module.css';
import { MentionTextarea } from './MentionTextarea';
import { patchPending } from './pending';
import { emptyPoll, PollEditor, pollProblem, toNewPoll, type PollDraft } from './PollEditor';

/** The api's limit (libs/feed POST_MAX_LENGTH). */
const MAX = 10_000;

/** A file being attached: uploading (`progress` 0–1), ready (`id`), or refused (`error`). */
interface PendingFile {
  key: number;
  name: string;
  progress: number;
  id?: string;
  error?: string;
  /** A raster image (the api measured it): it can be described for people who cannot see it. */
  image?: boolean;
  /** The alt text as typed; saved on the file when the field is left. */
  alt?: string;
}

let nextKey = 0;

/**
 * Writes a post company-wide, or into `groupId` (for its members). Files are attached with the
 * button, by dropping them on the form or by pasting them (a screenshot); each uploads at once with
 * its progress shown, and the post carries the ones that made it.
 */
export function Composer({ groupId, label }: { groupId?: string; label?: string } = {}) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<string[] | undefined>();
  const mustAccept = useGuidelines().data?.mustAccept === true;
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [dragging, setDragging] = useState(false);
  const [poll, setPoll] = useState<PollDraft | null>(null);
  const pollInvalid = poll !== null && pollProblem(poll) !== null;
  const picker = useRef<HTMLInputElement>(null);
  const uploading = files.some((f) => !f.id && !f.error);

  const update = (key: number, change: Partial<PendingFile>) =>
    setFiles((list) => list.map((f) => (f.key === key ? { ...f, ...change } : f)));

  function addFiles(list: FileList | File[] | null | undefined) {
    for (const file of Array.from(list ?? [])) {
      const key = nextKey++;
      setFiles((current) => [...current, { key, name: file.name, progress: 0 }]);
      uploadFile(file, (progress) => update(key, { progress }))
        .then((uploaded) => {
          update(key, { id: uploaded.id, progress: 1, image: uploaded.width !== undefined });
          announce(t('composer.uploaded', { name: file.name }));
        })
        .catch((error: unknown) => update(key, { error: errorLines(error, i18n).join(' ') }));
    }
  }

  function onDrop(event: DragEvent<HTMLFormElement>) {
    if (!event.dataTransfer?.files?.length) return;
    event.preventDefault();
    setDragging(false);
    addFiles(event.dataTransfer.files);
  }

  function onPaste(event: ClipboardEvent<HTMLFormElement>) {
    if (!event.clipboardData?.files?.length) return;
    event.preventDefault();
    addFiles(event.clipboardData.files);
  }

  const create = useMutation({
    mutationFn: ({ text, ids, draft }: { text: string; ids: string[]; draft: PollDraft | null }) =>
      feedApi.create(text, groupId, ids, draft ? toNewPoll(draft) : undefined),
    onSuccess: (post) => {
      setBody('');
      setFiles([]);
      setPoll(null);
      setErrors(undefined);
      prependPosts(qc, keys.feed('home'), [post]);
      if (!post.groupId) prependPosts(qc, keys.feed('company'), [post]);
      prependPosts(qc, keys.userPosts(me.id), [post]);
      if (post.groupId) prependPosts(qc, keys.groupFeed(post.groupId), [post]);
      // Our own post.created event can beat this answer: it must not also wait behind the pill.
      patchPending(post.id, () => null);
      announce(t('composer.posted'));
    },
    onError: (error) => {
      // Not accepted the (new) guidelines yet: show them; what was typed stays in the box.
      if (isGuidelinesError(error)) void qc.invalidateQueries({ queryKey: guidelinesKey });
      // What was typed stays in the box.
      setErrors(errorLines(error, i18n));
    },
  });

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!body.trim() || create.isPending || mustAccept || uploading || pollInvalid) return;
    create.mutate({ text: body, ids: files.flatMap((f) => (f.id ? [f.id] : [])), draft: poll });
  }

  return (
    <>
      <GuidelinesPrompt />
      <form
        className={`card ${styles.composer} ${dragging ? styles.dragging : ''}`}
        onSubmit={submit}
        aria-label={label ?? t('composer.label')}
        onDragOver={(event) => {
          if (!event.dataTransfer?.types?.includes('Files')) return;
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        onPaste={onPaste}
      >
        <div className={styles.row}>
          <Avatar user={me} />
          <MentionTextarea
            label={label ?? t('composer.label')}
            labelHidden
            value={body}
            onValueChange={setBody}
            placeholder={t('composer.placeholder')}
            errors={errors}
            rows={3}
            maxLength={MAX}
            excludeId={me.id}
            onSubmitShortcut={() => submit()}
          />
        </div>
        {files.length > 0 && (
          <ul className={styles.files} aria-label={t('composer.attached')}>
            {files.map((f) => (
              <li key={f.key} className={styles.file}>
                <span className={styles.fileName}>{f.name}</span>
                {!f.id && !f.error && (
                  <progress
                    value={f.progress}
                    max={1}
                    aria-label={t('composer.uploading', { name: f.name, percent: Math.round(f.progress * 100) })}
                  />
                )}
                {f.error && (
                  <span className={styles.fileError} role="alert">
                    {f.error}
                  </span>
                )}
                {f.id && f.image && (
                  <input
                    className={`input ${styles.alt}`}
                    value={f.alt ?? ''}
                    maxLength={1000}
                    placeholder={t('editor.altPlaceholder')}
                    aria-label={t('editor.altLabel', { name: f.name })}
                    onChange={(event) => update(f.key, { alt: event.target.value })}
                    onBlur={(event) => {
                      // Saved when left: the post then shows the image with this text.
                      describeFile(f.id!, event.target.value).catch((error: unknown) =>
                        update(f.key, { error: errorLines(error, i18n).join(' ') }),
                      );
                    }}
                  />
                )}
                <button
                  type="button"
                  className="btn btn--ghost"
                  aria-label={t('composer.removeFile', { name: f.name })}
                  onClick={() => setFiles((list) => list.filter((x) => x.key !== f.key))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        {poll && <PollEditor draft={poll} onChange={setPoll} onRemove={() => setPoll(null)} />}
        <div className={styles.actions}>
          <input
            ref={picker}
            type="file"
            multiple
            hidden
            onChange={(event) => {
              addFiles(event.target.files);
              event.target.value = '';
            }}
          />
          <button type="button" className="btn btn--ghost" onClick={() => picker.current?.click()} title={t('composer.dropHint')}>
            {t('composer.attach')}
          </button>
          {!poll && (
            <button type="button" className="btn btn--ghost" onClick={() => setPoll(emptyPoll())}>
              {t('poll.add')}
            </button>
          )}
          <span className={styles.hint} aria-hidden="true">
            {body.length > MAX * 0.9 ? `${body.length} / ${MAX}` : t('composer.hint')}
          </span>
          <button
            type="submit"
            className="btn btn--primary"
            disabled={!body.trim() || create.isPending || mustAccept || uploading || pollInvalid}
          >
            {create.isPending ? t('composer.busy') : t('composer.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
