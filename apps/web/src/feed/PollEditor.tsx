import { useId } from 'react';
import type { NewPoll } from '../api/types';
import type { MessageKey } from '../i18n/messages';
import { useI18n } from '../i18n/I18nProvider';
import styles from './PollEditor.module.css';

/** The api's bounds (libs/feed POLL_LIMITS). */
export const POLL_LIMITS = { minOptions: 2, maxOptions: 10, optionLength: 200, questionLength: 300 } as const;

/** A poll being written: the inputs' raw values (`closesAt` as a datetime-local value, '' for none). */
export interface PollDraft {
  question: string;
  options: string[];
  multiple: boolean;
  closesAt: string;
}

export const emptyPoll = (): PollDraft => ({ question: '', options: ['', ''], multiple: false, closesAt: '' });

const filled = (draft: PollDraft) => draft.options.map((o) => o.trim()).filter(Boolean);

/** What keeps the draft from being sent, as a message key; null when it can go (the api checks again). */
export function pollProblem(draft: PollDraft, now = Date.now()): MessageKey | null {
  const options = filled(draft);
  if (options.length < POLL_LIMITS.minOptions) return 'poll.tooFew';
  if (new Set(options.map((o) => o.toLowerCase())).size !== options.length) return 'poll.duplicate';
  if (draft.closesAt && !(new Date(draft.closesAt).getTime() > now)) return 'poll.pastClose';
  return null;
}

/** The draft as the api takes it: empty options left out, the local closing time in UTC. */
export function toNewPoll(draft: PollDraft): NewPoll {
  const question = draft.question.trim();
  return {
    ...(question ? { question } : {}),
    options: filled(draft),
    multiple: draft.multiple,
    ...(draft.closesAt ? { closesAt: new Date(draft.closesAt).toISOString() } : {}),
  };
}

/** The poll part of the composer: a question, 2 to 10 options, single or multiple choice, a closing time. */
export function PollEditor({
  draft,
  onChange,
  onRemove,
}: {
  draft: PollDraft;
  onChange(draft: PollDraft): void;
  onRemove(): void;
}) {
  const { t } = useI18n();
  const problemId = useId();
  const problem = pollProblem(draft);
  const set = (change: Partial<PollDraft>) => onChange({ ...draft, ...change });
  const setOption = (index: number, value: string) => set({ options: draft.options.map((o, i) => (i === index ? value : o)) });

  return (
    <fieldset className={styles.editor} aria-describedby={problem ? problemId : undefined}>
      <legend className={styles.legend}>{t('poll.editor')}</legend>
      <label className={styles.field}>
        <span>{t('poll.question')}</span>
        <input
          type="text"
          value={draft.question}
          maxLength={POLL_LIMITS.questionLength}
          onChange={(e) => set({ question: e.target.value })}
        />
      </label>
      <ol className={styles.options}>
        {draft.options.map((option, index) => (
          <li key={index} className={styles.option}>
            <input
              type="text"
              aria-label={t('poll.option', { n: index + 1 })}
              value={option}
              maxLength={POLL_LIMITS.optionLength}
              onChange={(e) => setOption(index, e.target.value)}
            />
            {draft.options.length > POLL_LIMITS.minOptions && (
              <button
                type="button"
                className="btn btn--ghost btn--small"
                aria-label={t('poll.removeOption', { n: index + 1 })}
                onClick={() => set({ options: draft.options.filter((_, i) => i !== index) })}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ol>
      {draft.options.length < POLL_LIMITS.maxOptions && (
        <button type="button" className="btn btn--ghost btn--small" onClick={() => set({ options: [...draft.options, ''] })}>
          {t('poll.addOption')}
        </button>
      )}
      <label className={styles.check}>
        <input type="checkbox" checked={draft.multiple} onChange={(e) => set({ multiple: e.target.checked })} />
        <span>{t('poll.multiple')}</span>
      </label>
      <label className={styles.field}>
        <span>{t('poll.closesAt')}</span>
        <input type="datetime-local" value={draft.closesAt} onChange={(e) => set({ closesAt: e.target.value })} />
      </label>
      {problem && (
        <p id={problemId} className={styles.problem} aria-live="polite">
          {t(problem)}
        </p>
      )}
      <button type="button" className="btn btn--ghost btn--small" onClick={onRemove}>
        {t('poll.remove')}
      </button>
    </fieldset>
  );
}
