import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { questionsApi } from '../api/endpoints';
import type { QuestionDetail } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { guidelinesKey, isGuidelinesError } from '../moderation/GuidelinesPrompt';
import { useAnnounce } from '../ui/Announcer';
import { FormError } from '../ui/bits';
import { Field } from '../ui/Field';
import { SubmitRow } from '../ui/SubmitButton';
import { useFormErrors } from '../ui/useFormErrors';
import { questionKeys } from './cache';

/** "Your answer": the text stays when sending fails. */
export function AnswerForm({ questionId }: { questionId: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [body, setBody] = useState('');
  const labels = { body: t('answer.label') };
  const { errors, form, field, submitTo, fail, required, clear } = useFormErrors(labels);
  const send = useMutation({
    mutationFn: () => questionsApi.answer(questionId, body),
    onSuccess: (answer) => {
      setBody('');
      clear();
      qc.setQueryData<QuestionDetail>(questionKeys.detail(questionId), (q) =>
        q && !q.answers.some((a) => a.id === answer.id)
          ? { ...q, answers: [...q.answers, answer], answerCount: q.answerCount + 1 }
          : q,
      );
      announce(t('answer.sent'));
    },
    onError: (error) => {
      if (isGuidelinesError(error)) void qc.invalidateQueries({ queryKey: guidelinesKey });
      fail(error);
    },
  });
  const submit = submitTo(send, () => required({ body }));
  return (
    <form ref={form} className="card stack" onSubmit={submit} noValidate aria-label={labels.body}>
      <FormError>{errors._form?.join(' ')}</FormError>
      <Field multiline {...field('body', body, setBody)} rows={4} maxLength={20_000} />
      <SubmitRow busy={send.isPending} busyLabel={t('comments.busy')}>
        {t('answer.submit')}
      </SubmitRow>
    </form>
  );
}
