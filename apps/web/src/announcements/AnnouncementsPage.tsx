import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { announcementKeys, announcementsApi } from '../api/announcements';
import { useSession } from '../auth/useSession';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { ErrorBlock, FormError, Loading, useTitle } from '../ui/bits';
import { Field } from '../ui/Field';
import { SubmitButton } from '../ui/SubmitButton';
import { useFormErrors } from '../ui/useFormErrors';
import { usePages } from '../ui/usePages';
import styles from './Announcements.module.css';

/** An admin's form for a company-wide announcement (a group's managers publish theirs through the api). */
function PublishForm() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const { errors, form, field, busy, send } = useFormErrors({
    title: t('announcements.form.title'),
    body: t('announcements.form.body'),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    await send(async () => {
      const published = await announcementsApi.create({ title, body });
      setTitle('');
      setBody('');
      announce(t('announcements.form.published', { title: published.title }));
      await qc.invalidateQueries({ queryKey: ['announcements'] });
    });
  }

  return (
    <form ref={form} className="card stack" onSubmit={(e) => void submit(e)} aria-labelledby="publish-announcement">
      <h2 id="publish-announcement" className="card__title">
        {t('announcements.form.heading')}
      </h2>
      <Field {...field('title', title, setTitle)} maxLength={200} required />
      <Field multiline {...field('body', body, setBody)} rows={5} required />
      {errors._form && <FormError>{errors._form.join(' ')}</FormError>}
      <div>
        <SubmitButton busy={busy}>{t('announcements.form.submit')}</SubmitButton>
      </div>
    </form>
  );
}

/** My announcements, unread first; the ones I wrote lead to their receipts. Admins publish from here. */
export function AnnouncementsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  useTitle(t('announcements.title'));
  const { list: mine, items } = usePages(announcementKeys.mine, (cursor) => announcementsApi.mine(cursor));
  const admin = session?.user.roles.includes('admin') ?? false;
  return (
    <div className="stack">
      <h1 className="page-title">{t('announcements.title')}</h1>
      {admin && <PublishForm />}
      {mine.isPending ? (
        <Loading />
      ) : mine.isError ? (
        <ErrorBlock error={mine.error} onRetry={() => void mine.refetch()} />
      ) : items.length === 0 ? (
        <p className="card empty">{t('announcements.empty')}</p>
      ) : (
        <ul className={styles.banner}>
          {items.map((item) => (
            <li key={item.id} className={`card ${styles.item}`}>
              <h2>{item.title}</h2>
              <p className={styles.meta}>
                {t('announcements.from', { name: item.author.displayName })}
                {' · '}
                {item.publishedAt
                  ? item.isRecipient
                    ? item.acknowledgedAt
                      ? t('announcements.state.read')
                      : t('announcements.state.unread')
                    : i18n.dateTime(item.publishedAt)
                  : t('announcements.state.scheduled', { date: i18n.dateTime(item.publishAt) })}
              </p>
              <p className={styles.body}>{item.body}</p>
              {item.author.id === session?.user.id && item.publishedAt && (
                <Link to={`/announcements/${item.id}/receipts`}>{t('announcements.receipts.title')}</Link>
              )}
            </li>
          ))}
        </ul>
      )}
      {mine.hasNextPage && (
        <button type="button" className="btn" disabled={mine.isFetchingNextPage} onClick={() => void mine.fetchNextPage()}>
          {t('announcements.receipts.more')}
        </button>
      )}
    </div>
  );
}
