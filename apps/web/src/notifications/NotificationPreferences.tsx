import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { notificationsApi } from '../api/endpoints';
import type { MessageKey } from '../i18n/messages';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorBlock, Loading } from '../ui/bits';
import { errorText } from '../ui/errors';
import { notificationKeys } from './cache';
import styles from './NotificationPreferences.module.css';
import { isKnownKind } from './notificationText';

/** Which kinds of notifications I receive: one checkbox each, saved as it is ticked. */
export function NotificationPreferences() {
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const headingId = useId();
  const prefs = useQuery({ queryKey: notificationKeys.preferences, queryFn: notificationsApi.preferences });
  const save = useMutation({
    mutationFn: (change: { kind: string; enabled: boolean }) => notificationsApi.setPreferences([change]),
    onSuccess: (saved) => qc.setQueryData(notificationKeys.preferences, saved),
  });
  return (
    <section className={`card stack ${styles.prefs}`} aria-labelledby={headingId}>
      <h2 className="section-title" id={headingId}>
        {t('notifications.prefs')}
      </h2>
      {prefs.isPending ? (
        <Loading />
      ) : prefs.isError ? (
        <ErrorBlock error={prefs.error} onRetry={() => void prefs.refetch()} />
      ) : (
        <fieldset className="field">
          <legend className="field__hint">{t('notifications.prefsHint')}</legend>
          {prefs.data.items.map((pref) => (
            <label key={pref.kind} className="radio-group__option">
              <input
                type="checkbox"
                checked={save.isPending && save.variables?.kind === pref.kind ? save.variables.enabled : pref.enabled}
                disabled={save.isPending}
                onChange={(event) => save.mutate({ kind: pref.kind, enabled: event.target.checked })}
              />
              <span className="radio-group__label">
                {isKnownKind(pref.kind) ? t(`notifications.pref.${pref.kind}` as MessageKey) : pref.kind}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {save.isError && (
        <p className="inline-error" role="alert">
          {errorText(save.error, i18n)}
        </p>
      )}
    </section>
  );
}
