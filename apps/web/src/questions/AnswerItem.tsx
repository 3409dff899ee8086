import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { editsApi } from '../api/edits';
import { questionsApi } from '../api/endpoints';
import { can } from '../admin/roles';
import type { Answer, QuestionDetail } from '../api/types';
import { useMe } from '../auth/useSession';
import { Attachments } from '../feed/Attachments';
import { LinkCards } from '../feed/LinkCards';
import { RichText } from '../feed/PostBody';
import { useI18n } from '../i18n/I18nProvider';
import { ModerationBadge } from '../moderation/ModerationBadge';
import { ReportButton, ReportForm, useReportFlow } from '../moderation/ReportForm';
import { KudosButton } from '../recognition/KudosButton';
import { useAnnounce } from '../ui/Announcer';
import { Avatar, PersonLink, RelativeTime } from '../ui/bits';
import { Icon } from '../ui/icons';
import { InlineError } from '../ui/InlineError';
import { useAction } from '../ui/useAction';
import voteStyles from '../ui/Vote.module.css';
import { questionKeys } from './cache';
import { EditedMark, HistoryLink, TextEditor } from './ItemEdits';
import styles from './AnswerItem.module.css';

/**
 * One answer: vote (not my own), accept (the asker, once), report; its author edits it in place
 * (text and files), its author or a moderator deletes it; "edited" mark, history for moderators.
 */
export function AnswerItem({ answer, question }: { answer: Answer; question: QuestionDetail }) {
  const { t } = useI18n();
  const me = useMe();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const { busy, error, run } = useAction();
  const report = useReportFlow();
  const [editing, setEditing] = useState(false);
  const mine = answer.author.id === me.id;
  const what = t('report.answer', { name: answer.author.displayName });
  const canAccept = question.asker.id === me.id && !question.acceptedAnswerId;
  const key = questionKeys.detail(question.id);

  const patch = (fn: (a: Answer) => Answer) =>
    qc.setQueryData<QuestionDetail>(key, (q) =>
      q ? { ...q, answers: q.answers.map((a) => (a.id === answer.id ? fn(a) : a)) } : q,
    );

  const vote = () =>
    run(async () => {
      const answerVote = answer.myVote ? await questionsApi.unvote(answer.id) : await questionsApi.vote(answer.id);
      patch((a) => ({ ...a, voteCount: answerVote.voteCount, myVote: answerVote.myVote }));
    });
  const remove = () =>
    run(async () => {
      if (!window.confirm(t('editor.confirmDelete'))) return;
      await editsApi.removeAnswer(answer.id);
      await qc.invalidateQueries({ queryKey: key });
      announce(t('editor.deleted'));
    });
  const canDelete = mine || can.moderate(me.roles);
  const accept = () =>
    run(async () => {
      const updated = await questionsApi.accept(question.id, answer.id);
      qc.setQueryData(key, updated);
      announce(t('answer.acceptedDone'));
    });

  return (
    <li className={answer.accepted ? `card ${styles.answer} ${styles.accepted}` : `card ${styles.answer}`}>
      <div>
        {mine ? (
          <div className={`${voteStyles.vote} ${voteStyles.static}`} data-testid="answer-votes">
            <span className={voteStyles.count}>{answer.voteCount}</span>
            <span className={voteStyles.label}>{t('idea.votesWord', { count: answer.voteCount })}</span>
          </div>
        ) : (
          <button
            type="button"
            className={answer.myVote ? `${voteStyles.button} ${voteStyles.voted}` : voteStyles.button}
            aria-pressed={answer.myVote}
            aria-label={t('answer.voteFor', { name: answer.author.displayName, count: answer.voteCount })}
            aria-disabled={busy || undefined}
            onClick={() => void vote()}
          >
            <Icon name="vote" />
            <span className={voteStyles.count}>{answer.voteCount}</span>
          </button>
        )}
      </div>
      <div className={styles.main}>
        <p className={styles.meta}>
          <Avatar user={answer.author} size="sm" /> <PersonLink user={answer.author} /> <span aria-hidden="true">·</span>{' '}
          <RelativeTime iso={answer.createdAt} />
          {answer.accepted && <span className="badge badge--ok">{t('answer.accepted')}</span>}
          <EditedMark editedAt={answer.editedAt} />
          <ModerationBadge marker={answer.moderation} />
        </p>
        {editing ? (
          <TextEditor
            label={t('editor.edit')}
            initial={answer.body}
            attachments={answer.attachments}
            onCancel={() => setEditing(false)}
            onSave={async ({ text, attachmentIds }) => {
              const updated = await editsApi.editAnswer(answer.id, { body: text, ...(attachmentIds ? { attachmentIds } : {}) });
              patch((a) => ({ ...a, ...updated, myVote: a.myVote, voteCount: a.voteCount, accepted: a.accepted }));
              setEditing(false);
              announce(t('editor.saved'));
            }}
          />
        ) : (
          <>
            <RichText text={answer.body} html={answer.bodyHtml} className="rich-text" />
            <Attachments items={answer.attachments} />
            <LinkCards items={answer.linkPreviews} />
          </>
        )}
        <HistoryLink kind="answers" id={answer.id} editedAt={answer.editedAt} />
        <div className="row">
          {mine && !editing && (
            <button type="button" className="btn btn--ghost btn--small" onClick={() => setEditing(true)}>
              {t('editor.edit')}
            </button>
          )}
          {canDelete && !editing && (
            <button type="button" className="btn btn--ghost btn--small" disabled={busy} onClick={() => void remove()}>
              {t('editor.delete')}
            </button>
          )}
          {canAccept && (
            <button type="button" className="btn btn--outline btn--small" disabled={busy} onClick={() => void accept()}>
              {t('answer.accept')}
            </button>
          )}
          {!mine && report.state === 'closed' && <ReportButton what={what} buttonRef={report.button} onClick={report.open} />}
          {report.state === 'done' && <span className="muted">{t('report.done')}</span>}
          {!mine && <KudosButton targetType="answer" targetId={answer.id} name={answer.author.displayName} />}
        </div>
        {report.state === 'open' && <ReportForm targetType="answer" targetId={answer.id} what={what} onDone={report.done} />}
        <InlineError>{error}</InlineError>
      </div>
    </li>
  );
}
