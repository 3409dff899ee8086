import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { editsApi, type EditableKind, type Revision } from '../api/edits';
import { uploadFile } from '../api/files';
import type { Attachment } from '../api/types';
import { can } from '../admin/roles';
import { useMe } from '../auth/useSession';
import { MentionTextarea } from '../feed/MentionTextarea';
import { useI18n } from '../i18n/I18nProvider';
import { PersonLink, RelativeTime } from '../ui/bits';
import { errorText } from '../ui/errors';
import { Field } from '../ui/Field';
import { InlineError } from '../ui/InlineError';
import { useAction } from '../ui/useAction';
import styles from './ItemEdits.module.css';

/** The "edited" mark on an item changed after it was written (its time in the tooltip). */
export function EditedMark({ editedAt }: { editedAt?: string | null }) {
  const { t } = useI18n();
  if (!editedAt) return null;
  return (
    <span className={styles.edited} title={new Date(editedAt).toLocaleString()}>
      {t('editor.edited')}
    </span>
  );
}

/**
 * Moderators only (the api answers 403 to anyone else): the previous texts of an edited item,
 * loaded when asked for, newest first.
 */
export function HistoryLink({ kind, id, editedAt }: { kind: EditableKind; id: string; editedAt?: string | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const [items, setItems] = useState<Revision[] | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!editedAt || !can.moderate(me.roles)) return null;
  const toggle = async () => {
    setOpen(!open);
    if (items || open) return;
    try {
      setItems((await editsApi.history(kind, id)).items);
    } catch (err) {
      setError(errorText(err, i18n));
    }
  };
  return (
    <div className={styles.history}>
      <button type="button" className="btn btn--link btn--small" aria-expanded={open} onClick={() => void toggle()}>
        {t('editor.history')}
      </button>
      <InlineError>{open && error}</InlineError>
      {open &&
        items &&
        (items.length === 0 ? (
          <p className="muted">{t('editor.historyEmpty')}</p>
        ) : (
          <ol className={styles.revisions}>
            {items.map((item) => (
              <li key={item.editedAt}>
                <p className="muted">
                  <PersonLink user={item.editedBy} /> · <RelativeTime iso={item.editedAt} />
                </p>
                {item.title && <p className={styles.title}>{item.title}</p>}
                <pre className={styles.body}>{item.body}</pre>
              </li>
            ))}
          </ol>
        ))}
    </div>
  );
}

/** A file chosen while editing: uploading (its progress), or refused (why). */
interface PendingUpload {
  key: string;
  name: string;
  progress: number;
  error?: string;
}

/**
 * Edits a text in place (Markdown toolbar and mentions), with an optional title, and the item's
 * files as chips that can be taken off or added to (each added file uploads at once; the save sends
 * the whole list once it changed, and waits for uploads in progress; untouched, none is sent).
 */
export function TextEditor(props: {
  label: string;
  initial: string;
  title?: { label: string; initial: string };
  attachments?: Attachment[];
  onSave(input: { text: string; title?: string; attachmentIds?: string[] }): Promise<void>;
  onCancel(): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [text, setText] = useState(props.initial);
  const [title, setTitle] = useState(props.title?.initial ?? '');
  const [files, setFiles] = useState(props.attachments ?? []);
  const [uploads, setUploads] = useState<PendingUpload[]>([]);
  const { busy, error, run } = useAction();
  const picker = useRef<HTMLInputElement>(null);
  const initialIds = (props.attachments ?? []).map((f) => f.id).join();
  const filesChanged = files.map((f) => f.id).join() !== initialIds;
  const uploading = uploads.some((u) => !u.error);
  const addFiles = (event: ChangeEvent<HTMLInputElement>) => {
    for (const file of Array.from(event.target.files ?? [])) {
      const key = `${file.name}-${Date.now()}-${Math.random()}`;
      const update = (change: Partial<PendingUpload>) =>
        setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));
      setUploads((all) => [...all, { key, name: file.name, progress: 0 }]);
      uploadFile(file, (progress) => update({ progress }))
        .then((uploaded) => {
          setUploads((all) => all.filter((u) => u.key !== key));
          setFiles((all) => [
            ...all,
            { id: uploaded.id, name: uploaded.name, size: uploaded.size, contentType: uploaded.contentType, url: '' },
          ]);
        })
        .catch((err: unknown) => update({ error: errorText(err, i18n) }));
    }
    event.target.value = '';
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    await run(() =>
      props.onSave({
        text: text.trim(),
        ...(props.title ? { title: title.trim() } : {}),
        ...(filesChanged ? { attachmentIds: files.map((f) => f.id) } : {}),
      }),
    );
  };
  return (
    <form className={`stack ${styles.editor}`} onSubmit={(event) => void save(event)} aria-label={props.label}>
      {props.title && <Field label={props.title.label} value={title} onValueChange={setTitle} maxLength={200} />}
      <MentionTextarea label={props.label} value={text} onValueChange={setText} rows={5} />
      {files.length > 0 && (
        <ul className={styles.files} aria-label={t('attachments.files')}>
          {files.map((file) => (
            <li key={file.id} className={styles.file}>
              <span>{file.name}</span>
              <button
                type="button"
                className="btn btn--link btn--small"
                aria-label={t('editor.removeFile', { name: file.name })}
                onClick={() => setFiles(files.filter((f) => f.id !== file.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {uploads.length > 0 && (
        <ul className={styles.files} aria-label={t('editor.uploads')}>
          {uploads.map((u) => (
            <li key={u.key} className={styles.file}>
              {u.error ? (
                <span role="alert">{t('editor.uploadFailed', { name: u.name, reason: u.error })}</span>
              ) : (
                <span>{t('editor.uploading', { name: u.name, percent: Math.round(u.progress * 100) })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <input ref={picker} type="file" multiple hidden onChange={addFiles} aria-hidden="true" tabIndex={-1} />
      <InlineError>{error}</InlineError>
      <div className="row">
        <button type="button" className="btn btn--ghost btn--small" onClick={() => picker.current?.click()}>
          {t('editor.attach')}
        </button>
        <button
          type="submit"
          className="btn btn--primary btn--small"
          disabled={busy || uploading || !text.trim() || (!!props.title && !title.trim())}
        >
          {t('editor.save')}
        </button>
        <button type="button" className="btn btn--small" onClick={props.onCancel}>
          {t('editor.cancel')}
        </button>
      </div>
    </form>
  );
}
