import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { questionsApi } from '../api/endpoints';
import type { Question } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { GuidelinesPrompt } from '../moderation/GuidelinesPrompt';
import { FormError, useTitle } from '../ui/bits';
import { Field } from '../ui/Field';
import { SimilarTitles } from '../ui/SimilarTitles';
import { SubmitRow } from '../ui/SubmitButton';
import { TagsEditor } from '../ui/TagsEditor';
import { useFormErrors } from '../ui/useFormErrors';
import { questionKeys } from './cache';
import { QuestionStatusBadge } from './QuestionStatusBadge';
import { WhoWasAsked } from './WhoWasAsked';

/** While a title is typed: questions already asked with a similar title, perhaps answered. */
function SimilarQuestions({ title, id }: { title: string; id: string }) {
  const { t } = useI18n();
  return (
    <SimilarTitles
      id={id}
      title={title}
      heading={t('ask.similar')}
      queryKey={questionKeys.similar}
      find={questionsApi.similar}
      href={(item) => `/questions/${item.id}`}
      details={(item) => (
        <>
          <QuestionStatusBadge status={item.status} />{' '}
          <span className="muted">· {t('questions.answers', { count: item.answerCount })}</span>
        </>
      )}
    />
  );
}

/** After asking: who the question went to, and the way to it. */
function Asked({ question }: { question: Question }) {
  const { t } = useI18n();
  return (
    <section className="card stack" role="status" aria-labelledby="asked-title">
      <h2 className="section-title" id="asked-title">
        {t('ask.done')}
      </h2>
      {question.routedTo.length === 0 ? (
        <p>{t('ask.routedNone')}</p>
      ) : (
        <>
          <p>{t('ask.routedTo', { count: question.routedTo.length })}</p>
          <WhoWasAsked question={question} />
        </>
      )}
      <p>
        <Link to={`/questions/${question.id}`} className="btn btn--primary">
          {t('ask.open')}
        </Link>
      </p>
    </section>
  );
}

/** Ask a question with its topics: similar questions show while typing; the best experts are asked. */
export function AskQuestionPage() {
  const { t } = useI18n();
  useTitle(t('questions.ask'));
  const qc = useQueryClient();
  const similarId = useId();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [topics, setTopics] = useState<string[]>([]);
  const labels = { title: t('ask.titleLabel'), body: t('ask.bodyLabel'), topics: t('ask.topics') };
  const { errors, form, field, submitTo, fail, required } = useFormErrors(labels);

  const ask = useMutation({
    mutationFn: () => questionsApi.ask({ title, body, topics }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: questionKeys.all }),
    onError: fail,
  });

  const submit = submitTo(ask, () => {
    const missing = required({ title });
    if (topics.length === 0) missing.topics = [t('ask.topicsRequired')];
    return missing;
  });

  return (
    <div className="narrow stack">
      <p className="crumbs">
        <Link to="/questions">{t('questions.title')}</Link>
      </p>
      <h1 className="page-title">{t('questions.ask')}</h1>
      {ask.isSuccess ? (
        <Asked question={ask.data} />
      ) : (
        <>
          <GuidelinesPrompt />
          <form ref={form} className="card stack" onSubmit={submit} noValidate aria-label={t('questions.ask')}>
            <FormError>{errors._form?.join(' ')}</FormError>
            <Field {...field('title', title, setTitle)} hint={t('ask.titleHint')} maxLength={200} aria-describedby={similarId} />
            <SimilarQuestions title={title} id={similarId} />
            <Field multiline {...field('body', body, setBody)} hint={t('ask.bodyHint')} rows={5} maxLength={20_000} />
            <TagsEditor
              label={labels.topics}
              hint={t('ask.topicsHint')}
              addLabel={t('ask.addTopic')}
              removeLabel={(name) => t('editProfile.removeSkill', { name })}
              value={topics}
              onChange={setTopics}
              errors={errors.topics}
            />
            <SubmitRow busy={ask.isPending} busyLabel={t('ask.busy')}>
              {t('ask.submit')}
            </SubmitRow>
          </form>
        </>
      )}
    </div>
  );
}
