import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { feedApi } from '../api/endpoints';
import type { Poll, Post } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { InlineError } from '../ui/InlineError';
import { useAction } from '../ui/useAction';
import { patchPost } from './cache';
import { patchPending } from './pending';
import { isClosed, percentOf, pollTick } from './poll-state';
import styles from './PollCard.module.css';

/** The longest wait setTimeout keeps (about 24.8 days); a poll closing later is checked on the next render. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Re-renders when the poll's closing time is reached, so it closes on screen without an event. */
function useClosedNow(poll: Poll): boolean {
  const [, setNow] = useState(0);
  const closed = isClosed(poll);
  useEffect(() => {
    if (closed || !poll.closesAt) return;
    const wait = Date.parse(poll.closesAt) - Date.now();
    if (wait > MAX_TIMER_MS) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, wait) + 50);
    return () => clearTimeout(timer);
  }, [closed, poll.closesAt]);
  return closed;
}

/**
 * A post's poll. Before I vote (or while I change my vote): the options to choose, one (radio) or
 * several (checkboxes). After, or once closed: the results, a bar per option with its share of the
 * voters, my choices marked. Counts move live (poll.voted patches the feed cache); my own vote
 * shows the server's answer, unless a live event came meanwhile, whose counts are newer.
 */
export function PollCard({ post, poll }: { post: Post; poll: Poll }) {
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const announce = useAnnounce();
  const name = useId();
  const closed = useClosedNow(poll);
  const voted = poll.myVotes.length > 0;
  const [changing, setChanging] = useState(false);
  const [chosen, setChosen] = useState<string[]>(poll.myVotes);
  const { busy, error, run } = useAction();
  const choosing = !closed && (!voted || changing);

  const send = (call: () => Promise<Poll>, done: string) =>
    run(async () => {
      const tick = pollTick(post.id);
      const answer = await call();
      // Counts from a live event that came meanwhile are newer than this answer: keep them.
      const fresh = pollTick(post.id) === tick;
      const apply = (p: Post): Post => (p.poll ? { ...p, poll: fresh ? answer : { ...p.poll, myVotes: answer.myVotes } } : p);
      patchPost(qc, post.id, apply);
      patchPending(post.id, apply);
      setChanging(false);
      setChosen(answer.myVotes);
      announce(done);
    });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || chosen.length === 0) return;
    void send(() => feedApi.vote(post.id, chosen), t('poll.voted'));
  }

  const toggle = (optionId: string, on: boolean) =>
    setChosen((current) =>
      poll.multiple ? (on ? [...current, optionId] : current.filter((id) => id !== optionId)) : [optionId],
    );

  const heading = poll.question ?? t('poll.label');
  const status = closed
    ? t('poll.closed')
    : poll.closesAt
      ? t('poll.closesOn', { time: i18n.dateTime(poll.closesAt) })
      : poll.multiple
        ? t('poll.several')
        : t('poll.single');

  return (
    <section className={styles.poll} aria-label={heading}>
      {poll.question && <p className={styles.question}>{poll.question}</p>}
      {choosing ? (
        <form onSubmit={submit}>
          <fieldset className={styles.choices}>
            <legend className="visually-hidden">{heading}</legend>
            {poll.options.map((option) => (
              <label key={option.id} className={styles.choice}>
                <input
                  type={poll.multiple ? 'checkbox' : 'radio'}
                  name={name}
                  value={option.id}
                  checked={chosen.includes(option.id)}
                  onChange={(e) => toggle(option.id, e.target.checked)}
                />
                <span>{option.text}</span>
              </label>
            ))}
          </fieldset>
          <div className={styles.actions}>
            <button type="submit" className="btn btn--primary btn--small" disabled={busy || chosen.length === 0}>
              {t('poll.vote')}
            </button>
            {changing && (
              <button
                type="button"
                className="btn btn--ghost btn--small"
                onClick={() => {
                  setChanging(false);
                  setChosen(poll.myVotes);
                }}
              >
                {t('common.cancel')}
              </button>
            )}
          </div>
        </form>
      ) : (
        <ul className={styles.results}>
          {poll.options.map((option) => {
            const percent = percentOf(option.votes, poll.totalVoters);
            const mine = poll.myVotes.includes(option.id);
            return (
              <li key={option.id} className={mine ? `${styles.result} ${styles.mine}` : styles.result}>
                <div className={styles.bar} style={{ width: `${percent}%` }} aria-hidden="true" />
                <span className={styles.text}>
                  {option.text}
                  {mine && <span className={styles.badge}> · {t('poll.mine')}</span>}
                </span>
                <span className={styles.percent} data-testid={`poll-percent-${option.id}`}>
                  {percent}%
                </span>
                <span className="visually-hidden">{t('poll.votes', { count: option.votes })}</span>
              </li>
            );
          })}
        </ul>
      )}
      <p className={styles.footer}>
        <span>{t('poll.voters', { count: poll.totalVoters })}</span> <span aria-hidden="true">·</span> <span>{status}</span>
        {!closed && voted && !changing && (
          <>
            {' '}
            <button
              type="button"
              className="btn btn--ghost btn--small"
              disabled={busy}
              onClick={() => {
                setChosen(poll.myVotes);
                setChanging(true);
              }}
            >
              {t('poll.change')}
            </button>
            <button
              type="button"
              className="btn btn--ghost btn--small"
              disabled={busy}
              onClick={() => void send(() => feedApi.unvote(post.id), t('poll.retracted'))}
            >
              {t('poll.retract')}
            </button>
          </>
        )}
      </p>
      <InlineError>{error}</InlineError>
    </section>
  );
}
