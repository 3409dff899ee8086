import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notificationsApi } from '../api/endpoints';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { notificationKeys } from './cache';

/** Marks some (`{ ids }`) or all (`{ all: true }`) of my notifications read; every count and list follows. */
export function useMarkRead() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  return useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) => notificationsApi.markRead(body),
    onSuccess: (_v, body) => {
      if ('all' in body) announce(t('notifications.allRead'));
      void qc.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}
