import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { announcementKeys, announcementsApi, type ReceiptList } from '../api/announcements';
import { isApiError } from '../api/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useRealtimeEvent } from '../realtime/RealtimeProvider';
import { useAnnounce } from '../ui/Announcer';
import { ErrorBlock, Loading, useTitle } from '../ui/bits';
import { DataTable } from '../ui/DataTable';
import { formErrors } from '../ui/errors';
import { usePages } from '../ui/usePages';
import styles from './Announcements.module.css';

/**
 * An announcement's read receipts, for its author and the admins of its scope: read and unread
 * overall and by department (the audience as it was when published), the people in each list, and
 * the once-a-day reminder of the unread. Acknowledgements arrive live.
 */
export function ReceiptsPage() {
  const { id = '' } = useParams();
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [list, setList] = useState<ReceiptList>('unread');
  const [notice, setNotice] = useState<string | null>(null);
  const announcement = useQuery({ queryKey: announcementKeys.one(id), queryFn: () => announcementsApi.get(id) });
  const { list: receipts, items: people } = usePages(announcementKeys.receipts(id, list), (cursor) =>
    announcementsApi.receipts(id, list, cursor),
  );
  useTitle(t('announcements.receipts.title'));
  useRealtimeEvent<{ announcementId: string }>('announcement.acknowledged', (e) => {
    if (e.announcementId === id) void qc.invalidateQueries({ queryKey: ['announcements', 'receipts', id] });
  });

  async function remind() {
    setNotice(null);
    try {
      const { unread } = await announcementsApi.remind(id);
      const text = t('announcements.reminded', { count: unread });
      setNotice(text);
      announce(text);
    } catch (e) {
      setNotice(
        isApiError(e, 409) ? t('announcements.remindedToday') : (formErrors(e, i18n, {})._form?.join(' ') ?? t('error.generic')),
      );
    }
  }

  if (receipts.isError) return <ErrorBlock error={receipts.error} onRetry={() => void receipts.refetch()} />;
  const first = receipts.data?.pages[0];
  if (!first) return <Loading />;
  return (
    <div className="stack">
      <h1 className="page-title">{t('announcements.receipts.title')}</h1>
      {announcement.data && <h2>{announcement.data.title}</h2>}
      <p className={styles.summary}>
        {t('announcements.receipts.summary', { read: first.read, recipients: first.recipients, unread: first.unread })}
      </p>
      {announcement.data?.live && (
        <div>
          <button type="button" className="btn" onClick={() => void remind()}>
            {t('announcements.remind')}
          </button>
          {notice && <p role="status">{notice}</p>}
        </div>
      )}
      <section className="card" aria-labelledby="receipts-departments">
        <h2 id="receipts-departments">{t('announcements.receipts.byDepartment')}</h2>
        <DataTable
          columns={[
            t('announcements.receipts.department'),
            t('announcements.receipts.recipients'),
            t('announcements.receipts.read'),
            t('announcements.receipts.unread'),
          ]}
          className={styles.table}
        >
          {first.byDepartment.map((d) => (
            <tr key={d.department}>
              <th scope="row">{d.department || t('announcements.receipts.noDepartment')}</th>
              <td>{d.recipients}</td>
              <td>{d.read}</td>
              <td>{d.unread}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section className="card" aria-labelledby="receipts-people">
        <h2 id="receipts-people">{t(`announcements.receipts.list.${list}`)}</h2>
        <div role="group" aria-label={t('announcements.receipts.title')}>
          {(['unread', 'read'] as const).map((which) => (
            <button
              key={which}
              type="button"
              className="btn btn--small"
              aria-pressed={list === which}
              onClick={() => setList(which)}
            >
              {t(`announcements.receipts.list.${which}`)}
            </button>
          ))}
        </div>
        {people.length === 0 ? (
          <p>{t('announcements.receipts.empty')}</p>
        ) : (
          <ul className={styles.people}>
            {people.map((p) => (
              <li key={p.user.id}>
                {p.user.displayName}
                {p.department ? ` · ${p.department}` : ''}
                {p.acknowledgedAt ? ` · ${t('announcements.receipts.readAt', { date: i18n.dateTime(p.acknowledgedAt) })}` : ''}
              </li>
            ))}
          </ul>
        )}
        {receipts.hasNextPage && (
          <button
            type="button"
            className="btn"
            disabled={receipts.isFetchingNextPage}
            onClick={() => void receipts.fetchNextPage()}
          >
            {t('announcements.receipts.more')}
          </button>
        )}
      </section>
    </div>
  );
}
