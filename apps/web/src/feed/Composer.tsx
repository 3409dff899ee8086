import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { feedApi } from '../api/endpoints';
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

/** The api's limit (libs/feed POST_MAX_LENGTH). */
const MAX = 10_000;

/** Writes a post company-wide, or into `groupId` (for its members). */
export function Composer({ groupId, label }: { groupId?: string; label?: string } = {}) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<string[] | undefined>();
  const mustAccept = useGuidelines().data?.mustAccept === true;

  const create = useMutation({
    mutationFn: (text: string) => feedApi.create(text, groupId),
    onSuccess: (post) => {
      setBody('');
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
    if (!body.trim() || create.isPending || mustAccept) return;
    create.mutate(body);
  }

  return (
    <>
      <GuidelinesPrompt />
      <form className={`card ${styles.composer}`} onSubmit={submit} aria-label={label ?? t('composer.label')}>
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
        <div className={styles.actions}>
          <span className={styles.hint} aria-hidden="true">
            {body.length > MAX * 0.9 ? `${body.length} / ${MAX}` : t('composer.hint')}
          </span>
          <button type="submit" className="btn btn--primary" disabled={!body.trim() || create.isPending || mustAccept}>
            {create.isPending ? t('composer.busy') : t('composer.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
