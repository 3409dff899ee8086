import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { mentoringApi } from '../api/endpoints';
import type { MentoringRequest } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { Avatar, FormError, PersonLink } from '../ui/bits';
import { Field } from '../ui/Field';
import { SubmitRow } from '../ui/SubmitButton';
import { useFormErrors } from '../ui/useFormErrors';
import { refreshMentoring } from './cache';
import styles from './AskMentorForm.module.css';

/** What came of my request: who I am paired with, or that I wait for a mentor. */
function Outcome({ request }: { request: MentoringRequest }) {
  const { t } = useI18n();
  if (request.mentor) {
    return (
      <div className={styles.outcome}>
        <p>{t('mentoring.ask.paired', { skill: request.label })}</p>
        <p className="row">
          <Avatar user={request.mentor} size="sm" />
          <PersonLink user={request.mentor} />
        </p>
      </div>
    );
  }
  return <p className={styles.outcome}>{t('mentoring.ask.waiting', { skill: request.label })}</p>;
}

/** Ask for a guide on a skill: paired at once with a willing expert who has room, or waiting. */
export function AskMentorForm() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [skill, setSkill] = useState('');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<MentoringRequest | null>(null);
  const labels = { skill: t('mentoring.ask.skill'), note: t('mentoring.ask.note') };
  const { errors, form, field, submitTo, fail, required, clear } = useFormErrors(labels);
  const ask = useMutation({
    mutationFn: () => mentoringApi.ask({ skill: skill.trim(), note: note.trim() || undefined }),
    onSuccess: (request) => {
      clear();
      setOutcome(request);
      setSkill('');
      setNote('');
      refreshMentoring(qc);
      announce(
        request.mentor
          ? t('mentoring.ask.pairedDone', { name: request.mentor.displayName })
          : t('mentoring.ask.waiting', { skill: request.label }),
      );
    },
    // What was typed stays in the fields.
    onError: (error) => {
      setOutcome(null);
      fail(error);
    },
  });

  const submit = submitTo(ask, () => required({ skill }));

  return (
    <form ref={form} className="stack" onSubmit={submit} noValidate aria-label={t('mentoring.ask.title')}>
      <FormError>{errors._form?.join(' ')}</FormError>
      <Field {...field('skill', skill, setSkill)} hint={t('mentoring.ask.skillHint')} maxLength={60} autoComplete="off" />
      <Field multiline {...field('note', note, setNote)} maxLength={2000} rows={3} />
      <SubmitRow busy={ask.isPending} busyLabel={t('mentoring.ask.sending')}>
        {t('mentoring.ask.submit')}
      </SubmitRow>
      {outcome && <Outcome request={outcome} />}
    </form>
  );
}
