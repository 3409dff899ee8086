import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notificationsApi } from '../api/endpoints';
import type { MarkReadBody } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { notificationKeys } from './cache';

/** Marks some (`{ ids }`), a category (`{ kinds }`) or all (`{ all: true }`) of my notifications read; every count and list follows. */
export function useMarkRead() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  return useMutation({
    mutationFn: (body: MarkReadBody) => notificationsApi.markRead(body),
    onSuccess: (_v, body) => {
      if ('all' in body) announce(t('notifications.allRead'));
      else if ('kinds' in body) announce(t('notifications.categoryRead'));
      void qc.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}
