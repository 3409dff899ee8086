import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { can } from '../admin/roles';
import { editsApi } from '../api/edits';
import { questionsApi } from '../api/endpoints';
import { ApiError } from '../api/errors';
import type { AnswerCreatedEvent, QuestionDetail } from '../api/types';
import { useMe } from '../auth/useSession';
import { Attachments } from '../feed/Attachments';
import { LinkCards } from '../feed/LinkCards';
import { RichText } from '../feed/PostBody';
import { useI18n } from '../i18n/I18nProvider';
import { GuidelinesPrompt } from '../moderation/GuidelinesPrompt';
import { ModerationBadge } from '../moderation/ModerationBadge';
import { ReportButton, ReportForm, useReportFlow } from '../moderation/ReportForm';
import { useRealtimeEvent, useRealtimeEvents, useResync, useRoom } from '../realtime/RealtimeProvider';
import { ErrorBlock, Loading, PersonLink, RelativeTime, useTitle } from '../ui/bits';
import { ActionError } from '../ui/ActionError';
import { CardSection } from '../ui/CardSection';
import { StaticChips } from '../ui/Chips';
import { InlineError } from '../ui/InlineError';
import { useAction } from '../ui/useAction';
import { AnswerForm } from './AnswerForm';
import { AnswerItem } from './AnswerItem';
import { questionKeys } from './cache';
import { EditedMark, HistoryLink, TextEditor } from './ItemEdits';
import { QuestionStatusBadge } from './QuestionStatusBadge';
import facts from './question.module.css';
import { WhoWasAsked } from './WhoWasAsked';

const LIVE_QUESTION_CHANGES = [
  'answer.voted',
  'question.answer_accepted',
  'question.claimed',
  'question.claim_released',
  'question.routed',
] as const;

/** For the asker: who was asked and why (#17). */
function AskedSection({ question }: { question: QuestionDetail }) {
  const { t } = useI18n();
  const me = useMe();
  if (question.asker.id !== me.id) return null;
  return (
    <CardSection title={t('asked.title')} titleClassName="section-title">
      {question.routedTo.length === 0 ? <p>{t('ask.routedNone')}</p> : <WhoWasAsked question={question} />}
      {/* Who is on it, live (question.claimed / claim_released reach the asker). */}
      {question.claim && question.status === 'open' && (
        <p role="status">
          {t('question.claimedBy')} <PersonLink user={question.claim.user} />
        </p>
      )}
    </CardSection>
  );
}

/** "I'm on it": one person at a time tells the others they are answering. */
function ClaimButton({ question }: { question: QuestionDetail }) {
  const { t } = useI18n();
  const me = useMe();
  const qc = useQueryClient();
  const mineClaim = question.claim?.user.id === me.id;
  const toggle = useMutation({
    mutationFn: () => (mineClaim ? questionsApi.release(question.id) : questionsApi.claim(question.id)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: questionKeys.detail(question.id) }),
  });
  if (question.status !== 'open' || question.asker.id === me.id) return null;
  if (question.claim && !mineClaim) {
    return (
      <p className="muted">
        {t('question.claimedBy')} <PersonLink user={question.claim.user} />
      </p>
    );
  }
  return (
    <div className="row">
      <button
        type="button"
        className="btn btn--outline btn--small"
        aria-pressed={mineClaim}
        disabled={toggle.isPending}
        onClick={() => toggle.mutate()}
      >
        {mineClaim ? t('question.release') : t('question.claim')}
      </button>
      {mineClaim && <span className="muted">{t('question.claimedByMe')}</span>}
      <ActionError error={toggle.error} />
    </div>
  );
}

/** "Report" for the question (not my own). */
function ReportQuestion({ question }: { question: QuestionDetail }) {
  const { t } = useI18n();
  const me = useMe();
  const report = useReportFlow();
  const what = t('report.question', { name: question.asker.displayName });
  if (question.asker.id === me.id) return null;
  if (report.state === 'done') return <p className="muted">{t('report.done')}</p>;
  if (report.state === 'open')
    return <ReportForm targetType="question" targetId={question.id} what={what} onDone={report.done} />;
  return (
    <div className="row row--end">
      <ReportButton what={what} buttonRef={report.button} onClick={report.open} />
    </div>
  );
}

/**
 * The question's text and files: its asker edits them in place (title, text, files), its asker or a
 * moderator deletes it (then back to the list); "edited" mark, and the history for moderators.
 */
export function QuestionBody({ question }: { question: QuestionDetail }) {
  const { t } = useI18n();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const { error, run } = useAction();
  const mine = question.asker.id === me.id;
  const remove = () =>
    run(async () => {
      if (!window.confirm(t('editor.confirmDelete'))) return;
      await editsApi.removeQuestion(question.id);
      qc.removeQueries({ queryKey: questionKeys.detail(question.id) });
      void navigate('/questions');
    });
  if (editing) {
    return (
      <TextEditor
        label={t('editor.edit')}
        initial={question.body}
        title={{ label: t('ask.titleLabel'), initial: question.title }}
        attachments={question.attachments}
        onCancel={() => setEditing(false)}
        onSave={async ({ text, title, attachmentIds }) => {
          const updated = await editsApi.editQuestion(question.id, {
            body: text,
            ...(title === undefined ? {} : { title }),
            ...(attachmentIds ? { attachmentIds } : {}),
          });
          qc.setQueryData(questionKeys.detail(question.id), updated);
          setEditing(false);
        }}
      />
    );
  }
  return (
    <>
      {question.body && <RichText text={question.body} html={question.bodyHtml} className="rich-text" />}
      <Attachments items={question.attachments} />
      <LinkCards items={question.linkPreviews} />
      <HistoryLink kind="questions" id={question.id} editedAt={question.editedAt} />
      {(mine || can.moderate(me.roles)) && (
        <div className="row">
          {mine && (
            <button type="button" className="btn btn--ghost btn--small" onClick={() => setEditing(true)}>
              {t('editor.edit')}
            </button>
          )}
          <button type="button" className="btn btn--ghost btn--small" onClick={() => void remove()}>
            {t('editor.delete')}
          </button>
        </div>
      )}
      <InlineError>{error}</InlineError>
    </>
  );
}

/** A question with its answers, kept live through its `question:<id>` room. */
export function QuestionPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const qc = useQueryClient();
  const key = questionKeys.detail(id);
  const question = useQuery({ queryKey: key, queryFn: () => questionsApi.get(id), staleTime: 0 });
  useTitle(question.data?.title ?? t('questions.title'));
  useRoom(question.data ? `question:${id}` : null);
  const refetch = () => void qc.invalidateQueries({ queryKey: key });
  useResync(refetch);
  useRealtimeEvent<AnswerCreatedEvent>('answer.created', (event) => {
    if (event.answer?.questionId === id) refetch();
  });
  // A vote, an accepted answer, someone saying "I'm on it" (or no longer), a later routing round
  // (which reaches the asker): the asker and the experts see it without a reload.
  useRealtimeEvents<{ questionId?: string }>(LIVE_QUESTION_CHANGES, (event) => {
    if (event.questionId === id) refetch();
  });

  if (question.isPending) return <Loading />;
  if (question.isError) {
    // It was on screen and moderation has since taken it out of sight (it may come back live).
    if (question.data && question.error instanceof ApiError && question.error.status === 404) {
      return (
        <div className="narrow stack question-page">
          <p className="card empty" role="status">
            {t('question.unavailable')} <Link to="/questions">{t('questions.title')}</Link>
          </p>
        </div>
      );
    }
    return <ErrorBlock error={question.error} onRetry={() => void question.refetch()} />;
  }
  const q = question.data;
  return (
    <div className="narrow stack question-page">
      <p className="crumbs">
        <Link to="/questions">{t('questions.title')}</Link>
      </p>
      <article className="card stack" aria-labelledby="question-title">
        <h1 className="page-title" id="question-title">
          {q.title}
        </h1>
        <p className={`${facts.facts} muted`}>
          <QuestionStatusBadge status={q.status} />
          <ModerationBadge marker={q.moderation} />
          <span>
            {t('questions.askedBy')} <PersonLink user={q.asker} /> · <RelativeTime iso={q.createdAt} />{' '}
            <EditedMark editedAt={q.editedAt} />
          </span>
        </p>
        <StaticChips label={t('questions.topics')} items={q.topics}>
          {(topic) => <Link to={`/topics/${encodeURIComponent(topic)}`}>{topic}</Link>}
        </StaticChips>
        <QuestionBody question={q} />
        <ClaimButton question={q} />
        <ReportQuestion question={q} />
      </article>
      <AskedSection question={q} />
      <section aria-labelledby="answers-title" className="stack">
        <h2 className="section-title" id="answers-title">
          {t('questions.answers', { count: q.answers.length })}
        </h2>
        {q.answers.length === 0 ? (
          <p className="card empty">{t('answer.none')}</p>
        ) : (
          <ul className="bare-list stack">
            {q.answers.map((answer) => (
              <AnswerItem key={answer.id} answer={answer} question={q} />
            ))}
          </ul>
        )}
      </section>
      <GuidelinesPrompt />
      <AnswerForm questionId={q.id} />
    </div>
  );
}
