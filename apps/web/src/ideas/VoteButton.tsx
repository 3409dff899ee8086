import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ideasApi } from '../api/endpoints';
import type { Idea } from '../api/types';
import { useMe } from '../auth/useSession';
import { useI18n } from '../i18n/I18nProvider';
import { errorText } from '../ui/errors';
import { Icon } from '../ui/icons';
import styles from '../ui/Vote.module.css';
import { patchIdea, voteTick } from './cache';

/**
 * The vote count, and my vote (toggle) while the campaign is open and the idea is not mine.
 * Updates optimistically; live counts from others arrive through `idea.voted`.
 */
export function VoteButton({ idea, open, size = 'md' }: { idea: Idea; open: boolean; size?: 'md' | 'lg' }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const action = idea.myVote ? t('idea.voted') : t('idea.vote');
  const sized = size === 'lg' ? styles.lg : '';

  if (!open || idea.author.id === me.id) {
    return (
      <div className={`${styles.vote} ${styles.static} ${sized}`} data-testid="vote-count">
        <span className={styles.count}>{idea.voteCount}</span>
        <span className={styles.label}>{t('idea.votesWord', { count: idea.voteCount })}</span>
      </div>
    );
  }

  async function toggle() {
    if (busy) return;
    const mine = idea.myVote;
    const before = { voteCount: idea.voteCount, myVote: idea.myVote };
    setBusy(true);
    setError(null);
    patchIdea(qc, idea.id, (i) => ({ myVote: !mine, voteCount: Math.max(0, i.voteCount + (mine ? -1 : 1)) }));
    const tick = voteTick(idea.id);
    try {
      const answer = mine ? await ideasApi.unvote(idea.id) : await ideasApi.vote(idea.id);
      // A live count that arrived meanwhile is newer than this answer: keep it.
      const fresh = voteTick(idea.id) === tick;
      patchIdea(qc, idea.id, () => ({ myVote: answer.myVote, ...(fresh ? { voteCount: answer.voteCount } : {}) }));
    } catch (err) {
      patchIdea(qc, idea.id, () => before);
      setError(errorText(err, i18n));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={`${styles.vote} ${sized}`}>
      <button
        type="button"
        className={idea.myVote ? `${styles.button} ${styles.voted}` : styles.button}
        aria-pressed={idea.myVote}
        // The name starts with what the button shows (count, then Vote/Voted): WCAG 2.5.3, label in name.
        aria-label={t('idea.voteFor', { title: idea.title, count: idea.voteCount, action })}
        aria-disabled={busy || undefined}
        onClick={() => void toggle()}
      >
        <Icon name="vote" />
        <span className={styles.count} data-testid="vote-count">
          {idea.voteCount}
        </span>{' '}
        <span className={styles.label}>{action}</span>
      </button>
      {error && (
        <p className={`inline-error ${styles.error}`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
