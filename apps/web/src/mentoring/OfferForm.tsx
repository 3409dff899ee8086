import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { mentoringApi } from '../api/endpoints';
import type { MentoringProfile } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { ErrorBlock, FormError, Loading } from '../ui/bits';
import { CountField } from '../ui/Field';
import { InlineError } from '../ui/InlineError';
import { SubmitRow } from '../ui/SubmitButton';
import { TagsEditor } from '../ui/TagsEditor';
import { useFormErrors } from '../ui/useFormErrors';
import { mentoringKeys, refreshMentoring } from './cache';

/** My mentoring profile (GET /api/me/mentoring), shared by the mentoring page and my profile. */
export function useMyMentoring() {
  return useQuery({ queryKey: mentoringKeys.mine, queryFn: mentoringApi.mine });
}

function Editor({ current }: { current: MentoringProfile }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [topics, setTopics] = useState(() => current.topics.map((topic) => topic.label));
  // A new mentor who saves skills means to take mentees: "available" starts checked for them.
  const [available, setAvailable] = useState(current.available || current.topics.length === 0);
  const [maxMentees, setMaxMentees] = useState(String(current.maxMentees));
  const labels = {
    topics: t('mentoring.offer.topics'),
    available: t('mentoring.offer.available'),
    maxMentees: t('mentoring.offer.maxMentees'),
  };
  const { errors, form, field, submitTo, fail, clear } = useFormErrors(labels);
  const save = useMutation({
    mutationFn: () => mentoringApi.update({ topics, available, maxMentees: Number(maxMentees) }),
    onSuccess: (saved) => {
      clear();
      // Saving may pair me with people who were waiting on these skills.
      refreshMentoring(qc);
      qc.setQueryData(mentoringKeys.mine, saved);
      setTopics(saved.topics.map((topic) => topic.label));
      announce(t('mentoring.offer.saved'));
    },
    onError: fail,
  });

  const submit = submitTo(save, (): Record<string, string[]> => {
    const n = Number(maxMentees);
    return Number.isInteger(n) && n >= 1 && n <= 20 ? {} : { maxMentees: [t('mentoring.offer.maxMenteesInvalid')] };
  });

  return (
    <form ref={form} className="stack" onSubmit={submit} noValidate aria-label={t('mentoring.offer.title')}>
      <FormError>{errors._form?.join(' ')}</FormError>
      <TagsEditor
        label={labels.topics}
        hint={t('mentoring.offer.topicsHint')}
        addLabel={t('mentoring.offer.add')}
        removeLabel={(name) => t('mentoring.offer.remove', { name })}
        value={topics}
        onChange={setTopics}
        errors={errors.topics}
      />
      <label className="radio-group__option">
        <input type="checkbox" checked={available} onChange={(event) => setAvailable(event.target.checked)} />
        <span className="radio-group__label">{labels.available}</span>
      </label>
      <InlineError>{errors.available?.join(' ')}</InlineError>
      <CountField
        min={1}
        max={20}
        {...field('maxMentees', maxMentees, setMaxMentees)}
        hint={t('mentoring.offer.maxMenteesHint')}
      />
      <p className="muted">{t('mentoring.offer.active', { count: current.activeMentees })}</p>
      <SubmitRow busy={save.isPending} busyLabel={t('common.saving')}>
        {t('mentoring.offer.save')}
      </SubmitRow>
    </form>
  );
}

/** What I mentor on, whether I take mentees now, and how many at once. */
export function OfferForm() {
  const mine = useMyMentoring();
  if (mine.isPending) return <Loading />;
  if (mine.isError) return <ErrorBlock error={mine.error} onRetry={() => void mine.refetch()} />;
  return <Editor current={mine.data} />;
}
