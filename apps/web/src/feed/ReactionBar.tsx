import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { feedApi } from '../api/endpoints';
import { REACTION_KINDS, type Post, type ReactionKind } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { errorText } from '../ui/errors';
import { Icon } from '../ui/icons';
import { InlineError } from '../ui/InlineError';
import { patchPending } from './pending';
import { patchPost, reactionTick } from './cache';
import styles from './ReactionBar.module.css';

/** The four reactions with their counts; pressed ones are mine. Updates optimistically. */
export function ReactionBar({ post }: { post: Post }) {
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const [busy, setBusy] = useState<ReactionKind | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function toggle(kind: ReactionKind) {
    if (busy) return;
    const mine = post.myReactions.includes(kind);
    const before = { reactions: post.reactions, myReactions: post.myReactions };
    const optimistic = (p: Post): Post => ({
      ...p,
      myReactions: mine ? p.myReactions.filter((k) => k !== kind) : [...p.myReactions, kind],
      reactions: { ...p.reactions, [kind]: Math.max(0, p.reactions[kind] + (mine ? -1 : 1)) },
    });
    setBusy(kind);
    setError(null);
    patchPost(qc, post.id, optimistic);
    const tick = reactionTick(post.id);
    try {
      const answer = mine ? await feedApi.unreact(post.id, kind) : await feedApi.react(post.id, kind);
      const myReactions = answer.myReactions;
      // Live counts that arrived meanwhile are newer than this answer: keep them.
      const fresh = reactionTick(post.id) === tick;
      const apply = (p: Post): Post => ({
        ...p,
        ...(fresh ? { reactions: answer.reactions } : {}),
        ...(myReactions ? { myReactions } : {}),
      });
      patchPost(qc, post.id, apply);
      patchPending(post.id, apply);
    } catch (err) {
      patchPost(qc, post.id, (p) => ({ ...p, ...before }));
      setError(errorText(err, i18n));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className={styles.reactions} role="group" aria-label={t('reaction.group')}>
      {REACTION_KINDS.map((kind) => {
        const count = post.reactions[kind];
        const pressed = post.myReactions.includes(kind);
        const label = t(`reaction.${kind}`);
        return (
          <button
            key={kind}
            type="button"
            className={pressed ? `${styles.reaction} ${styles.mine}` : styles.reaction}
            aria-pressed={pressed}
            aria-label={`${label} ${count}`}
            title={label}
            onClick={() => void toggle(kind)}
            aria-disabled={busy === kind || undefined}
          >
            <Icon name={kind} className={`${styles.icon} ${styles[kind]}`} />
            <span className={styles.label} aria-hidden="true">
              {label}
            </span>{' '}
            {/* the space keeps "Like 2" two words for what reads the text (flex shows no gap) */}
            <span className={styles.count} aria-hidden="true" data-testid={`reaction-count-${kind}`}>
              {count}
            </span>
          </button>
        );
      })}
      <InlineError>{error}</InlineError>
    </div>
  );
}
