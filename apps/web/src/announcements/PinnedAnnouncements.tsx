import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Announcement, announcementKeys, announcementsApi } from '../api/announcements';
import type { Page } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { FormError } from '../ui/bits';
import { formErrors } from '../ui/errors';
import styles from './Announcements.module.css';

/**
 * The must-read announcements pinned above the feed (`GET /api/announcements?pinned=true`): each
 * stays until its reader marks it read. Live updates come from useAnnouncementsRealtime, which
 * refetches this list; marking one read takes it off at once.
 */
export function PinnedAnnouncements() {
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const announce = useAnnounce();
  const pinned = useQuery({ queryKey: announcementKeys.pinned, queryFn: announcementsApi.pinned });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function acknowledge(item: Announcement) {
    setBusy(item.id);
    setError(null);
    try {
      await announcementsApi.ack(item.id);
      qc.setQueryData<Page<Announcement>>(announcementKeys.pinned, (old) =>
        old ? { ...old, items: old.items.filter((a) => a.id !== item.id) } : old,
      );
      announce(t('announcements.acked', { title: item.title }));
    } catch (e) {
      setError(formErrors(e, i18n, {})._form?.join(' ') ?? t('error.generic'));
    } finally {
      setBusy(null);
    }
  }

  const items = pinned.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-label={t('announcements.pinned')}>
      <ul className={styles.banner}>
        {items.map((item) => (
          <li key={item.id} className={`card ${styles.item}`} aria-labelledby={`announcement-${item.id}`}>
            <h2 id={`announcement-${item.id}`}>{item.title}</h2>
            <p className={styles.meta}>
              {t('announcements.from', { name: item.author.displayName })}
              {item.groupId ? ` · ${t('announcements.group')}` : ''}
              {item.expiresAt ? ` · ${t('announcements.expires', { date: i18n.dateTime(item.expiresAt) })}` : ''}
            </p>
            <p className={styles.body}>{item.body}</p>
            <button type="button" className="btn btn--primary" disabled={busy === item.id} onClick={() => void acknowledge(item)}>
              {t('announcements.ack')}
            </button>
          </li>
        ))}
      </ul>
      <FormError>{error}</FormError>
    </section>
  );
}
